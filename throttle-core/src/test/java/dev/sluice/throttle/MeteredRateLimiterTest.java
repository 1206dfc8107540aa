package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.RateLimiter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a metered 819,200 bit/s (100 KiB/s) bucket with a 16 KiB burst counts, on virtual time. */
class MeteredRateLimiterTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final long KIB = 1024;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = LeakyBucket.builder().rate(OSS_LIMIT).ticker(time).build();
    private final MeteredRateLimiter metered = MeteredRateLimiter.of(bucket, time);

    @Test
    void countsBytesGrantedTheWaitsImposedAndTheGrantsStillWaiting() {
        metered.reserve(16 * KIB);
        metered.reserve(8 * KIB);
        metered.reserve(8 * KIB);

        assertEquals(new LimiterStatistics(OSS_LIMIT, 32_768.0, 32 * KIB, 0, Duration.ofMillis(240), 2),
                metered.statistics(), "waits of 80 ms and 160 ms");
        time.advance(80 * MS);
        assertEquals(1, metered.statistics().waiters());
        time.advance(80 * MS);
        assertEquals(0, metered.statistics().waiters());
    }

    @Test
    void theMeasuredRateCountsTheLastSecondOnly() {
        metered.reserve(16 * KIB);
        time.advance(TimeUnit.SECONDS.toNanos(1) - 1);
        assertEquals(16_384.0, metered.statistics().measuredBytesPerSecond());
        time.advance(1);
        assertEquals(0.0, metered.statistics().measuredBytesPerSecond());
    }

    @Test
    void aRefusedTryReserveCountsNothing() {
        metered.reserve(16 * KIB);

        assertEquals(RateLimiter.REFUSED, metered.tryReserve(8 * KIB, 79 * MS));
        assertEquals(80 * MS, metered.tryReserve(8 * KIB, 80 * MS));
        assertEquals(new LimiterStatistics(OSS_LIMIT, 24_576.0, 24 * KIB, 0, Duration.ofMillis(80), 1),
                metered.statistics());
    }

    @Test
    void countsBytesGivenBackApartFromBytesGranted() {
        metered.reserve(16 * KIB);
        metered.giveBack(4 * KIB);

        assertEquals(16 * KIB, metered.statistics().bytesGranted());
        assertEquals(4 * KIB, metered.statistics().bytesGivenBack());
        assertEquals(0, bucket.waitEstimate(4 * KIB), "the bucket got the 4 KiB back");
    }

    @Test
    void waitingDeadlinesFollowARateChangeLikeThePacersWaits() {
        Pacer pacer = Pacer.builder().limiter(metered).ticker(time).parker(time).scheduler(time).build();
        metered.reserve(16 * KIB);
        CompletableFuture<Void> first = pacer.acquireAsync(8 * KIB);
        CompletableFuture<Void> second = pacer.acquireAsync(8 * KIB);

        bucket.setRate(DataRate.ofKibibytesPerSecond(200)); // on the bucket itself: the metered view follows
        time.advance(40 * MS);
        assertEquals(1, metered.statistics().waiters());
        assertTrue(first.isDone());
        time.advance(40 * MS);
        assertEquals(0, metered.statistics().waiters());
        assertTrue(second.isDone());
        assertEquals(Duration.ofMillis(240), metered.statistics().timeWaited(), "priced when granted");
    }

    @Test
    void aSwitchToUnlimitedEndsEveryWait() {
        metered.reserve(16 * KIB);
        metered.reserve(8 * KIB);

        metered.setRate(DataRate.UNLIMITED);
        assertEquals(0, metered.statistics().waiters());
        assertEquals(DataRate.UNLIMITED, metered.statistics().configuredRate());
    }

    @Test
    void afterCloseARateChangeOnTheDelegateNoLongerReachesTheWrapper() {
        metered.reserve(16 * KIB);
        metered.reserve(8 * KIB); // the burst is spent: waits 80 ms

        metered.close();
        metered.close(); // idempotent
        bucket.setRate(DataRate.ofBitsPerSecond(409_600)); // a listening wrapper would stretch the wait to 160 ms
        time.advance(80 * MS);

        assertEquals(0, metered.statistics().waiters(), "the wait was re-timed after close");
    }
}
