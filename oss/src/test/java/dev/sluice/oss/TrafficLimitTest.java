package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import org.junit.jupiter.api.Test;

class TrafficLimitTest {

    @Test
    void acceptsTheOssRangeInclusive() {
        assertEquals("819200", TrafficLimit.of(DataRate.ofKibibytesPerSecond(100)).headerValue());
        assertEquals("838860800", TrafficLimit.of(DataRate.ofMebibytesPerSecond(100)).headerValue());
        assertEquals("x-oss-traffic-limit=8388608 (1 MiB/s)", TrafficLimit.of(DataRate.parse("1MiB/s")).toString());
    }

    @Test
    void rejectsTrafficLimitBelowOssMinimum() {
        assertEquals("x-oss-traffic-limit 500000 bit/s is below the OSS minimum of 819200 bit/s (100 KiB/s)",
                assertThrows(IllegalArgumentException.class,
                        () -> TrafficLimit.of(DataRate.ofBitsPerSecond(500_000))).getMessage());
        assertEquals("x-oss-traffic-limit 819199 bit/s is below the OSS minimum of 819200 bit/s (100 KiB/s)",
                assertThrows(IllegalArgumentException.class,
                        () -> TrafficLimit.of(DataRate.ofBitsPerSecond(819_199))).getMessage());
    }

    @Test
    void rejectsTrafficLimitAboveOssMaximumAndUnlimited() {
        assertEquals("x-oss-traffic-limit 838860801 bit/s is above the OSS maximum of 838860800 bit/s (100 MiB/s)",
                assertThrows(IllegalArgumentException.class,
                        () -> TrafficLimit.of(DataRate.ofBitsPerSecond(838_860_801))).getMessage());
        assertEquals("x-oss-traffic-limit unlimited is above the OSS maximum of 838860800 bit/s (100 MiB/s)",
                assertThrows(IllegalArgumentException.class, () -> TrafficLimit.of(DataRate.UNLIMITED)).getMessage());
        assertEquals("x-oss-traffic-limit must not be null",
                assertThrows(IllegalArgumentException.class, () -> TrafficLimit.of(null)).getMessage());
    }
}
