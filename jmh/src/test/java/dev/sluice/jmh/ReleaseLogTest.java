package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import org.junit.jupiter.api.Test;

/** The pacing metrics on synthetic timestamps: the schedules below are what perfect pacers would produce. */
class ReleaseLogTest {

    /** Not zero, so that code which confuses instants with durations fails. */
    private static final long T0 = 5_000_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long CHUNK = 8192;
    private static final long MIB = 1024 * 1024;
    private static final long TOLERANCE = PathResult.T0_TOLERANCE_NANOS;
    private static final long SECOND = PathResult.ONE_SECOND_NANOS;
    private static final long HUNDRED_MS = PathResult.HUNDRED_MILLIS_NANOS;

    /** 1 MiB at 100 KiB/s through a full 16 KiB bucket: two chunks at t0, then one every 80 ms. */
    private static ReleaseLog leakyBucketSchedule() {
        ReleaseLog log = new ReleaseLog(128);
        log.record(T0, CHUNK);
        log.record(T0, CHUNK);
        for (int k = 2; k < 128; k++) {
            log.record(T0 + (k - 1) * 80 * MS, CHUNK);
        }
        return log;
    }

    /** Guava at 102,400 permits/s: the first chunk at once, then one every 80 ms. */
    private static ReleaseLog guavaSchedule() {
        ReleaseLog log = new ReleaseLog(128);
        for (int k = 0; k < 128; k++) {
            log.record(T0 + k * 80 * MS, CHUNK);
        }
        return log;
    }

    @Test
    void achievedRateOfAPerfectLeakyBucketIsExactlyTheTargetOnceTheBurstAtT0IsLeftOut() {
        ReleaseLog log = leakyBucketSchedule();

        assertEquals(MIB, log.totalBytes());
        assertEquals(128, log.releases());
        assertEquals(10.08, log.elapsedSeconds(), 1e-12);
        assertEquals(16384, log.burstAtStart(TOLERANCE));
        assertEquals(102_400.0, log.achievedBytesPerSecond(TOLERANCE), 1e-6);
    }

    @Test
    void plainRateCountsTheBurstAndRunsFasterThanTheTarget() {
        ReleaseLog log = leakyBucketSchedule();

        // 1,048,576 B in 10.08 s: the 16 KiB burst makes it look 1.59 % fast
        assertEquals(1_048_576 / 10.08, log.plainBytesPerSecond(T0), 1e-6);
        assertEquals(1_048_576 / 10.10, log.plainBytesPerSecond(T0 - 20 * MS), 1e-6);
    }

    @Test
    void windowsOfAPerfectLeakyBucketHoldTheBurstPlusTheChunksThatFitInHalfOpenWindows() {
        ReleaseLog log = leakyBucketSchedule();

        // [t0, t0 + 1 s): two burst chunks and those at 80, 160, ..., 960 ms
        assertEquals(14 * CHUNK, log.maxBytesInWindow(SECOND));
        assertEquals(14 * CHUNK, log.bytesInFirst(SECOND));
        // [t0, t0 + 100 ms): two burst chunks and the one at 80 ms
        assertEquals(3 * CHUNK, log.maxBytesInWindow(HUNDRED_MS));
    }

    @Test
    void guavaScheduleHasOneChunkAtT0AndTheSameAchievedRate() {
        ReleaseLog log = guavaSchedule();

        assertEquals(10.16, log.elapsedSeconds(), 1e-12);
        assertEquals(CHUNK, log.burstAtStart(TOLERANCE));
        assertEquals(102_400.0, log.achievedBytesPerSecond(TOLERANCE), 1e-6);
        // 0, 80, ..., 960 ms: 13 chunks in any second, 2 in any 100 ms
        assertEquals(13 * CHUNK, log.maxBytesInWindow(SECOND));
        assertEquals(13 * CHUNK, log.bytesInFirst(SECOND));
        assertEquals(2 * CHUNK, log.maxBytesInWindow(HUNDRED_MS));
    }

