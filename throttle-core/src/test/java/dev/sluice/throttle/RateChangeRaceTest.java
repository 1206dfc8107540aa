package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rate changes that land in the middle of a reservation or a wait, acted out deterministically: a hook
 * runs "another thread's" {@code setRate} at the exact point of interest. Found in review; each of these
 * once failed.
 */
class RateChangeRaceTest {

    private static final long KIB = 1024;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final DataRate KIB_8 = DataRate.ofKibibytesPerSecond(8);
    private static final DataRate KIB_16 = DataRate.ofKibibytesPerSecond(16);

    @Test
    void aReservationRacingASpeedUpIsNotChargedAtTheOldRate() {
        HookTicker ticker = new HookTicker();
        LeakyBucket bucket = LeakyBucket.builder().rate(DataRate.ofKibibytesPerSecond(1))
                .burst(DataSize.ofKibibytes(8)).ticker(ticker).build();
        ticker.hook = () -> bucket.setRate(DataRate.ofGibibytesPerSecond(1)); // at the reservation's clock reading

        assertEquals(0, bucket.reserve(8 * KIB));

        assertTrue(bucket.waitEstimate(8 * KIB) < MS, "waits " + bucket.waitEstimate(8 * KIB) + " ns");
    }

    @Test
    void aReservationRacingASlowDownCannotExceedTheBurst() {
        HookTicker ticker = new HookTicker();
        LeakyBucket bucket = LeakyBucket.builder().rate(DataRate.ofGibibytesPerSecond(1))
                .burst(DataSize.ofKibibytes(8)).ticker(ticker).build();
        ticker.hook = () -> bucket.setRate(DataRate.ofKibibytesPerSecond(1));

        assertEquals(0, bucket.reserve(8 * KIB));

        assertTrue(bucket.waitEstimate(8 * KIB) >= 7 * SECOND, "waits " + bucket.waitEstimate(8 * KIB) + " ns");
    }

    @Test
    void aGiveBackRacingARateChangeReturnsTheBytesAtTheNewRate() {
        HookTicker ticker = new HookTicker();
        LeakyBucket bucket = LeakyBucket.builder().rate(KIB_8).burst(DataSize.ofKibibytes(8)).ticker(ticker).build();
        bucket.reserve(8 * KIB);
        assertEquals(SECOND, bucket.reserve(8 * KIB));                  // 2 s of schedule, 1 s beyond the burst
        ticker.hook = () -> bucket.setRate(KIB_16);                      // after the give-back read the schedule

        bucket.giveBack(8 * KIB);

        // 16 KiB reserved, 8 KiB given back: 8 KiB at 16 KiB/s is exactly the 8 KiB burst, so the next 8 KiB
        // waits 0.5 s; a give-back priced at the old rate would have returned 1 s and made it wait 0
        assertEquals(500 * MS, bucket.waitEstimate(8 * KIB));
    }

    @Test
    void aChangeRightAfterTheWaiterStartsListeningIsAppliedOnce() throws InterruptedException {
        FakeTime time = new FakeTime();
        LeakyBucket bucket = usedUp(time);
        HookedLimiter limiter = new HookedLimiter(bucket);
        limiter.afterAddListener = () -> bucket.setRate(KIB_16);    // 1 s left at 8 KiB/s is 0.5 s at 16

        pacer(time, limiter).acquire(8 * KIB);

        assertEquals(500 * MS, time.elapsed());
    }

    @Test
    void aChangeBetweenReadingTheRateAndReservingIsAppliedOnce() throws InterruptedException {
        FakeTime time = new FakeTime();
        LeakyBucket bucket = usedUp(time);
        HookedLimiter limiter = new HookedLimiter(bucket);
        limiter.afterRate = () -> bucket.setRate(KIB_16);

        pacer(time, limiter).acquire(8 * KIB);

        assertEquals(500 * MS, time.elapsed());
    }

    @Test
    void anAsyncWaiterToldTwiceOfOneChangeAppliesItOnce() {
        FakeTime time = new FakeTime();
        LeakyBucket bucket = usedUp(time);
        HookedLimiter limiter = new HookedLimiter(bucket);
        RateLimiter.Listener[] registered = new RateLimiter.Listener[1];
        limiter.onAddListener = listener -> registered[0] = listener;
        CompletableFuture<Void> grant = pacer(time, limiter).acquireAsync(8 * KIB);

        bucket.setRate(KIB_16);
        registered[0].rateChanged(KIB_8, KIB_16);                  // a late duplicate of the same change

        time.advance(500 * MS - 1);
        assertFalse(grant.isDone());
        time.advance(1);
        assertTrue(grant.isDone());
    }

