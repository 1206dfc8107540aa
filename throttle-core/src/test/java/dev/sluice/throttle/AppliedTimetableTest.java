package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.throttle.schedule.AppliedTimetable;
import dev.sluice.throttle.schedule.Timetable;
import dev.sluice.throttle.schedule.TimetableTarget;
import dev.sluice.throttle.tree.DirectionalRate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A timetable applied to a leaky bucket on virtual time: the fake wall clock moves with {@link FakeTime},
 * and the timer runs on FakeTime's scheduler. It lives here, beside the pacer, because what it checks is
 * how pacing follows the timetable (and FakeTime is this package's fixture).
 */
class AppliedTimetableTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DataRate HUNDRED_KIB = DataRate.ofKibibytesPerSecond(100);
    private static final DataRate TWO_HUNDRED_KIB = DataRate.ofKibibytesPerSecond(200);
    private static final DataRate ONE_MIB = DataRate.ofMebibytesPerSecond(1);
    private static final long KIB = 1024;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = LeakyBucket.builder().rate(ONE_MIB).ticker(time).build();
    private final List<String> changes = new ArrayList<>();

    AppliedTimetableTest() {
        bucket.addListener((previous, current) ->
                changes.add(previous + " -> " + current + " at +" + time.elapsed() / MS + " ms"));
    }

    @Test
    void setsTheRateDueAtStartAndTheNextOneExactlyAtTheBoundary() {
        start("08:00,100KiB/s 23:00,off", "2026-03-02T07:59:00Z", UTC);
        assertEquals(DataRate.UNLIMITED, bucket.rate());

        time.advance(MINUTE - 1);
        assertEquals(DataRate.UNLIMITED, bucket.rate());
        time.advance(1);
        assertEquals(HUNDRED_KIB, bucket.rate());
        time.advance(15 * HOUR);
        assertEquals(DataRate.UNLIMITED, bucket.rate());
        assertEquals(List.of("1 MiB/s -> unlimited at +0 ms", "unlimited -> 100 KiB/s at +60000 ms",
                "100 KiB/s -> unlimited at +54060000 ms"), changes);
    }

    @Test
    void aReservationWaitingAcrossTheBoundaryIsRetimedNotRestarted() {
        start("00:00,100KiB/s 08:00,200KiB/s", "2026-03-02T07:59:59.960Z", UTC);
        Pacer pacer = Pacer.builder().limiter(bucket).ticker(time).parker(time).scheduler(time).build();
        bucket.reserve(16 * KIB); // the burst is spent: the next 8 KiB wait 80 ms at 100 KiB/s

        CompletableFuture<Void> grant = pacer.acquireAsync(8 * KIB);
        time.advance(40 * MS); // the boundary: 40 ms of the wait are left, priced at 100 KiB/s
        assertEquals(TWO_HUNDRED_KIB, bucket.rate());
        time.advance(20 * MS - 1);
        assertFalse(grant.isDone(), "the rest of the wait is 20 ms at 200 KiB/s");
        time.advance(1);
        assertTrue(grant.isDone());
    }

    @Test
    void aWeeklyTimetableRollsOverFromSundayIntoMonday() {
        // 2026-03-08 is a Sunday
        start("Mon-08:00,1MiB/s Fri-18:00,off Sun-22:00,100KiB/s", "2026-03-08T21:00:00Z", UTC);

        time.advance(HOUR);
        assertEquals(HUNDRED_KIB, bucket.rate());
        time.advance(10 * HOUR - 1);
        assertEquals(HUNDRED_KIB, bucket.rate(), "Sunday's entry holds through Monday night");
        time.advance(1);
        assertEquals(ONE_MIB, bucket.rate());
        assertEquals(List.of("1 MiB/s -> unlimited at +0 ms", "unlimited -> 100 KiB/s at +3600000 ms",
                "100 KiB/s -> 1 MiB/s at +39600000 ms"), changes);
    }

    @Test
    void onTheSpringForwardDayAStartInTheGapFiresWhenTheGapEnds() {
        // 2026-03-29 in Berlin: 02:00 CET is 03:00 CEST (01:00 UTC); 02:30 does not exist
        start("01:00,100KiB/s 02:30,1MiB/s 05:00,off", "2026-03-29T00:00:00Z", BERLIN);
        assertEquals(HUNDRED_KIB, bucket.rate());

        time.advance(HOUR - 1);
        assertEquals(HUNDRED_KIB, bucket.rate());
        time.advance(1);
        assertEquals(ONE_MIB, bucket.rate());
        assertEquals(List.of("1 MiB/s -> 100 KiB/s at +0 ms", "100 KiB/s -> 1 MiB/s at +3600000 ms"), changes);
    }

    @Test
    void onTheFallBackDayAStartInTheRepeatedHourFiresOnce() {
        // 2026-10-25 in Berlin: 02:30 CEST is 00:30 UTC, 02:30 CET would be 01:30 UTC; 05:00 CET is 04:00 UTC
        start("00:00,off 02:30,1MiB/s 05:00,100KiB/s", "2026-10-25T00:00:00Z", BERLIN);

        time.advance(5 * HOUR);
        assertEquals(List.of("1 MiB/s -> unlimited at +0 ms", "unlimited -> 1 MiB/s at +1800000 ms",
                "1 MiB/s -> 100 KiB/s at +14400000 ms"), changes);
    }

    @Test
    void aManualChangeHoldsUntilTheNextBoundary() {
        start("08:00,100KiB/s 23:00,off", "2026-03-02T09:00:00Z", UTC);

        bucket.setRate(ONE_MIB);
        time.advance(13 * HOUR);
        assertEquals(ONE_MIB, bucket.rate(), "still before 23:00");
        time.advance(HOUR);
        assertEquals(DataRate.UNLIMITED, bucket.rate());
    }

    @Test
    void closingCallsOffTheTimerAndLeavesTheRate() {
        AppliedTimetable applied = start("08:00,100KiB/s 23:00,off", "2026-03-02T07:59:00Z", UTC);
        assertEquals("2026-03-02T08:00Z[UTC]", applied.nextChange().orElseThrow().toString());

        applied.close();
        applied.close();
        assertEquals(0, time.pendingTasks());
        time.advance(HOUR);
        assertEquals(DataRate.UNLIMITED, bucket.rate());
        assertTrue(applied.nextChange().isEmpty());
    }

    @Test
    void aChangeTheLimiterRefusesIsTriedAgainAtTheNextWakeUp() {
        RefusesOneChange limiter = new RefusesOneChange(bucket, 2);
        FakeWallClock clock = new FakeWallClock(time, Instant.parse("2026-03-02T07:59:00Z"), UTC);
        AppliedTimetable.start(Timetable.parse("08:00,100KiB/s 23:00,off"), limiter, clock, time);

        time.advance(MINUTE - 1);
        assertThrows(IllegalStateException.class, () -> time.advance(1), "the 08:00 task met the refusal");
        assertEquals(DataRate.UNLIMITED, bucket.rate());
        assertEquals(1, time.pendingTasks(), "the timer is armed again");
        time.advance(AppliedTimetable.MAX_SLEEP.toNanos());
        assertEquals(HUNDRED_KIB, bucket.rate());
    }

    @Test
    void aChangeRefusedAtStartLeavesNothingScheduled() {
        RefusesOneChange limiter = new RefusesOneChange(bucket, 1);
        FakeWallClock clock = new FakeWallClock(time, Instant.parse("2026-03-02T07:59:00Z"), UTC);
        Timetable timetable = Timetable.parse("08:00,100KiB/s 23:00,off");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AppliedTimetable.start(timetable, limiter, clock, time));
        assertEquals("refused unlimited", e.getMessage());
        assertEquals(0, time.pendingTasks());
    }

    /** Passes everything to a bucket, but refuses one {@code setRate} (counted from 1). */
    private static final class RefusesOneChange implements RateLimiter {
        private final LeakyBucket bucket;
        private final int refused;
        private int changes;

        RefusesOneChange(LeakyBucket bucket, int refused) {
            this.bucket = bucket;
            this.refused = refused;
        }

        @Override
        public void setRate(DataRate rate) {
            if (++changes == refused) {
                throw new IllegalStateException("refused " + rate);
            }
            bucket.setRate(rate);
        }

        @Override
        public long reserve(long bytes) {
            return bucket.reserve(bytes);
        }

        @Override
        public long tryReserve(long bytes, long maxWaitNanos) {
            return bucket.tryReserve(bytes, maxWaitNanos);
        }

        @Override
        public long waitEstimate(long bytes) {
            return bucket.waitEstimate(bytes);
        }

        @Override
        public void giveBack(long bytes) {
            bucket.giveBack(bytes);
        }

        @Override
        public DataRate rate() {
            return bucket.rate();
        }

        @Override
        public DataSize burst() {
            return bucket.burst();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void closeWaitsForARateBeingAppliedAndNoRateIsAppliedAfterItReturns() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<DirectionalRate> applied = new CopyOnWriteArrayList<>();
        TimetableTarget blocking = rates -> {
            if (!applied.isEmpty()) { // the rate due at start goes through; the boundary's blocks
                entered.countDown();
                awaitUninterrupted(release);
            }
            applied.add(rates);
        };
        AppliedTimetable timetable = AppliedTimetable.start(Timetable.parse("08:00,100KiB/s 23:00,off"), blocking,
                new FakeWallClock(time, Instant.parse("2026-03-02T07:59:00Z"), UTC), time);
        Thread ticker = new Thread(() -> time.advance(MINUTE)); // reaches 08:00 and blocks in apply
        ticker.start();
        entered.await();

        AtomicInteger appliedWhenClosed = new AtomicInteger(-1);
        Thread closer = new Thread(() -> {
            timetable.close();
            appliedWhenClosed.set(applied.size());
        });
        closer.start();
        // a state, not a time: close either waits for the apply (BLOCKED) or has returned without it
        while (closer.getState() != Thread.State.BLOCKED && closer.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        release.countDown();
        closer.join();
        ticker.join();

        assertEquals(2, appliedWhenClosed.get(), "close returned while a rate was still being applied");
        time.advance(24 * HOUR);
        assertEquals(2, applied.size(), "a rate was applied after close");
    }

    private static void awaitUninterrupted(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while blocking in apply", e);
        }
    }

    private AppliedTimetable start(String timetable, String instant, ZoneId zone) {
        FakeWallClock clock = new FakeWallClock(time, Instant.parse(instant), zone);
        return AppliedTimetable.start(Timetable.parse(timetable), bucket, clock, time);
    }
}
