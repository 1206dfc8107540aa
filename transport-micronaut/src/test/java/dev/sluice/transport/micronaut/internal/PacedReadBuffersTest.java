package dev.sluice.transport.micronaut.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.core.io.buffer.ReadBufferFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.io.IOException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Pacing on virtual time: scripted limiters answer each reservation with a wait, a hand-cranked timer
 * fires the grants, and a hand-fed upstream shows what was asked for. Buffers are cut into 8 KiB pieces,
 * each held until granted, one at a time and only on demand; a cancelled wait gives its bytes back; the end
 * follows the last piece; a timer that refuses a grant fails the body instead of leaving it hanging.
 */
class PacedReadBuffersTest {

    private final ManualTimer timer = new ManualTimer();
    private final HandFed upstream = new HandFed();
    private final Recorder downstream = new Recorder();

    @Test
    void handsABufferOnAtOnceWhenEveryLimiterGrantsItNow() {
        subscribe(new Scripted(0));
        downstream.subscription.request(1);

        upstream.push(4096);

        assertEquals(List.of(4096), downstream.sizes);
        assertEquals(List.of(), timer.waits);
    }

    @Test
    void holdsABufferForTheLongestWaitOfItsLimitersAndOnlyThenAsksForTheNext() {
        Scripted own = new Scripted(40_000_000);
        Scripted global = new Scripted(80_000_000);
        subscribe(own, global);
        downstream.subscription.request(5);

        upstream.push(8192);

        assertEquals(List.of(80_000_000L), timer.waits);
        assertEquals(List.of(), downstream.sizes);
        assertEquals(1, upstream.requested, "asked ahead of the grant");
        assertEquals(List.of(8192L), own.reserved);
        assertEquals(List.of(8192L), global.reserved);

        timer.fire();

        assertEquals(List.of(8192), downstream.sizes);
        assertEquals(2, upstream.requested);
    }

    @Test
    void cutsABufferLargerThanTheChunkIntoPiecesReservedOneByOne() {
        Scripted limiter = new Scripted(0);
        subscribe(limiter);
        downstream.subscription.request(10);

        upstream.push(20_000);

        assertEquals(List.of(8192L, 8192L, 3616L), limiter.reserved);
        assertEquals(List.of(8192, 8192, 3616), downstream.sizes);
        assertEquals(2, upstream.requested, "the next buffer is asked for once the last piece is handed on");
    }

    @Test
    void emitsNoMorePiecesThanTheSubscriberAskedFor() {
        subscribe(new Scripted(0));
        downstream.subscription.request(1);

        upstream.push(20_000);

        assertEquals(List.of(8192), downstream.sizes);
        downstream.subscription.request(1);
        assertEquals(List.of(8192, 8192), downstream.sizes);
        assertEquals(1, upstream.requested);
    }

    @Test
    void asksUpstreamForNothingWithoutDemand() {
        subscribe(new Scripted(0));
        downstream.subscription.request(1);
        upstream.push(100);

        assertEquals(1, upstream.requested);
        downstream.subscription.request(1);
        assertEquals(2, upstream.requested);
    }

    @Test
    void aCancelledWaitGivesItsBytesBackToEveryLimiterAndReleasesTheBuffer() {
        Scripted own = new Scripted(50_000_000);
        Scripted global = new Scripted(10_000_000);
        subscribe(own, global);
        downstream.subscription.request(1);
        ReadBuffer held = upstream.push(16_384);

        downstream.subscription.cancel();

        assertEquals(List.of(8192L), own.givenBack);
        assertEquals(List.of(8192L), global.givenBack);
        assertTrue(upstream.cancelled);
        assertThrows(IllegalStateException.class, held::readable, "the held buffer was not released");
        timer.fire();
        assertEquals(List.of(), downstream.sizes);
    }

    @Test
    void completesOnlyAfterTheBufferThatWasWaitingForItsGrant() {
        subscribe(new Scripted(1_000_000));
        downstream.subscription.request(1);
        upstream.push(512);

        upstream.subscriber.onComplete();
        assertFalse(downstream.completed);
        timer.fire();

        assertEquals(List.of(512), downstream.sizes);
        assertTrue(downstream.completed);
    }

