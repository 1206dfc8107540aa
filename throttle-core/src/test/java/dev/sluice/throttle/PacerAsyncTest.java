package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Asynchronous pacing on one (virtual) scheduler: no thread per waiting stream. */
class PacerAsyncTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final long KIB = 1024;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = bucket(OSS_LIMIT);

    @Test
    void completesWhenTheSchedulerReachesTheDeadline() {
        bucket.reserve(16 * KIB);
        CompletableFuture<Void> grant = pacer(bucket).acquireAsync(8 * KIB);

        time.advance(80 * MS - 1);
        assertFalse(grant.isDone());
        assertEquals(1, time.pendingTasks(), "one timer task, no thread");
        time.advance(1);
        assertTrue(grant.isDone());
    }

    @Test
    void completesAtOnceWithinTheBurst() {
        assertTrue(pacer(bucket).acquireAsync(16 * KIB).isDone());
        assertEquals(0, time.pendingTasks());
    }

    @Test
    void releasesChunksOfALargeAcquisitionOnSchedule() {
        CompletableFuture<Void> grant = pacer(bucket).acquireAsync(64 * KIB);
        time.advance(480 * MS - 1);
        assertFalse(grant.isDone());
        time.advance(1);
        assertTrue(grant.isDone());
    }

    @Test
    void cancellingGivesTheReservationBackAndCallsOffTheTimer() {
        bucket.reserve(16 * KIB);
        Pacer pacer = pacer(bucket);
        CompletableFuture<Void> first = pacer.acquireAsync(8 * KIB);
        time.advance(30 * MS);

        assertTrue(first.cancel(false));

        assertEquals(0, time.pendingTasks());
        assertEquals(50 * MS, bucket.waitEstimate(8 * KIB), "the next 8 KiB is served when the cancelled one would have been");
    }

    @Test
    void failingTheFutureGivesBackChunksAlreadyGrantedToo() {
        CompletableFuture<Void> grant = pacer(bucket).acquireAsync(32 * KIB);
        time.advance(100 * MS);                                       // 24 KiB granted, the last chunk waits

        grant.completeExceptionally(new TimeoutException("gave up"));

        assertEquals(0, bucket.waitEstimate(16 * KIB), "all 32 KiB returned");
    }

    @Test
    void aRateChangeRetimesAWaitingAcquisition() {
        bucket.reserve(16 * KIB);
        CompletableFuture<Void> grant = pacer(bucket).acquireAsync(8 * KIB);
        time.advance(40 * MS);

        bucket.setRate(DataRate.ofKibibytesPerSecond(400));

        time.advance(10 * MS - 1);
        assertFalse(grant.isDone());
        time.advance(1);
        assertTrue(grant.isDone(), "the remaining 40 ms at 100 KiB/s are 10 ms at 400 KiB/s");
        assertEquals(1, time.pendingTasks() + 1, "the old timer was called off");
    }

    @Test
    void eightStreamsSharingOneParentReceiveEqualSharesWithinOnePercent() {
        LeakyBucket parent = bucket(OSS_LIMIT);
        long[] bytes = new long[8];
        for (int i = 0; i < bytes.length; i++) {
            LeakyBucket own = bucket(DataRate.ofMebibytesPerSecond(1));
            stream(pacer(own, parent), bytes, i);
        }

        // ten virtual minutes: the first stream's head start (the burst) is two chunks of ~940 each
        time.advance(600 * SECOND);

        long total = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long b : bytes) {
            total += b;
            min = Math.min(min, b);
            max = Math.max(max, b);
        }
        assertTrue(max - min <= total / bytes.length / 100, "shares " + java.util.Arrays.toString(bytes));
        assertEquals(OSS_LIMIT.bytesIn(600 * SECOND) + 16 * KIB, total, "the parent's rate exactly, plus its burst");
    }

    @Test
    void pacesTenThousandStreamsOnOneSchedulerInReservationOrder() {
        LeakyBucket shared = bucket(DataRate.ofMebibytesPerSecond(10));
        Pacer pacer = pacer(shared);
        int streams = 10_000;
        long[] doneAt = new long[streams];
        for (int i = 0; i < streams; i++) {
            int stream = i;
            pacer.acquireAsync(8 * KIB).thenRun(() -> doneAt[stream] = time.elapsed());
        }
        assertEquals(streams - 2, time.pendingTasks(), "one task per waiting stream; two fit the burst");

        time.runUntilIdle();

        long chunk = DataRate.ofMebibytesPerSecond(10).nanosToSend(8 * KIB);
        for (int i = 2; i < streams; i++) {
            assertEquals((i - 1) * chunk, doneAt[i], "stream " + i);
        }
    }

    private void stream(Pacer pacer, long[] bytes, int index) {
        pacer.acquireAsync(8 * KIB).thenRun(() -> {
            bytes[index] += 8 * KIB;
            stream(pacer, bytes, index);
        });
    }

    private LeakyBucket bucket(DataRate rate) {
        return LeakyBucket.builder().rate(rate).ticker(time).build();
    }

    private Pacer pacer(LeakyBucket... limiters) {
        Pacer.Builder builder = Pacer.builder().ticker(time).parker(time).scheduler(time);
        for (LeakyBucket limiter : limiters) {
            builder.limiter(limiter);
        }
        return builder.build();
    }
}
