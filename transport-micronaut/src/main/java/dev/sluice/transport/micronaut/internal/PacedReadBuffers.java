package dev.sluice.transport.micronaut.internal;

import dev.sluice.api.RateLimiter;
import io.micronaut.core.io.buffer.ReadBuffer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A body's read buffers, cut into pieces of at most one chunk, each released to the subscriber only when
 * every limiter has granted its bytes: it reserves a piece's bytes from each {@link RateLimiter} and hands
 * the piece on after the longest of the waits, on a shared timer (no thread waits). A reservation's wait
 * ends when the piece may <em>start</em>, so pieces no larger than a chunk keep the rate exact over short
 * bodies too (a 64 KiB Netty read granted whole would leave 64 KiB unpaid at the end). The next buffer is
 * asked for upstream only once the current one is handed on and the subscriber has demand, so the body is
 * never pulled ahead of its pacing by more than one read. A cancelled wait gives its reservation back to
 * every limiter and releases what it held. A timer that refuses the grant (its filter was closed) fails
 * the body with an {@link IOException} the same way: the piece's bytes go back and the piece is released.
 *
 * <p>This is the SPI-level pacing DESIGN.md allows a transport (reserve, then a scheduled delay);
 * throttle-core's {@code ThrottledPublisher} does the same with progress events and re-timing on rate
 * changes, but transports must not depend on throttle-core. Signals are serialised by a drain loop.
 */
public final class PacedReadBuffers implements Publisher<ReadBuffer> {

    private final Publisher<ReadBuffer> upstream;
    private final List<RateLimiter> limiters;
    private final GrantTimer timer;
    private final int chunk;

    /** {@code upstream} in pieces of at most {@code chunk} bytes, paced by all of {@code limiters} on {@code timer}. */
    public PacedReadBuffers(Publisher<ReadBuffer> upstream, List<RateLimiter> limiters, GrantTimer timer, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1 B, was " + chunk + " B");
        }
        this.upstream = upstream;
        this.limiters = List.copyOf(limiters);
        this.timer = timer;
        this.chunk = chunk;
    }

    @Override
    public void subscribe(Subscriber<? super ReadBuffer> subscriber) {
        upstream.subscribe(new Pacing(subscriber));
    }

    /** One subscription. */
    private final class Pacing implements Subscriber<ReadBuffer>, Subscription {
        private final Subscriber<? super ReadBuffer> downstream;
        private final AtomicInteger work = new AtomicInteger();
        private final AtomicLong demand = new AtomicLong();
        private final AtomicReference<ReadBuffer> arrived = new AtomicReference<>();
        private final AtomicReference<ReadBuffer> granted = new AtomicReference<>();
        private volatile Subscription subscription;
        private volatile boolean requested;
        private volatile boolean waitingForGrant;
        private volatile boolean upstreamDone;
        private volatile Throwable upstreamError;
        private volatile Throwable refusal;
        private volatile boolean cancelled;
        // guarded by this: the piece waiting for its grant
        private Future<?> grant;
        private ReadBuffer granting;
        private long grantingBytes;
        // owned by the thread running the drain loop
        private ReadBuffer current;
        private boolean finished;

        Pacing(Subscriber<? super ReadBuffer> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            downstream.onSubscribe(this);
            drain();
        }

        @Override
        public void onNext(ReadBuffer buffer) {
            arrived.set(buffer);
            requested = false; // after the buffer is there: the loop reads them in the other order
            drain();
        }

        @Override
        public void onError(Throwable error) {
            upstreamError = error;
            upstreamDone = true;
            drain();
        }

        @Override
        public void onComplete() {
            upstreamDone = true;
            drain();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                refusal = new IllegalArgumentException("demand must be positive, was " + n + " (Reactive Streams rule 3.9)");
                cancel();
                return;
            }
            demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            ReadBuffer piece = null;
            long bytes = 0;
            synchronized (this) {
                if (grant != null && grant.cancel(false)) {
                    piece = granting;
                    bytes = grantingBytes;
                    granting = null;
                    grant = null;
                }
            }
            if (piece != null) {
                long reserved = bytes;
                limiters.forEach(limiter -> limiter.giveBack(reserved)); // a cancelled wait must not leak budget
                piece.close();
                waitingForGrant = false;
            }
            drain();
        }

        private void granted() {
            ReadBuffer piece;
            synchronized (this) {
                piece = granting;
                granting = null;
                grant = null;
            }
            if (piece != null) {
                granted.set(piece);
                waitingForGrant = false;
                drain();
            }
        }

        private void drain() {
            if (work.getAndIncrement() != 0) {
                return;
            }
            do {
                loop();
            } while (work.decrementAndGet() != 0);
        }

        private void loop() {
            while (!finished) {
                if (cancelled) {
                    release();
                    if (refusal != null) {
                        finished = true;
                        downstream.onError(refusal);
                    }
                    return;
                }
                ReadBuffer ready = granted.getAndSet(null);
                if (ready != null) {
                    emit(ready);
                    continue;
                }
                if (waitingForGrant) {
                    return;
                }
                if (current == null) {
                    current = arrived.getAndSet(null);
                }
                if (current != null && current.readable() == 0) {
                    current.close();
                    current = null;
                    continue;
                }
                if (current != null) {
                    if (demand.get() == 0 || !pace()) {
                        return;
                    }
                    continue;
                }
                if (upstreamDone) {
                    finished = true;
                    if (upstreamError == null) {
                        downstream.onComplete();
                    } else {
                        downstream.onError(upstreamError);
                    }
                    return;
                }
                Subscription s = subscription;
                if (!requested && demand.get() > 0 && s != null) {
                    requested = true;
                    s.request(1);
                    continue; // the buffer may have arrived already
                }
                return;
            }
        }

        /** Cuts the next piece off the current buffer and emits it now (true) or schedules its grant (false). */
        private boolean pace() {
            ReadBuffer piece;
            if (current.readable() > chunk) {
                piece = current.split(chunk);
            } else {
                piece = current;
                current = null;
            }
            long bytes = piece.readable();
            long wait = 0;
            for (RateLimiter limiter : limiters) {
                wait = Math.max(wait, limiter.reserve(bytes));
            }
            if (wait == 0) {
                emit(piece);
                return true;
            }
            waitingForGrant = true; // before scheduling: a grant that fires at once clears it
            try {
                synchronized (this) {
                    granting = piece;
                    grantingBytes = bytes;
                    grant = timer.schedule(this::granted, wait);
                }
            } catch (RejectedExecutionException closed) {
                refuseClosed(piece, bytes, closed);
                return true; // the loop goes on to the failure
            }
            return false;
        }

        /**
         * The timer is gone, so this piece would never be granted: without this the body would hang with no
         * signal, its buffer (pooled memory in Netty) held and its reservation never given back.
         */
        private void refuseClosed(ReadBuffer piece, long bytes, RejectedExecutionException closed) {
            synchronized (this) {
                granting = null;
                grant = null;
            }
            waitingForGrant = false;
            limiters.forEach(limiter -> limiter.giveBack(bytes));
            piece.close();
            refusal = new IOException("the pacing filter is closed, so the next " + bytes
                    + " B of this body cannot be paced", closed);
            cancelled = true;
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        private void emit(ReadBuffer piece) {
            demand.getAndUpdate(d -> d == Long.MAX_VALUE ? d : d - 1);
            downstream.onNext(piece);
        }

        private void release() {
            ReadBuffer[] held = {current, arrived.getAndSet(null), granted.getAndSet(null)};
            current = null;
            for (ReadBuffer buffer : held) {
                if (buffer != null) {
                    buffer.close();
                }
            }
        }
    }
}