    @Test
    void aTimerThatRefusesTheGrantFailsTheBodyGivesTheBytesBackAndReleasesThePiece() {
        Scripted own = new Scripted(50_000_000);
        Scripted global = new Scripted(10_000_000);
        GrantTimer closed = (task, nanos) -> {
            throw new RejectedExecutionException("shut down");
        };
        downstream.errorsExpected = true;
        new PacedReadBuffers(upstream, List.of(own, global), closed, 8192).subscribe(downstream);
        downstream.subscription.request(1);

        ReadBuffer held = upstream.push(4096);

        assertInstanceOf(IOException.class, downstream.error);
        assertEquals("the pacing filter is closed, so the next 4096 B of this body cannot be paced",
                downstream.error.getMessage());
        assertTrue(upstream.cancelled);
        assertThrows(IllegalStateException.class, held::readable, "the refused piece was not released");
        assertEquals(List.of(4096L), own.givenBack);
        assertEquals(List.of(4096L), global.givenBack);
        assertEquals(List.of(), downstream.sizes);
        assertFalse(downstream.completed);
    }

    private void subscribe(RateLimiter... limiters) {
        new PacedReadBuffers(upstream, List.of(limiters), timer, 8192).subscribe(downstream);
    }

    /** A limiter that answers every reservation with the same wait and records what it was asked. */
    private static final class Scripted implements RateLimiter {
        final long wait;
        final List<Long> reserved = new ArrayList<>();
        final List<Long> givenBack = new ArrayList<>();

        Scripted(long wait) {
            this.wait = wait;
        }

        @Override
        public long reserve(long bytes) {
            reserved.add(bytes);
            return wait;
        }

        @Override
        public long tryReserve(long bytes, long maxWaitNanos) {
            return wait <= maxWaitNanos ? reserve(bytes) : REFUSED;
        }

        @Override
        public long waitEstimate(long bytes) {
            return wait;
        }

        @Override
        public void giveBack(long bytes) {
            givenBack.add(bytes);
        }

        @Override
        public DataRate rate() {
            return DataRate.ofKibibytesPerSecond(100);
        }

        @Override
        public void setRate(DataRate rate) {
        }

        @Override
        public DataSize burst() {
            return DataSize.ofKibibytes(16);
        }
    }

    /** A timer whose tasks run only when the test fires them, in order. */
    private static final class ManualTimer implements GrantTimer {
        final List<Long> waits = new ArrayList<>();
        final Deque<FutureTask<Void>> tasks = new ArrayDeque<>();

        @Override
        public FutureTask<Void> schedule(Runnable task, long nanos) {
            waits.add(nanos);
            FutureTask<Void> future = new FutureTask<>(task, null);
            tasks.add(future);
            return future;
        }

        void fire() {
            FutureTask<Void> next = tasks.poll();
            if (next != null) {
                next.run();
            }
        }
    }

    /** An upstream the test feeds by hand, counting what was requested. */
    private static final class HandFed implements Publisher<ReadBuffer> {
        Subscriber<? super ReadBuffer> subscriber;
        long requested;
        boolean cancelled;

        @Override
        public void subscribe(Subscriber<? super ReadBuffer> s) {
            subscriber = s;
            s.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    requested += n;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }

        ReadBuffer push(int bytes) {
            ReadBuffer buffer = ReadBufferFactory.getJdkFactory().adapt(new byte[bytes]);
            subscriber.onNext(buffer);
            return buffer;
        }
    }

    /** Records what reaches the subscriber. */
    private static final class Recorder implements Subscriber<ReadBuffer> {
        final List<Integer> sizes = new ArrayList<>();
        Subscription subscription;
        boolean completed;
        boolean errorsExpected;
        Throwable error;

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(ReadBuffer buffer) {
            try (buffer) {
                sizes.add(buffer.readable());
            }
        }

        @Override
        public void onError(Throwable error) {
            if (!errorsExpected) {
                throw new AssertionError("unexpected error", error);
            }
            this.error = error;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }
}