    @Test
    void windowIsHalfOpenSoReleasesExactlyOneWindowApartNeverShareIt() {
        ReleaseLog log = new ReleaseLog(2);
        log.record(T0, 100);
        log.record(T0 + HUNDRED_MS, 100);

        assertEquals(100, log.maxBytesInWindow(HUNDRED_MS));
        assertEquals(200, log.maxBytesInWindow(HUNDRED_MS + 1));
        assertEquals(100, log.bytesInFirst(HUNDRED_MS));
    }

    @Test
    void busiestWindowIsFoundWhereverItLiesNotOnlyAtTheStart() {
        ReleaseLog log = new ReleaseLog(4);
        log.record(T0, 10);
        log.record(T0 + 500 * MS, 40);
        log.record(T0 + 550 * MS, 40);
        log.record(T0 + 640 * MS, 5);

        assertEquals(85, log.maxBytesInWindow(150 * MS));
        assertEquals(80, log.maxBytesInWindow(HUNDRED_MS));
        assertEquals(10, log.bytesInFirst(HUNDRED_MS));
    }

    @Test
    void releaseWithinTheToleranceOfT0CountsAsBurstAndOneJustAfterDoesNot() {
        ReleaseLog log = new ReleaseLog(3);
        log.record(T0, 1000);
        log.record(T0 + TOLERANCE, 1000);
        log.record(T0 + TOLERANCE + 1, 1000);

        assertEquals(2000, log.burstAtStart(TOLERANCE));
    }

    @Test
    void achievedRateIsNotANumberWhenEveryByteCameAtT0() {
        ReleaseLog log = new ReleaseLog(2);
        log.record(T0, CHUNK);
        log.record(T0, CHUNK);

        assertEquals(0.0, log.elapsedSeconds());
        assertTrue(Double.isNaN(log.achievedBytesPerSecond(TOLERANCE)));
        assertTrue(Double.isNaN(log.plainBytesPerSecond(T0)));
    }

    @Test
    void logGrowsBeyondItsExpectedSize() {
        ReleaseLog log = new ReleaseLog(1);
        for (int i = 0; i < 100; i++) {
            log.record(T0 + i * MS, 1);
        }

        assertEquals(100, log.releases());
        assertEquals(100, log.totalBytes());
        assertEquals(T0 + 99 * MS, log.lastNanos());
    }

    @Test
    void refusesAReleaseEarlierThanThePreviousOne() {
        ReleaseLog log = new ReleaseLog(2);
        log.record(T0, 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.record(T0 - 1, 1));
        assertEquals("release at 4999999999999 ns is earlier than the previous one at 5000000000000 ns", e.getMessage());
    }

    @Test
    void refusesAnEmptyRelease() {
        ReleaseLog log = new ReleaseLog(1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.record(T0, 0));
        assertEquals("a release must be at least 1 B, was 0 B", e.getMessage());
    }

    @Test
    void refusesAnEmptyWindow() {
        ReleaseLog log = leakyBucketSchedule();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.maxBytesInWindow(0));
        assertEquals("window must be at least 1 ns, was 0 ns", e.getMessage());
    }

    @Test
    void metricsOfAnEmptyLogSayNoReleaseWasRecorded() {
        ReleaseLog log = new ReleaseLog(1);

        IllegalStateException e = assertThrows(IllegalStateException.class, log::elapsedSeconds);
        assertEquals("no release was recorded", e.getMessage());
    }

    @Test
    void pathResultReportsErrorsInPercentOfTheTarget() {
        ReleaseLog log = leakyBucketSchedule();

        PathResult result = PathResult.of("p", log, T0, T0 + 10_160 * MS,
                DataRate.ofBitsPerSecond(819_200), true);

        assertEquals(0.0, result.achievedErrorPercent(), 1e-9);
        assertEquals((1_048_576 / 10.08 / 102_400 - 1) * 100, result.plainErrorPercent(), 1e-9);
        assertEquals(80.0, result.tailMillis(), 1e-9);
        assertEquals(24576, result.maxBytesInHundredMillis());
    }
}
