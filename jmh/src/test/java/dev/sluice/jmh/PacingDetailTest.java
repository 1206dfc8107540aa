package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import org.junit.jupiter.api.Test;

/**
 * The extra pacing figures (jitter, steady and after-idle windows, CPU per MiB) on synthetic timestamps:
 * the schedule of a perfect 16 KiB leaky bucket at 100 KiB/s, with chosen releases moved.
 */
class PacingDetailTest {

    private static final long T0 = 7_000_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long CHUNK = 8192;
    private static final DataRate TARGET = DataRate.ofBitsPerSecond(819_200);

    /** Two chunks at t0, then one every 80 ms; release {@code late} arrives {@code lateMs} late. */
    private static ReleaseLog schedule(int releases, int late, long lateMs) {
        ReleaseLog log = new ReleaseLog(releases);
        log.record(T0, CHUNK);
        log.record(T0, CHUNK);
        for (int k = 2; k < releases; k++) {
            log.record(T0 + (k - 1) * 80 * MS + (k == late ? lateMs * MS : 0), CHUNK);
        }
        return log;
    }

    @Test
    void aPerfectLeakyBucketDeviatesFromItsScheduleByNothing() {
        double[] deviations = schedule(5, -1, 0).scheduleDeviationsMillis(TARGET.bytesPerSecond(),
                PathResult.T0_TOLERANCE_NANOS);

        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, deviations, 1e-9);
    }

    @Test
    void aLateReleaseDeviatesByItsDelayAndTheNextOneIsOnTimeAgain() {
        double[] deviations = schedule(5, 3, 7).scheduleDeviationsMillis(TARGET.bytesPerSecond(),
                PathResult.T0_TOLERANCE_NANOS);

        assertArrayEquals(new double[] {0, 0, 0, 7, 0}, deviations, 1e-9);
    }

    @Test
    void jitterPercentilesComeFromTheDeviations() {
        // 128 releases, one 30 ms late: p50 is 0, p99 (the 127th of 128) is still 0, the late one is the max
        PacingDetail detail = PacingDetail.of("p", schedule(128, 64, 30), new ReleaseLog(1), 0, TARGET, -1);

        assertEquals(0.0, detail.jitterP50Millis(), 1e-9);
        assertEquals(0.0, detail.jitterP99Millis(), 1e-9);

        PacingDetail twoLate = PacingDetail.of("p", lateTwice(), new ReleaseLog(1), 0, TARGET, -1);
        assertEquals(30.0, twoLate.jitterP99Millis(), 1e-9);
    }

    private static ReleaseLog lateTwice() {
        ReleaseLog log = new ReleaseLog(128);
        log.record(T0, CHUNK);
        log.record(T0, CHUNK);
        for (int k = 2; k < 128; k++) {
            log.record(T0 + (k - 1) * 80 * MS + (k == 40 || k == 90 ? 30 * MS : 0), CHUNK);
        }
        return log;
    }

    @Test
    void steadyWindowsLeaveTheStartBurstOut() {
        // 10.16 s of the perfect schedule: the start burst puts 3 chunks in the first 100 ms, steady state 2
        PacingDetail detail = PacingDetail.of("p", schedule(128, -1, 0), new ReleaseLog(1), 0, TARGET, -1);

        assertEquals(3 * CHUNK, detail.bytesInFirstHundredMillis());
        assertEquals(2 * CHUNK, detail.steadyMaxBytesInHundredMillis());
        // 1 s starting at a release holds 13 releases (0, 80, ..., 960 ms)
        assertEquals(13 * CHUNK, detail.steadyMaxBytesInOneSecond());
    }

    @Test
    void steadyRateOfAPerfectScheduleIsTheTargetAndNeedsTwoReleasesAfterTheFirstSecond() {
        PacingDetail detail = PacingDetail.of("p", schedule(128, -1, 0), new ReleaseLog(1), 0, TARGET, -1);

        assertEquals(102_400.0, detail.steadyBytesPerSecond(), 1e-6);
        assertEquals(0.0, detail.steadyErrorPercent(), 1e-9);
        // 13 releases: the last at 960 ms, none after 1 s
        assertEquals(Double.NaN, PacingDetail.of("p", schedule(13, -1, 0), new ReleaseLog(1), 0, TARGET, -1)
                .steadyBytesPerSecond());
    }

    @Test
    void aRunShorterThanTwoSecondsHasNoSteadyOneSecondWindow() {
        PacingDetail detail = PacingDetail.of("p", schedule(20, -1, 0), new ReleaseLog(1), 0, TARGET, -1);

        assertEquals(-1, detail.steadyMaxBytesInOneSecond());
    }

    @Test
    void afterIdleWindowsComeFromTheSecondLogAndAreNotMeasuredWithoutAPause() {
        ReleaseLog afterIdle = new ReleaseLog(4);
        long resumed = T0 + 70_000 * MS;
        afterIdle.record(resumed, CHUNK);
        afterIdle.record(resumed, CHUNK);
        afterIdle.record(resumed + 80 * MS, CHUNK);
        afterIdle.record(resumed + 160 * MS, CHUNK);

        PacingDetail idle = PacingDetail.of("p", schedule(20, -1, 0), afterIdle, 60_000 * MS, TARGET, -1);
        PacingDetail none = PacingDetail.of("p", schedule(20, -1, 0), new ReleaseLog(1), 0, TARGET, -1);

        assertEquals(60.0, idle.idleSeconds(), 1e-9);
        assertEquals(4 * CHUNK, idle.afterIdleMaxBytesInOneSecond());
        assertEquals(3 * CHUNK, idle.afterIdleMaxBytesInHundredMillis());
        assertEquals(-1, none.afterIdleMaxBytesInOneSecond());
        assertEquals(-1, none.afterIdleMaxBytesInHundredMillis());
    }

    @Test
    void cpuIsPerMebibyteOfTheMeasuredPayloadAndUnknownStaysUnknown() {
        // 128 chunks of 8 KiB = 1 MiB; 25 ms of CPU
        assertEquals(25.0, PacingDetail.of("p", schedule(128, -1, 0), new ReleaseLog(1), 0, TARGET, 25 * MS)
                .cpuMillisPerMebibyte(), 1e-9);
        assertEquals(Double.NaN, PacingDetail.of("p", schedule(128, -1, 0), new ReleaseLog(1), 0, TARGET, -1)
                .cpuMillisPerMebibyte());
    }

    @Test
    void maxWindowFromAnInstantCountsOnlyReleasesFromThen() {
        ReleaseLog log = schedule(10, -1, 0);

        assertEquals(2 * CHUNK, log.maxBytesInWindowFrom(100 * MS, T0 + 1));
        assertEquals(3 * CHUNK, log.maxBytesInWindowFrom(100 * MS, T0));
        assertEquals(0, log.maxBytesInWindowFrom(100 * MS, T0 + 10_000 * MS));
    }
}