    @Test
    void hugeReservationsNeverWrapTheSchedule() {
        FakeTime time = new FakeTime();
        LeakyBucket bucket = LeakyBucket.builder().rate(DataRate.ofGigabitsPerSecond(1)).ticker(time).build();

        long first = bucket.reserve(Long.MAX_VALUE);
        long second = bucket.reserve(Long.MAX_VALUE);

        assertTrue(first > 0 && second >= first && bucket.waitEstimate(16 * KIB) > 0,
                first + " / " + second + " / " + bucket.waitEstimate(16 * KIB));
    }

    @Test
    void completingTheFutureFromOutsideStopsListening() {
        FakeTime time = new FakeTime();
        HookedLimiter limiter = new HookedLimiter(usedUp(time));
        CompletableFuture<Void> grant = pacer(time, limiter).acquireAsync(8 * KIB);
        assertEquals(1, limiter.listeners);

        grant.complete(null);

        assertEquals(0, limiter.listeners);
        assertEquals(0, time.pendingTasks());
    }

    @Test
    void cancellingAfterTheLimitWentOffAndOnFreesNoBudgetNobodyHolds() {
        FakeTime time = new FakeTime();
        LeakyBucket bucket = usedUp(time);
        CompletableFuture<Void> grant = pacer(time, bucket).acquireAsync(8 * KIB);
        bucket.setRate(DataRate.UNLIMITED);                         // drops the backlog, the waiter's included
        bucket.setRate(KIB_8);
        assertEquals(0, bucket.reserve(8 * KIB));                  // another stream: its burst
        assertEquals(SECOND, bucket.reserve(8 * KIB));             // and one second later

        grant.cancel(false);

        assertEquals(2 * SECOND, bucket.waitEstimate(8 * KIB), "the cancelled 8 KiB was already dropped");
    }

    @Test
    void skippingAtTheEndOfTheStreamCostsNoWait() throws Exception {
        FakeTime time = new FakeTime();
        try (ThrottledInputStream in = new ThrottledInputStream(new ByteArrayInputStream(new byte[0]),
                pacer(time, usedUp(time)))) {
            assertEquals(0, in.skip(8 * KIB));
            assertEquals(0, time.elapsed());
        }
    }

    @Test
    void pacesAcrossTheWrapOfTheTicker() {
        HookTicker ticker = new HookTicker();
        ticker.now = Long.MAX_VALUE - 500 * MS;
        LeakyBucket bucket = LeakyBucket.builder().rate(KIB_8).burst(DataSize.ofKibibytes(8)).ticker(ticker).build();
        assertEquals(0, bucket.reserve(8 * KIB));
        assertEquals(SECOND, bucket.reserve(8 * KIB));

        ticker.now += 700 * MS;

        assertTrue(ticker.now < 0, "wrapped");
        assertEquals(1300 * MS, bucket.waitEstimate(8 * KIB));
        bucket.setRate(KIB_16);
        assertEquals(650 * MS, bucket.waitEstimate(8 * KIB));
    }

    /** An 8 KiB/s bucket with its 8 KiB burst spent: the next 8 KiB waits one second. */
    private static LeakyBucket usedUp(FakeTime time) {
        LeakyBucket bucket = LeakyBucket.builder().rate(KIB_8).burst(DataSize.ofKibibytes(8)).ticker(time).build();
        bucket.reserve(8 * KIB);
        return bucket;
    }

    private static Pacer pacer(FakeTime time, RateLimiter limiter) {
        return Pacer.builder().limiter(limiter).ticker(time).parker(time).scheduler(time).build();
    }

    /** A ticker that runs a hook once, at its next reading: another thread acting at that instant. */
    private static final class HookTicker implements Ticker {
        long now = FakeTime.START;
        Runnable hook;

        @Override
        public long read() {
            Runnable once = hook;
            hook = null;
            if (once != null) {
                once.run();
            }
            return now;
        }
    }

    /** Delegates to a bucket, running hooks at chosen points and counting listeners. */
    private static final class HookedLimiter implements RateLimiter {
        final LeakyBucket bucket;
        Runnable afterRate;
        Runnable afterAddListener;
        java.util.function.Consumer<Listener> onAddListener = listener -> { };
        int listeners;

        HookedLimiter(LeakyBucket bucket) {
            this.bucket = bucket;
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
            DataRate rate = bucket.rate();
            Runnable once = afterRate;
            afterRate = null;
            if (once != null) {
                once.run();
            }
            return rate;
        }

        @Override
        public void setRate(DataRate rate) {
            bucket.setRate(rate);
        }

        @Override
        public DataSize burst() {
            return bucket.burst();
        }

        @Override
        public void addListener(Listener listener) {
            bucket.addListener(listener);
            listeners++;
            onAddListener.accept(listener);
            Runnable once = afterAddListener;
            afterAddListener = null;
            if (once != null) {
                once.run();
            }
        }

        @Override
        public void removeListener(Listener listener) {
            bucket.removeListener(listener);
            listeners--;
        }
    }
}
