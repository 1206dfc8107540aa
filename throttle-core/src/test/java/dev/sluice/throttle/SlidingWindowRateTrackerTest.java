package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.throttle.internal.SlidingWindowRateTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlidingWindowRateTrackerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLISECOND = 1_000_000L;
    private static final long MICROSECOND = 1_000L;

    private final FakeTime time = new FakeTime();
    private final RateTracker tracker = RateTracker.slidingWindow(Duration.ofSeconds(1), time);

    @Test
    void reportsZeroBeforeAnythingIsRecorded() {
        assertEquals(0.0, tracker.bytesPerSecond());
    }

    @Test
    void dividesTheBytesOfTheLastSecondByOneSecond() {
        recordEvery(10 * MILLISECOND, 100, 1024);

        assertEquals(102_400.0, tracker.bytesPerSecond());
    }

    @Test
    void countsTheFirstRecordToo() {
        tracker.record(500);

        assertEquals(500.0, tracker.bytesPerSecond());
    }

    @Test
    void aRecordCountsUntilItIsExactlyOneWindowOld() {
        time.advance(123_456_789);
        tracker.record(100);

        time.advance(SECOND - 1);
        assertEquals(100.0, tracker.bytesPerSecond());
        time.advance(1);
        assertEquals(0.0, tracker.bytesPerSecond());
    }

    @Test
    void oldRecordsLeaveOneByOneAsTheWindowSlides() {
        recordEvery(10 * MILLISECOND, 100, 1024);
        time.advance(10 * MILLISECOND);

        assertEquals(101_376.0, tracker.bytesPerSecond());
        time.advance(500 * MILLISECOND);
        assertEquals(50_176.0, tracker.bytesPerSecond());
        time.advance(480 * MILLISECOND);
        assertEquals(1024.0, tracker.bytesPerSecond());
        time.advance(10 * MILLISECOND);
        assertEquals(0.0, tracker.bytesPerSecond());
    }

    @Test
    void fallsToZeroWhenTheTransferStops() {
        tracker.record(1_000_000);
        time.advance(3600 * SECOND);

        assertEquals(0.0, tracker.bytesPerSecond());
    }

    @Test
    void aShorterWindowScalesTheBytesUpToASecond() {
        RateTracker tenthOfASecond = RateTracker.slidingWindow(Duration.ofMillis(100), time);
        tenthOfASecond.record(8192);
        time.advance(50 * MILLISECOND);
        tenthOfASecond.record(2048);

        assertEquals(102_400.0, tenthOfASecond.bytesPerSecond());
    }

    @Test
    void recordsWithinAThousandthOfTheWindowShareASlotAndLeaveWithItsFirstRecord() {
        tracker.record(100);
        time.advance(999 * MICROSECOND);
        tracker.record(50);
        time.advance(MICROSECOND);
        tracker.record(25);

        time.advance(SECOND - MILLISECOND - 1);
        assertEquals(175.0, tracker.bytesPerSecond());
        time.advance(1);
        assertEquals(25.0, tracker.bytesPerSecond());
        time.advance(MILLISECOND);
        assertEquals(0.0, tracker.bytesPerSecond());
    }

    @Test
    void oneByteEveryMicrosecondForThreeSecondsGivesOneMillionBytesPerSecond() {
        recordEvery(MICROSECOND, 3_000_000, 1);

        assertEquals(1_000_000.0, tracker.bytesPerSecond());
    }

    @Test
    void holdsAtMostAThousandSlotsHoweverOftenItIsFed() {
        SlidingWindowRateTracker window = new SlidingWindowRateTracker(Duration.ofSeconds(1), time);
        int mostSlots = 0;
        for (int i = 0; i < 5_000; i++) {
            window.record(1);
            mostSlots = Math.max(mostSlots, window.liveSlots());
            time.advance(MILLISECOND);
        }

        assertEquals(1000, mostSlots);
        assertEquals(999.0, window.bytesPerSecond());
    }

    @Test
    void holdsAtMostOneSlotMoreThanAThousandWhenTheWindowIsNotAWholeNumberOfSlots() {
        Duration window = Duration.ofNanos(1_000_999_999);
        SlidingWindowRateTracker odd = new SlidingWindowRateTracker(window, time);
        int mostSlots = 0;
        for (int i = 0; i < 3_000; i++) {
            odd.record(1);
            mostSlots = Math.max(mostSlots, odd.liveSlots());
            time.advance(1_000_999);
        }

        assertEquals(1001, mostSlots);
    }

    @Test
    void ignoresRecordsOfZeroBytes() {
        SlidingWindowRateTracker window = new SlidingWindowRateTracker(Duration.ofSeconds(1), time);
        window.record(0);

        assertEquals(0, window.liveSlots());
        assertEquals(0.0, window.bytesPerSecond());
    }

    @Test
    void aRecordAfterTheTickerWentBackJoinsTheNewestSlot() {
        long[] now = {5 * SECOND};
        RateTracker backwards = RateTracker.slidingWindow(Duration.ofSeconds(1), () -> now[0]);
        backwards.record(100);
        now[0] -= 10 * MILLISECOND;
        backwards.record(50);
        now[0] += 10 * MILLISECOND + SECOND - 1;
        assertEquals(150.0, backwards.bytesPerSecond());

        now[0] += 1;
        assertEquals(0.0, backwards.bytesPerSecond());
    }

    @Test
    void saturatesInsteadOfOverflowingAndRecountsOnceTheHugeRecordLeaves() {
        tracker.record(Long.MAX_VALUE);
        time.advance(10 * MILLISECOND);
        tracker.record(Long.MAX_VALUE);
        tracker.record(7);
        assertEquals(Long.MAX_VALUE * 1.0, tracker.bytesPerSecond());

        time.advance(SECOND - 10 * MILLISECOND);
        assertEquals(Long.MAX_VALUE * 1.0, tracker.bytesPerSecond());
        time.advance(10 * MILLISECOND);
        assertEquals(0.0, tracker.bytesPerSecond());
    }

    @Test
    void recountsExactlyWhenTheSaturatedTotalDropsBelowTheLargestLong() {
        tracker.record(Long.MAX_VALUE - 10);
        time.advance(10 * MILLISECOND);
        tracker.record(100);
        time.advance(SECOND - 10 * MILLISECOND);

        assertEquals(100.0, tracker.bytesPerSecond());
    }

    @Test
    void refusesANegativeByteCount() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> tracker.record(-8192));

        assertEquals("byte count must be at least 0 B, was -8192 B", refused.getMessage());
    }

    @Test
    void refusesAWindowShorterThanOneMillisecond() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RateTracker.slidingWindow(Duration.ofNanos(999_999), time));

        assertEquals("window must be at least 1 ms and at most 9223372036854775807 ns (about 292 years),"
                + " was 0.999999 ms", refused.getMessage());
    }

    @Test
    void refusesAZeroWindow() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RateTracker.slidingWindow(Duration.ZERO, time));

        assertEquals("window must be at least 1 ms and at most 9223372036854775807 ns (about 292 years),"
                + " was 0 ms", refused.getMessage());
    }

    @Test
    void refusesANegativeWindow() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RateTracker.slidingWindow(Duration.ofSeconds(-1), time));

        assertEquals("window must be at least 1 ms and at most 9223372036854775807 ns (about 292 years),"
                + " was -1000 ms", refused.getMessage());
    }

    @Test
    void refusesAWindowLongerThanTheLargestLongOfNanoseconds() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RateTracker.slidingWindow(Duration.ofNanos(Long.MAX_VALUE).plusNanos(1), time));

        assertEquals("window must be at least 1 ms and at most 9223372036854775807 ns (about 292 years),"
                + " was 9223372036854.775808 ms", refused.getMessage());
    }

    @Test
    void acceptsTheShortestAndTheLongestWindow() {
        RateTracker shortest = RateTracker.slidingWindow(Duration.ofMillis(1), time);
        RateTracker longest = RateTracker.slidingWindow(Duration.ofNanos(Long.MAX_VALUE), time);
        shortest.record(1);
        longest.record(Long.MAX_VALUE);

        assertEquals(1000.0, shortest.bytesPerSecond());
        assertEquals(1e9, longest.bytesPerSecond());
    }

    @Test
    void refusesANullWindow() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RateTracker.slidingWindow(null, time));

        assertEquals("window must not be null, e.g. Duration.ofSeconds(1)", refused.getMessage());
    }

    @Test
    void refusesANullTicker() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RateTracker.slidingWindow(Duration.ofSeconds(1), null));

        assertEquals("ticker must not be null (use Ticker.system())", refused.getMessage());
    }

    @Test
    void toStringShowsTheWindowAndTheRate() {
        recordEvery(10 * MILLISECOND, 100, 1024);

        assertEquals("RateTracker[sliding window of 1000 ms, 102400.0 B/s]", tracker.toString());
        assertEquals("RateTracker[sliding window of 1.5 ms, 0.0 B/s]",
                RateTracker.slidingWindow(Duration.ofNanos(1_500_000), time).toString());
    }

    @Test
    void countsEveryRecordFromSeveralThreads() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 25_000; i++) {
                    tracker.record(3);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(300_000.0, tracker.bytesPerSecond());
    }

    @Test
    void agreesWithCountingEveryRecordWhenRecordsAreAtLeastAThousandthOfTheWindowApart() {
        List<long[]> records = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long bytes = i % 7;
            tracker.record(bytes);
            records.add(new long[] {time.read(), bytes});
            if (i % 97 == 0) {
                assertEquals((double) bytesOfTheLastSecond(records), tracker.bytesPerSecond(), "after record " + i);
            }
            time.advance(MILLISECOND + (i * 7919L) % 5000 * MICROSECOND);
        }

        assertEquals((double) bytesOfTheLastSecond(records), tracker.bytesPerSecond());
    }

    private long bytesOfTheLastSecond(List<long[]> records) {
        long sum = 0;
        for (long[] record : records) {
            if (time.read() - record[0] < SECOND) {
                sum += record[1];
            }
        }
        return sum;
    }

    /** Records {@code bytes} {@code times} times, {@code interval} apart; the clock stops at the last record. */
    private void recordEvery(long interval, int times, long bytes) {
        for (int i = 0; i < times; i++) {
            if (i > 0) {
                time.advance(interval);
            }
            tracker.record(bytes);
        }
    }
}
