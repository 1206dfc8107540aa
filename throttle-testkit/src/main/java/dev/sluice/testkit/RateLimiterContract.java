package dev.sluice.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RateLimiter} owes its callers, as JUnit 5 tests to inherit. A limiter's own
 * test class extends this, supplies a {@link Factory} and declares the optional {@link Behaviour}s it
 * supports; cases that need a behaviour the limiter lacks are reported as skipped, never as passed.
 *
 * <pre>{@code
 * class MyLimiterContractTest extends RateLimiterContract {
 *     protected Factory factory() {
 *         return (rate, burst, ticker) -> new MyLimiter(rate, burst, ticker);
 *     }
 *
 *     protected Set<Behaviour> behaviours() {
 *         return EnumSet.of(Behaviour.FAKE_TIME, Behaviour.RATE_CHANGE);
 *     }
 * }
 * }</pre>
 *
 * <p>Where semantics could differ, Sluice's leaky bucket is the reference: a full burst at start and
 * after any idle period, never more; requests above the burst wait for the excess instead of being
 * refused; a refused {@code tryReserve} and any {@code waitEstimate} commit nothing; a give-back serves
 * the next reservation sooner but never grows the burst. The running example is OSS's single-connection
 * limit of 819,200 bit/s (100 KiB/s), at which 8 KiB takes exactly 80 ms.
 */
public abstract class RateLimiterContract {

    /** 819,200 bit/s = 102,400 B/s: 8 KiB every 80 ms. */
    protected static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    /** The burst used throughout: two 8 KiB chunks. */
    protected static final DataSize BURST = DataSize.ofKibibytes(16);

    private static final long KIB_8 = 8 * 1024;
    private static final long KIB_16 = 16 * 1024;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** The clock handed to the factory when the limiter supports {@link Behaviour#FAKE_TIME}. */
    protected final ManualTicker time = new ManualTicker();

    /** For subclasses: one instance per test, as JUnit makes them. */
    protected RateLimiterContract() {
    }

    /** Makes the limiter under test. Called once or more per test; each call gets a fresh limiter. */
    @FunctionalInterface
    public interface Factory {

        /** A new limiter at {@code rate} with {@code burst}, reading time from {@code ticker}. */
        RateLimiter create(DataRate rate, DataSize burst, Ticker ticker);
    }

    /** Optional behaviours; a limiter declares those it supports in {@link #behaviours()}. */
    public enum Behaviour {
        /**
         * Reads time only from the injected ticker, so waits are exact on virtual time. Without it, only
         * the cases that hold on the real clock run.
         */
        FAKE_TIME,
        /** {@code setRate} changes the rate at runtime (including to and from unlimited) and tells listeners. */
        RATE_CHANGE,
        /** A rate change keeps the reserved backlog in bytes, so waits re-time exactly by {@code old / new}. */
        EXACT_RETIMING
    }

    /** The factory of the limiter under test. */
    protected abstract Factory factory();

    /** The optional behaviours the limiter supports; none by default. */
    protected Set<Behaviour> behaviours() {
        return EnumSet.noneOf(Behaviour.class);
    }

    /** A new limiter on the contract's clock: virtual if {@link Behaviour#FAKE_TIME}, the system's otherwise. */
    protected final RateLimiter limiter(DataRate rate, DataSize burst) {
        return factory().create(rate, burst, behaviours().contains(Behaviour.FAKE_TIME) ? time : Ticker.system());
    }

    private RateLimiter ossLimiter() {
        return limiter(OSS_LIMIT, BURST);
    }

    private void require(Behaviour... needed) {
        for (Behaviour behaviour : needed) {
            assumeTrue(behaviours().contains(behaviour), () -> "the limiter does not declare " + behaviour);
        }
    }

    /**
     * One byte at 819,200 bit/s takes 9,765.625 ns: a limiter may round such a wait either way by less
     * than a nanosecond (Sluice's leaky bucket rounds up, Bucket4j down); waits that are whole
     * nanoseconds are asserted exactly everywhere else.
     */
    private static void assertWithinOneNano(long expected, long actual) {
        assertTrue(Math.abs(expected - actual) <= 1, () -> "expected " + expected + " ns (within 1 ns), was " + actual + " ns");
    }

    @Test
    void startsWithAFullBurstAndNoMore() {
        require(Behaviour.FAKE_TIME);
        RateLimiter limiter = ossLimiter();
        assertEquals(0, limiter.reserve(KIB_16));
        assertWithinOneNano(OSS_LIMIT.nanosToSend(1), limiter.reserve(1));
    }

    @Test
    void aLongIdleStillGivesOnlyOneBurst() {
        require(Behaviour.FAKE_TIME);
        RateLimiter limiter = ossLimiter();
        limiter.reserve(KIB_8);
        time.advance(TimeUnit.HOURS.toNanos(1));
        assertEquals(0, limiter.reserve(KIB_16));
        assertEquals(80 * MS, limiter.reserve(KIB_8));
    }

    @Test
    void releasesEightKibEveryEightyMillisAt819200BitPerSecond() {
        require(Behaviour.FAKE_TIME);
        RateLimiter limiter = ossLimiter();
        List<Long> releases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            time.advance(limiter.reserve(KIB_8));
            releases.add(time.elapsed());
        }
        List<Long> expected = new ArrayList<>();
        for (long ms : new long[] {0, 0, 80, 160, 240, 320, 400, 480, 560, 640}) {
            expected.add(ms * MS);
        }
        assertEquals(expected, releases, "two chunks of burst, then one every 80 ms, to the nanosecond");
    }

