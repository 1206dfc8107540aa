package dev.sluice.transport.micronaut.internal;

import dev.sluice.api.RateLimiter;
import io.micronaut.core.io.buffer.ReadBuffer;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A body's read buffers, each released to the subscriber only when every limiter has granted its bytes:
 * it reserves a buffer's bytes from each {@link RateLimiter} as the buffer arrives and hands it on after the
 * longest of the waits, on a shared timer (no thread waits). One buffer at a time is asked for upstream and
 * only while the subscriber has demand, so the body is never pulled ahead of its pacing by more than one
 * buffer. A cancelled wait gives its reservation back to every limiter and releases the buffer.
 *
 * <p>This is deliberately the SPI-level pacing DESIGN.md allows a transport (reserve, then a scheduled
 * delay); throttle-core's {@code ThrottledPublisher} does the same with chunking, progress events and
 * re-timing on rate changes, but transports must not depend on throttle-core. A buffer larger than the
 * limiters' burst is granted as a whole after a correspondingly longer wait, so the average rate holds but
 * the bytes leave in buffer-sized steps (Netty reads up to 64 KiB at a time).
 */
public final class PacedReadBuffers implements Publisher<ReadBuffer> {

    private final Publisher<ReadBuffer> upstream;
    private final List<RateLimiter> limiters;
    private final GrantTimer timer;

    /** {@code upstream} paced by all of {@code limiters}; waits are scheduled on {@code timer}. */
    public PacedReadBuffers(Publisher<ReadBuffer> upstream, List<RateLimiter> limiters, GrantTimer timer) {
        this.upstream = upstream;
        this.limiters = List.copyOf(limiters);
        this.timer = timer;
    }

    @Override
    public void subscribe(Subscriber<? super ReadBuffer> subscriber) {
        upstream.subscribe(new Pacing(subscriber));
    }

    /** One subscription: at most one buffer asked for, waiting or being delivered at a time. */
    private final class Pacing implements Subscriber<ReadBuffer>, Subscription {
        private final Subscriber<? super ReadBuffer> downstream;
        private final AtomicLong demand = new AtomicLong();
        /** A buffer has been asked for upstream and not yet handed on. */
        private final AtomicBoolean inFlight = new AtomicBoolean();
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile Subscription subscription;
        private volatile boolean cancelled;
        // guarded by this: the buffer waiting for its grant, and the end signal that must follow it
        private ReadBuffer waiting;
        private long waitingBytes;
        private Future<?> grant;
        private Throwable endedWith;
        private boolean ended;

        Pacing(Subscriber<? super ReadBuffer> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            downstream.onSubscribe(this);
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancel();
                finish(new IllegalArgumentException("demand must be positive, was " + n + " (Reactive Streams rule 3.9)"));
                return;
            }
            demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            pull();
        }

        private void pull() {
            if (!cancelled && demand.get() > 0 && inFlight.compareAndSet(false, true)) {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(ReadBuffer buffer) {
            long bytes = buffer.readable();
            long wait = 0;
            for (RateLimiter limiter : limiters) {
                wait = Math.max(wait, limiter.reserve(bytes));
            }
            if (wait == 0) {
                deliver(buffer);
                return;
            }
            synchronized (this) {
                waiting = buffer;
                waitingBytes = bytes;
                grant = timer.schedule(this::granted, wait);
            }
        }

        private void granted() {
            ReadBuffer buffer;
            synchronized (this) {
                buffer = waiting;
                waiting = null;
                grant = null;
            }
            if (buffer != null) {
                deliver(buffer);
            }
        }

        private void deliver(ReadBuffer buffer) {
            if (cancelled) {
                buffer.close();
                return;
            }
            demand.getAndUpdate(d -> d == Long.MAX_VALUE ? d : d - 1);
            downstream.onNext(buffer);
            boolean end;
            Throwable error;
            synchronized (this) {
                inFlight.set(false);
                end = ended;
                error = endedWith;
            }
            if (end) {
                finish(error);
            } else {
                pull();
            }
        }

        @Override
        public void onError(Throwable error) {
            end(error);
        }

        @Override
        public void onComplete() {
            end(null);
        }

        /** Ends now, unless a buffer is waiting for its grant: then right after it is delivered. */
        private void end(Throwable error) {
            synchronized (this) {
                if (waiting != null) {
                    ended = true;
                    endedWith = error;
                    return;
                }
            }
            finish(error);
        }

        private void finish(Throwable error) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            if (error == null) {
                downstream.onComplete();
            } else {
                downstream.onError(error);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            ReadBuffer buffer;
            long bytes;
            synchronized (this) {
                if (grant == null || !grant.cancel(false)) {
                    return; // nothing waits, or its grant is already running and will release it
                }
                buffer = waiting;
                bytes = waitingBytes;
                waiting = null;
                grant = null;
            }
            limiters.forEach(limiter -> limiter.giveBack(bytes)); // a cancelled wait must not leak budget
            buffer.close();
        }
    }
}
