package dev.sluice.throttle;

import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.internal.AsyncAcquisition;
import dev.sluice.throttle.internal.LimiterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for one or more {@link RateLimiter}s, blocking or asynchronously, in chunks. It is the one place
 * where reservations become waits: the throttled streams, channels and publishers all pace through it.
 *
 * <p><b>Chunks.</b> A request is split into chunks of at most {@link #chunkSize()} (8 KiB by default, and
 * never more than the smallest burst), so large writes are paced smoothly instead of in lumps.
 *
 * <p><b>Several limiters.</b> A transfer can be bound by its own limit, a shared parent and a global limit
 * at once. For each chunk the pacer joins the queue of the limiter that would make it wait longest (the
 * bottleneck) and, once served there, takes the others without waiting; if one of them is not ready, it
 * gives the bottleneck's grant back and starts over. It therefore never holds one limiter's budget while
 * it waits on another, and transfers sharing a parent are served in the parent's order, which makes
 * them share it fairly.
 *
 * <p><b>Cancellation.</b> An interrupted {@link #acquire(long)} and a cancelled
 * {@link #acquireAsync(long)} give back everything they reserved; the interrupt flag stays set.
 *
 * <p><b>Rate changes.</b> A waiting chunk is re-timed when its limiter's rate changes (see
 * {@link RateLimiter#setRate}).
 *
 * <pre>{@code
 * LeakyBucket global = LeakyBucket.of(DataRate.ofBitsPerSecond(819_200));
 * Pacer pacer = Pacer.of(global);
 * pacer.acquire(64 * 1024);                          // blocks about 0.48 s: 64 KiB minus the 16 KiB burst
 * pacer.acquireAsync(8192).thenRun(this::sendChunk);  // no thread waits
 * }</pre>
 */
public final class Pacer {

    /** The default chunk: 8 KiB, 80 ms at 819,200 bit/s. */
    public static final DataSize DEFAULT_CHUNK = DataSize.ofKibibytes(8);

    private final LimiterSet limiters;
    private final long chunkBytes;
    private final Parker parker;
    private final Scheduler scheduler;

    private Pacer(Builder builder) {
        this.limiters = new LimiterSet(List.copyOf(builder.limiters), builder.ticker);
        long smallestBurst = Long.MAX_VALUE;
        for (RateLimiter limiter : builder.limiters) {
            smallestBurst = Math.min(smallestBurst, limiter.burst().bytes());
        }
        this.chunkBytes = Math.min(builder.chunk.bytes(), smallestBurst);
        this.parker = builder.parker;
        this.scheduler = builder.scheduler;
    }

    /** A pacer over {@code limiters}, with the default chunk, system ticker, parker and shared scheduler. */
    public static Pacer of(RateLimiter... limiters) {
        Builder builder = builder();
        for (RateLimiter limiter : limiters) {
            builder.limiter(limiter);
        }
        return builder.build();
    }

    /** A builder; at least one limiter is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The limiters this pacer obeys, in the order given. */
    public List<RateLimiter> limiters() {
        return limiters.all();
    }

    /** The largest amount granted at once, in bytes. */
    public long chunkSize() {
        return chunkBytes;
    }

    /**
     * Blocks until {@code bytes} may be sent, in chunks of at most {@link #chunkSize()}.
     *
     * @throws InterruptedException if interrupted while waiting; everything reserved by this call is given
     *     back first, and the interrupt flag is left set
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public void acquire(long bytes) throws InterruptedException {
        requireByteCount(bytes);
        long granted = 0;
        try {
            while (granted < bytes) {
                long chunk = Math.min(chunkBytes, bytes - granted);
                limiters.acquireBlocking(chunk, parker);
                granted += chunk;
            }
        } catch (InterruptedException e) {
            limiters.giveBack(granted);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /**
     * A future that completes when {@code bytes} may be sent; waiting costs a scheduled task, not a thread.
     * Cancelling it (or completing it exceptionally, e.g. by {@code orTimeout}) gives back everything it
     * reserved. It completes on the scheduler's thread: keep dependent work short, or use the
     * {@code ...Async} variants of {@link CompletableFuture}.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public CompletableFuture<Void> acquireAsync(long bytes) {
        requireByteCount(bytes);
        return AsyncAcquisition.start(limiters, scheduler, bytes, chunkBytes);
    }

    /**
     * The fast path of the throttled streams and channels: with every limiter switched off, grants all of
     * {@code bytes} at once (one zero-bound reservation per limiter, no chunks, no waiting) and returns
     * {@code true}; otherwise grants nothing and returns {@code false}, and the caller paces in chunks. It is
     * checked per write, so a limit switched on takes effect at the next write.
     */
    boolean grantWholeIfUnlimited(long bytes) {
        return limiters.takeAllNowIfUnlimited(bytes);
    }

    /** The limiters as one set: the asynchronous pacing takes its no-wait grants from it directly. */
    LimiterSet limiterSet() {
        return limiters;
    }

    /** Whether every limiter is switched off now: a reader then reads as much as asked, not one chunk. */
    boolean unlimited() {
        return limiters.allUnlimited();
    }

    /**
     * Gives back the unsent part of a {@link #grantWholeIfUnlimited} grant, to the limiters still off (a limit
     * switched on meanwhile keeps it, never crediting budget the free grant did not take).
     */
    void giveBackWhole(long bytes) {
        limiters.giveBackWhereUnlimited(bytes);
    }

    /**
     * Gives {@code bytes} back to every limiter: a caller that acquired more than it sent (a short read)
     * returns the rest.
     */
    public void giveBack(long bytes) {
        requireByteCount(bytes);
        limiters.giveBack(bytes);
    }

    @Override
    public String toString() {
        return "Pacer[chunk=" + DataSize.ofBytes(chunkBytes) + ", limiters=" + limiters.all() + "]";
    }

    private static void requireByteCount(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("byte count must be at least 0 B, was " + bytes + " B");
        }
    }

    /** Configures a {@link Pacer}. */
    public static final class Builder {
        private final List<RateLimiter> limiters = new ArrayList<>();
        private DataSize chunk = DEFAULT_CHUNK;
        private Ticker ticker = Ticker.system();
        private Parker parker = Parker.system();
        private Scheduler scheduler = Scheduler.shared();

        private Builder() {
        }

        /** Adds a limiter to obey (own, parent, global: any order). */
        public Builder limiter(RateLimiter limiter) {
            if (limiter == null) {
                throw new IllegalArgumentException("limiter must not be null");
            }
            if (limiters.contains(limiter)) {
                throw new IllegalArgumentException("limiter " + limiter + " was added twice");
            }
            limiters.add(limiter);
            return this;
        }

        /** The largest grant; at least 1 B. Default {@link #DEFAULT_CHUNK}, capped at the smallest burst. */
        public Builder chunkSize(DataSize chunk) {
            if (chunk == null || chunk.bytes() < 1) {
                throw new IllegalArgumentException("chunk size must be at least 1 B, was " + chunk);
            }
            this.chunk = chunk;
            return this;
        }

        /** The time source for deadlines; use the same ticker as the limiters. */
        public Builder ticker(Ticker ticker) {
            if (ticker == null) {
                throw new IllegalArgumentException("ticker must not be null (use Ticker.system())");
            }
            this.ticker = ticker;
            return this;
        }

        /** How blocking waits park. */
        public Builder parker(Parker parker) {
            if (parker == null) {
                throw new IllegalArgumentException("parker must not be null (use Parker.system())");
            }
            this.parker = parker;
            return this;
        }

        /** Where asynchronous waits are timed. */
        public Builder scheduler(Scheduler scheduler) {
            if (scheduler == null) {
                throw new IllegalArgumentException("scheduler must not be null (use Scheduler.shared())");
            }
            this.scheduler = scheduler;
            return this;
        }

        /** @throws IllegalStateException without a limiter */
        public Pacer build() {
            if (limiters.isEmpty()) {
                throw new IllegalStateException("a pacer needs at least one limiter");
            }
            return new Pacer(this);
        }
    }
}