    @Test
    void aRequestLargerThanTheBurstWaitsForTheExcessInsteadOfBeingRefused() {
        require(Behaviour.FAKE_TIME);
        RateLimiter limiter = ossLimiter();
        assertEquals(480 * MS, limiter.reserve(64 * 1024));
        assertWithinOneNano(480 * MS + OSS_LIMIT.nanosToSend(1), limiter.waitEstimate(1));
    }

    @Test
    void tryReserveRefusesWithoutCommittingWhenTheWaitExceedsTheBound() {
        require(Behaviour.FAKE_TIME);
        RateLimiter limiter = ossLimiter();
        limiter.reserve(KIB_16);
        assertEquals(RateLimiter.REFUSED, limiter.tryReserve(KIB_8, 80 * MS - 1));
        assertEquals(80 * MS, limiter.waitEstimate(KIB_8), "nothing was committed");
        assertEquals(80 * MS, limiter.tryReserve(KIB_8, 80 * MS));
        assertEquals(160 * MS, limiter.waitEstimate(KIB_8), "this time it was");
    }

    @Test
    void tryReserveWithinTheBurstGoesAtOnce() {
        RateLimiter limiter = ossLimiter();
        assertEquals(0, limiter.tryReserve(KIB_8, 0));
    }

    @Test
    void waitEstimateCommitsNothing() {
        RateLimiter limiter = ossLimiter();
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.waitEstimate(KIB_16));
        }
        assertEquals(0, limiter.reserve(KIB_16), "the burst is still whole");
    }

    @Test
    void givingBackAReservationServesTheNextOneSooner() {
        require(Behaviour.FAKE_TIME);
        RateLimiter limiter = ossLimiter();
        limiter.reserve(KIB_16);
        assertEquals(80 * MS, limiter.reserve(KIB_8));
        assertEquals(160 * MS, limiter.waitEstimate(KIB_8));
        limiter.giveBack(KIB_8);
        assertEquals(80 * MS, limiter.waitEstimate(KIB_8));
    }

    @Test
    void givingBackNeverGrowsTheBurst() {
        require(Behaviour.FAKE_TIME);
        RateLimiter limiter = ossLimiter();
        limiter.giveBack(1024 * 1024);
        assertEquals(160 * MS, limiter.reserve(32 * 1024));
    }

    @Test
    void aRateChangeKeepsTheBacklogInBytesAndDrainsItAtTheNewRate() {
        require(Behaviour.FAKE_TIME, Behaviour.RATE_CHANGE, Behaviour.EXACT_RETIMING);
        RateLimiter limiter = ossLimiter();
        limiter.reserve(64 * 1024);                             // 480 ms of backlog beyond the burst
        time.advance(80 * MS);                                  // 400 ms left
        limiter.setRate(DataRate.ofKibibytesPerSecond(200));
        assertEquals(200 * MS, limiter.waitEstimate(0), "400 ms at 100 KiB/s is 200 ms at 200 KiB/s");
        assertEquals(DataRate.ofKibibytesPerSecond(200), limiter.rate());
    }

    @Test
    void tellsListenersOfEachRateChangeAfterItHappened() {
        require(Behaviour.RATE_CHANGE);
        RateLimiter limiter = ossLimiter();
        List<String> changes = new ArrayList<>();
        limiter.addListener((previous, current) -> changes.add(previous + " -> " + current + " now " + limiter.rate()));
        limiter.setRate(DataRate.ofMebibytesPerSecond(1));
        limiter.setRate(DataRate.ofMebibytesPerSecond(1));
        limiter.setRate(DataRate.UNLIMITED);
        assertEquals(List.of("100 KiB/s -> 1 MiB/s now 1 MiB/s", "1 MiB/s -> unlimited now unlimited"), changes);
    }

    @Test
    void aRemovedListenerHearsNothing() {
        require(Behaviour.RATE_CHANGE);
        RateLimiter limiter = ossLimiter();
        List<DataRate> heard = new ArrayList<>();
        RateLimiter.Listener listener = (previous, current) -> heard.add(current);
        limiter.addListener(listener);
        limiter.removeListener(listener);
        limiter.setRate(DataRate.ofMebibytesPerSecond(1));
        assertEquals(List.of(), heard);
    }

    @Test
    void unlimitedGrantsEverythingAtOnceAndALaterLimitStartsWithOneBurst() {
        require(Behaviour.FAKE_TIME, Behaviour.RATE_CHANGE);
        RateLimiter limiter = ossLimiter();
        limiter.reserve(64 * 1024);
        limiter.setRate(DataRate.UNLIMITED);
        assertEquals(DataRate.UNLIMITED, limiter.rate());
        assertEquals(0, limiter.reserve(Long.MAX_VALUE / 2));
        limiter.setRate(OSS_LIMIT);
        assertEquals(0, limiter.reserve(KIB_16));
        assertEquals(80 * MS, limiter.reserve(KIB_8));
    }

    @Test
    void concurrentReservationsLoseNoUpdate() throws InterruptedException {
        require(Behaviour.FAKE_TIME);
        // 1,000,000 B/s: exactly 1,000 ns per byte; the clock stands still, so every byte adds to the backlog
        RateLimiter exact = limiter(DataRate.ofBytesPerSecond(1_000_000), DataSize.ofBytes(1));
        int threads = 4;
        int perThread = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    exact.reserve(1);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long reserved = (long) threads * perThread;
        assertEquals(reserved * 1_000, exact.waitEstimate(1), "backlog of every reserved byte, burst used by the first");
    }

    @Test
    void refusesNegativeInputWithIllegalArgumentException() {
        RateLimiter limiter = ossLimiter();
        assertThrows(IllegalArgumentException.class, () -> limiter.reserve(-1));
        assertThrows(IllegalArgumentException.class, () -> limiter.tryReserve(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> limiter.tryReserve(1, -2));
        assertThrows(IllegalArgumentException.class, () -> limiter.waitEstimate(-1));
        assertThrows(IllegalArgumentException.class, () -> limiter.giveBack(-5));
        assertEquals(0, limiter.reserve(KIB_16), "refused input committed nothing");
    }

    @Test
    void reportsTheRateAndBurstItWasMadeWith() {
        RateLimiter limiter = ossLimiter();
        assertEquals(OSS_LIMIT, limiter.rate());
        assertEquals(BURST, limiter.burst());
    }

    @Test
    void refusesANullRate() {
        require(Behaviour.RATE_CHANGE);
        RateLimiter limiter = ossLimiter();
        assertThrows(IllegalArgumentException.class, () -> limiter.setRate(null));
    }
}
