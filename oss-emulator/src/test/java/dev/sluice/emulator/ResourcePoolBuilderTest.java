package dev.sluice.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Declaring resource pools on the builder, and the QoS values a pool may have. */
class ResourcePoolBuilderTest {

    @Test
    void refusesAQosItemBelowMinusOneNamingItsUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QosLimits.bandwidth(-2, -1, -1, -1, -1, -1));

        assertEquals("totalUploadGbps must be -1 (unlimited), 0 (forbidden) or a positive number of Gbit/s, was -2", e.getMessage());
    }

    @Test
    void refusesAComponentAboveItsLimitedTotalButAcceptsAnUnlimitedOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QosLimits.bandwidth(10, -1, -1, 10, 11, -1));

        assertEquals("intranetDownloadGbps 11 Gbit/s must not exceed totalDownloadGbps 10 Gbit/s (a component may be -1: capped by its total)",
                e.getMessage());
        assertEquals(-1, QosLimits.bandwidth(10, -1, -1, 10, -1, -1).intranetUploadGbps());
    }

    @Test
    void refusesABadPoolNameAndADuplicatePool() {
        OssEmulator.Builder builder = TestClient.emulator().resourcePool("pool-one", QosLimits.unlimited());

        assertEquals("resource pool name \"Pool One\" must be 3..63 lower-case letters, digits and hyphens, not starting or ending"
                + " with a hyphen", assertThrows(IllegalArgumentException.class,
                        () -> builder.resourcePool("Pool One", QosLimits.unlimited())).getMessage());
        assertEquals("resource pool pool-one is declared twice", assertThrows(IllegalArgumentException.class,
                () -> builder.resourcePool("pool-one", QosLimits.unlimited())).getMessage());
    }

    @Test
    void refusesABucketInTwoPools() {
        OssEmulator.Builder builder = TestClient.emulator().resourcePool("pool-one", QosLimits.unlimited(), "shared-bucket");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.resourcePool("pool-two", QosLimits.unlimited(), "shared-bucket"));

        assertEquals("bucket shared-bucket is already in a resource pool", e.getMessage());
    }

    @Test
    void refusesThe101stPool() {
        OssEmulator.Builder builder = TestClient.emulator();
        for (int i = 0; i < 100; i++) {
            builder.resourcePool("pool-" + i, QosLimits.unlimited());
        }

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.resourcePool("pool-100", QosLimits.unlimited()));

        assertEquals("resource pool pool-100 would be pool 101: at most 100 resource pools", e.getMessage());
    }
}
