package dev.sluice.qos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QosBandwidthTest {

    @Test
    void minusOneAndZeroAreTheNamedUnlimitedAndForbiddenValues() {
        assertSame(QosBandwidth.UNLIMITED, QosBandwidth.ofGigabitsPerSecond(-1));
        assertSame(QosBandwidth.FORBIDDEN, QosBandwidth.ofGigabitsPerSecond(0));
        assertTrue(QosBandwidth.UNLIMITED.isUnlimited());
        assertTrue(QosBandwidth.FORBIDDEN.isForbidden());
        assertFalse(QosBandwidth.FORBIDDEN.isLimited());
        assertTrue(QosBandwidth.ofGigabitsPerSecond(5).isLimited());
    }

    @Test
    void keepsWholeGigabitsPerSecondAndPrintsTheUnit() {
        QosBandwidth ten = QosBandwidth.ofGigabitsPerSecond(10);

        assertEquals(10, ten.gigabitsPerSecond());
        assertEquals("10 Gbit/s", ten.toString());
        assertEquals(QosBandwidth.ofGigabitsPerSecond(10), ten);
    }

    @Test
    void rejectsValuesBelowMinusOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QosBandwidth.ofGigabitsPerSecond(-2));

        assertEquals("QoS bandwidth -2 Gbit/s is out of range (allowed: -1 = unlimited, 0 = forbidden, or >= 1)",
                e.getMessage());
    }

    @Test
    void rejectsRequestRatesBelowMinusOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QosQps.ofRequestsPerSecond(-5));

        assertEquals("QoS request rate -5 QPS is out of range (allowed: -1 = unlimited, or >= 0)", e.getMessage());
    }

    @Test
    void anUnlimitedItemFitsUnderAnyParentAndAnyItemFitsUnderAnUnlimitedOne() {
        QosBandwidth ten = QosBandwidth.ofGigabitsPerSecond(10);

        assertTrue(QosBandwidth.UNLIMITED.fitsUnder(ten));
        assertTrue(ten.fitsUnder(QosBandwidth.UNLIMITED));
        assertTrue(ten.fitsUnder(ten));
        assertFalse(QosBandwidth.ofGigabitsPerSecond(11).fitsUnder(ten));
        assertFalse(QosBandwidth.ofGigabitsPerSecond(5).fitsUnder(QosBandwidth.FORBIDDEN));
    }
}
