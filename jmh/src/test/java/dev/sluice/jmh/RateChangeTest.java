package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rate-change latency and the check's bounds, on synthetic release schedules. */
class RateChangeTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 9_000_000_000_000L;
    private static final long CHUNK = 8192;
    private static final long WINDOW = RateChangeMain.WINDOW_NANOS;

    /** 8 KiB every {@code before} ms until the change at 1000 ms, then every {@code after} ms, 3 s in all. */
    private static long[][] schedule(long beforeMs, long firstAfterMs, long afterMs) {
        List<Long> instants = new ArrayList<>();
        long t = 0;
        for (; t < 1000; t += beforeMs) {
            instants.add(T0 + t * MS);
        }
        for (t = 1000 + firstAfterMs; t < 3000; t += afterMs) {
            instants.add(T0 + t * MS);
        }
        long[] at = instants.stream().mapToLong(Long::longValue).toArray();
        long[] sizes = new long[at.length];
        java.util.Arrays.fill(sizes, CHUNK);
        return new long[][] {at, sizes};
    }

    @Test
    void aPacerThatSwitchesAtOnceToTwiceTheRateIsWithinTwoIntervals() {
        // 80 ms chunks, then 40 ms from the change: the third release after the change completes two intervals
        long[][] s = schedule(80, 40, 40);

        assertEquals(120 * MS, RateChange.latencyNanos(s[0], s[1], T0 + 1000 * MS, 204_800, WINDOW, 0.05));
    }

    @Test
    void atHalfTheRateTheWindowStretchesToTwoIntervals() {
        // 160 ms apart: 250 ms holds one interval, so the window reaches back two releases
        long[][] s = schedule(80, 160, 160);

        assertEquals(480 * MS, RateChange.latencyNanos(s[0], s[1], T0 + 1000 * MS, 51_200, WINDOW, 0.05));
    }

    @Test
    void aPacerThatKeepsTheOldRateNeverFollows() {
        long[][] s = schedule(80, 80, 80);

        assertEquals(RateChange.NEVER, RateChange.latencyNanos(s[0], s[1], T0 + 1000 * MS, 204_800, WINDOW, 0.05));
    }

    @Test
    void aPacerThatTakesHalfASecondToSpeedUpIsSeenThen() {
        // still 80 ms apart for 500 ms after the change, then 40 ms: the 250 ms window is all-new 250 ms later
        List<Long> instants = new ArrayList<>();
        for (long t = 0; t < 1500; t += 80) {
            instants.add(T0 + t * MS);
        }
        long last = instants.get(instants.size() - 1);
        for (int k = 1; k <= 20; k++) {
            instants.add(last + k * 40 * MS);
        }
        long[] at = instants.stream().mapToLong(Long::longValue).toArray();
        long[] sizes = new long[at.length];
        java.util.Arrays.fill(sizes, CHUNK);

        long latency = RateChange.latencyNanos(at, sizes, T0 + 1000 * MS, 204_800, WINDOW, 0.05);

        // the last slow release is at 1440 ms; at 1640 ms the 250 ms window starts there, and its own (slow)
        // interval is not counted: five 40 ms intervals, exactly the new rate
        assertEquals(640 * MS, latency);
    }

    @Test
    void checkJudgesSluiceLatencyAndErrorButNeverAPeer() {
        List<RateChangeMain.Result> results = List.of(
                new RateChangeMain.Result(RateChangePath.SLUICE_ASYNC, 0.5, 2840, -0.004),
                new RateChangeMain.Result(RateChangePath.SLUICE_BLOCKING, 2, Double.NaN, -7),
                new RateChangeMain.Result(RateChangePath.GUAVA, 0.5, Double.NaN, -6.3));

        assertEquals(List.of(
                "sluice-async x0.5: latency 2840.0 ms is above 1000 ms",
                "sluice-blocking x2.0: latency NaN ms is above 1000 ms",
                "sluice-blocking x2.0: error -7.000 % against the new rate is outside +/-5 %"),
                RateChangeMain.violations(results));
    }
}
