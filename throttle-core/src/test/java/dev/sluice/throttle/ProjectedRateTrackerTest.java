package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectedRateTrackerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLISECOND = 1_000_000L;

    private final FakeTime time = new FakeTime();
    private final ProjectedRateTracker tracker = RateTracker.projected(time);

    @Test
    void reportsZeroBeforeAnythingIsRecorded() {
        assertEquals(0.0, tracker.bytesPerSecond());
    }

    @Test
    void firstRecordOnlyStartsTheClockAndLeavesTheRateAtZero() {
        time.advance(SECOND);
        tracker.record(1_000_000);

        assertEquals(0.0, tracker.bytesPerSecond());
    }

    @Test
    void secondRecordWeighsItsSampleByEightTenths() {
        time.advance(SECOND);
        tracker.record(1);
        time.advance(SECOND);
        tracker.record(1);

        assertEquals(0.8, tracker.bytesPerSecond());
    }

    @Test
    void threeOneByteRecordsOneSecondApartGiveZeroPointNineSixBytesPerSecond() {
        for (int second = 1; second <= 3; second++) {
            time.advance(SECOND);
            tracker.record(1);
        }

        assertEquals(0.96, tracker.bytesPerSecond());
    }

    @Test
    void projectionEqualsTheRateThatRecordingTheSameBytesThenLeaves() {
        time.advance(SECOND);
        tracker.record(1);
        time.advance(SECOND);
        tracker.record(1);
        time.advance(SECOND);

        double projected = tracker.projectedBytesPerSecond(1);
        tracker.record(1);

        assertEquals(0.96, projected);
        assertEquals(projected, tracker.bytesPerSecond());
    }

    @Test
    void projectionRecordsNothing() {
        tracker.record(0);
        time.advance(SECOND);
        tracker.record(100);
        time.advance(SECOND);

        assertEquals(96.0, tracker.projectedBytesPerSecond(100));
        assertEquals(96.0, tracker.projectedBytesPerSecond(100));
        assertEquals(80.0, tracker.bytesPerSecond());
    }

    @Test
    void projectionBeforeTheFirstRecordIsZero() {
        assertEquals(0.0, tracker.projectedBytesPerSecond(1));
    }

    @Test
    void projectionAtTheInstantOfTheLastRecordIsInfinite() {
        time.advance(SECOND);
        tracker.record(1);

        assertEquals(Double.POSITIVE_INFINITY, tracker.projectedBytesPerSecond(1));
        assertEquals(Double.POSITIVE_INFINITY, tracker.projectedBytesPerSecond(0));
    }

    @Test
    void bytesRecordedAtTheInstantOfTheLastRecordAreCarriedIntoTheNextSample() {
        tracker.record(0);
        tracker.record(100);
        assertEquals(0.0, tracker.bytesPerSecond());

        time.advance(SECOND);
        assertEquals(160.0, tracker.projectedBytesPerSecond(100));
        tracker.record(100);

        assertEquals(160.0, tracker.bytesPerSecond());
    }

    @Test
    void aRecordAtTheSameInstantNeverMakesTheRateInfinite() {
        tracker.record(0);
        time.advance(SECOND);
        tracker.record(100);
        tracker.record(100);
        time.advance(SECOND);
        tracker.record(0);

        assertEquals(96.0, tracker.bytesPerSecond());
    }

    @Test
    void aRecordAfterTheTickerWentBackIsCarriedLikeOneAtTheSameInstant() {
        long[] now = {5 * SECOND};
        ProjectedRateTracker backwards = RateTracker.projected(() -> now[0]);
        backwards.record(0);
        now[0] -= SECOND;
        backwards.record(100);
        assertEquals(Double.POSITIVE_INFINITY, backwards.projectedBytesPerSecond(1));

        now[0] += 2 * SECOND;
        backwards.record(0);

        assertEquals(80.0, backwards.bytesPerSecond());
    }

    @Test
    void eightKibEveryEightyMillisecondsConvergesOnOneHundredKibPerSecond() {
        tracker.record(8192);
        List<Double> rates = new ArrayList<>();
        for (int sample = 1; sample <= 24; sample++) {
            time.advance(80 * MILLISECOND);
            tracker.record(8192);
            rates.add(tracker.bytesPerSecond());
        }

        assertEquals(List.of(81_920.0, 98_304.0, 101_580.79999999999, 102_236.15999999999), rates.subList(0, 4));
        assertEquals(102_400.0, rates.get(23));
    }

    @Test
    void alphaOfOneKeepsOnlyTheNewestSample() {
        ProjectedRateTracker newestOnly = RateTracker.projected(time, 1.0);
        newestOnly.record(0);
        time.advance(80 * MILLISECOND);
        newestOnly.record(8192);
        time.advance(80 * MILLISECOND);
        newestOnly.record(4096);

        assertEquals(51_200.0, newestOnly.bytesPerSecond());
    }

    @Test
    void alphaOfOneHalfWeighsTheNewSampleAndTheAverageEqually() {
        ProjectedRateTracker even = RateTracker.projected(time, 0.5);
        even.record(0);
        time.advance(SECOND);
        even.record(100);
        assertEquals(50.0, even.bytesPerSecond());

        time.advance(SECOND);
        even.record(300);
        assertEquals(175.0, even.bytesPerSecond());
    }

    @Test
    void theRateStaysAsItWasWhileNothingIsRecorded() {
        tracker.record(0);
        time.advance(SECOND);
        tracker.record(1000);
        time.advance(3600 * SECOND);

        assertEquals(800.0, tracker.bytesPerSecond());
    }

    @Test
    void aSampleIsTheBytesOverTheNanosecondsSinceThePreviousRecord() {
        tracker.record(0);
        time.advance(1);
        tracker.record(1);

        assertEquals(0.8e9, tracker.bytesPerSecond());
    }

    @Test
    void refusesANegativeByteCountToRecord() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> tracker.record(-1));

        assertEquals("byte count must be at least 0 B, was -1 B", refused.getMessage());
    }

    @Test
    void refusesANegativeByteCountToProject() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> tracker.projectedBytesPerSecond(Long.MIN_VALUE));

        assertEquals("byte count must be at least 0 B, was -9223372036854775808 B", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -0.5, 1.0000001, 2.0, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesAnAlphaOutsideZeroExclusiveToOneInclusive(double alpha) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RateTracker.projected(time, alpha));

        assertEquals("alpha (the weight of the newest sample) must be greater than 0 and at most 1, was " + alpha,
                refused.getMessage());
    }

    @Test
    void namesTheRefusedAlphaInTheMessage() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RateTracker.projected(time, 1.5));

        assertEquals("alpha (the weight of the newest sample) must be greater than 0 and at most 1, was 1.5",
                refused.getMessage());
    }

    @Test
    void aSmallAlphaSmoothsStrongly() {
        ProjectedRateTracker sluggish = RateTracker.projected(time, 0.001);
        sluggish.record(0);
        time.advance(SECOND);
        sluggish.record(1000);

        assertEquals(1.0, sluggish.bytesPerSecond());
    }

    @Test
    void refusesANullTicker() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RateTracker.projected(null));

        assertEquals("ticker must not be null (use Ticker.system())", refused.getMessage());
    }

    @Test
    void toStringShowsTheRateInBytesPerSecond() {
        ProjectedRateTracker newestOnly = RateTracker.projected(time, 1.0);
        newestOnly.record(0);
        time.advance(80 * MILLISECOND);
        newestOnly.record(8192);

        assertEquals("RateTracker[projected, 102400.0 B/s]", newestOnly.toString());
    }

    @Test
    void recordsFromSeveralThreadsAtOneInstantAreAllCarriedIntoTheNextSample() throws InterruptedException {
        tracker.record(0);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 25_000; i++) {
                    tracker.record(1);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        time.advance(SECOND);
        tracker.record(0);

        assertEquals(80_000.0, tracker.bytesPerSecond());
    }
}
