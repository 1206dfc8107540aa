package dev.sluice.throttle.bucket4j;

import static dev.sluice.throttle.bucket4j.internal.RequestChecks.requireByteCount;
import static dev.sluice.throttle.bucket4j.internal.RequestChecks.requireMaxWait;
import static dev.sluice.throttle.bucket4j.internal.RequestChecks.requireTicker;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.bucket4j.internal.BucketWaits;
import dev.sluice.throttle.bucket4j.internal.ByteBandwidth;
import dev.sluice.throttle.bucket4j.internal.LimiterRate;
import dev.sluice.throttle.bucket4j.internal.RemoteCalls;
import dev.sluice.throttle.bucket4j.internal.Rescaling;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One host's share of a fleet-wide byte budget kept in a Bucket4j {@link ProxyManager} (Hazelcast, Redis
 * through Lettuce, any backend), so that many hosts together never send faster than the budget.
 *
 * <p><b>Batching.</b> A remote command costs a network round trip (two for Redis' compare-and-swap), far
 * more than a local reservation. This limiter therefore takes budget from the shared bucket in batches of
 * at least {@link Builder#batch(DataSize) batch} bytes (64 KiB by default) with one
 * {@code consumeIgnoringRateLimits}, and serves reservations from the batch it holds: a reservation costs
 * at most one remote command, and most cost none (a 64 KiB batch serves eight 8 KiB chunks; 16 commands
 * per MiB). The shared bucket says when the whole batch is paid for; the batch's bytes are paid
 * progressively up to then, at the rate, so each chunk goes when its own bytes are paid. A local Bucket4j
 * bucket with the same rate and burst paces this host smoothly on top, so a single host behaves exactly
 * as {@link Bucket4jRateLimiter}.
 *
 * <p><b>Consistency traded.</b> A host may hold up to one batch of budget it has paid for and not yet
 * spent: other hosts wait for it meanwhile, and after an idle period the host may spend it late (its
 * local bucket still caps it at one burst at once and the rate after). If the store loses the bucket (a
 * Redis restart without persistence, a Hazelcast partition lost with its backups), Bucket4j recreates it
 * full, forgetting the debt of batches handed out: the fleet may then exceed the budget by up to one batch
 * per host, and one burst. A store that cannot be reached for {@link Builder#giveUpAfter(Duration)} stops
 * the transfer with a {@link FleetBudgetException} rather than pacing blind.
 *
 * <p><b>Clocks.</b> Waits come back from the store as durations and are turned into deadlines on this
 * host's {@link Ticker}, so hosts need no common clock for that; the shared bucket refills on the clock
 * of the {@code ProxyManager} (Bucket4j's default, or its {@code clientClock}).
 *
 * <p>{@link #setRate(DataRate)} replaces the shared bucket's configuration (token inheritance
 * {@code AS_IS}: the backlog keeps its size in bytes) and re-times this host; other hosts' local buckets
 * keep their rate until their own {@code setRate}. {@link DataRate#UNLIMITED} turns this host's limiting
 * off without touching the shared bucket; a later finite rate resets the shared bucket to one full burst.
 */
public final class FleetRateLimiter implements RateLimiter {

    /** The default batch: 64 KiB per remote command. */
    public static final DataSize DEFAULT_BATCH = DataSize.ofKibibytes(64);

    private final Bucket shared;
    private final Bucket4jRateLimiter local;
    private final Ticker ticker;
    private final DataSize burst;
    private final long batch;
    private final RemoteCalls remote;
    private final String description;
    private final ReentrantLock lock = new ReentrantLock();
    private final LimiterRate rate;
    /** Bytes paid for in the shared bucket and not yet reserved here. Guarded by {@link #lock}. */
    private long held;
    /** The instant, on {@link #ticker}, by which every held byte is paid for. Guarded by {@link #lock}. */
    private long paidBy;

    private <K> FleetRateLimiter(Builder<K> builder) {
        this.rate = new LimiterRate(builder.rate, lock);
        this.burst = builder.burst;
        this.batch = builder.batch.bytes();
        this.ticker = builder.ticker;
        this.description = "'" + builder.key + "'";
        this.remote = new RemoteCalls(description, builder.giveUpAfter);
        this.local = Bucket4jRateLimiter.of(builder.rate, burst, ticker);
        DataRate initial = builder.rate;
        DataSize initialBurst = burst;
        this.shared = builder.proxyManager.builder().build(builder.key, () -> ByteBandwidth.of(initial, initialBurst));
        this.paidBy = ticker.read();
    }

    /** A builder for this host's limiter on the shared bucket {@code key} of {@code proxyManager}. */
    public static <K> Builder<K> builder(ProxyManager<K> proxyManager, K key) {
        if (proxyManager == null || key == null) {
            throw new IllegalArgumentException("proxy manager and key must not be null, were " + proxyManager + " and " + key);
        }
        return new Builder<>(proxyManager, key);
    }

    @Override
    public long reserve(long bytes) {
        requireByteCount(bytes);
        lock.lock();
        try {
            if (rate.get().isUnlimited()) {
                return 0;
            }
            holdAtLeast(bytes);
            long remoteWait = sharedWait(bytes, ticker.read());
            held -= bytes;
            return Math.max(0, Math.max(local.reserve(bytes), remoteWait));
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>When the held batch is too small, a new one is taken from the shared bucket before deciding; on
     * refusal it stays held here for the next reservation, so nothing this host can observe was committed.
     */
    @Override
    public long tryReserve(long bytes, long maxWaitNanos) {
        requireByteCount(bytes);
        requireMaxWait(maxWaitNanos);
        lock.lock();
        try {
            if (rate.get().isUnlimited()) {
                return 0;
            }
            long localWait = local.waitEstimate(bytes);
            if (localWait > maxWaitNanos) {
                return REFUSED;
            }
            holdAtLeast(bytes);
            long wait = Math.max(0, Math.max(localWait, sharedWait(bytes, ticker.read())));
            if (wait > maxWaitNanos) {
                return REFUSED;
            }
            local.reserve(bytes); // under the lock: the same wait as estimated
            held -= bytes;
            return wait;
        } finally {
            lock.unlock();
        }
    }

    /** {@inheritDoc} Costs one remote command when the held batch does not cover {@code bytes}. */
    @Override
    public long waitEstimate(long bytes) {
        requireByteCount(bytes);
        lock.lock();
        try {
            if (rate.get().isUnlimited()) {
                return 0;
            }
            long localWait = local.waitEstimate(bytes);
            long now = ticker.read();
            long remoteWait;
            if (bytes <= held) {
                remoteWait = sharedWait(bytes, now);
            } else {
                long missing = bytes - held;
                DataRate current = rate.get();
                long sharedEstimate = remote.call("estimate " + missing + " B",
                        () -> BucketWaits.estimate(shared, missing, burst.bytes(), current));
                remoteWait = Math.max(sharedEstimate, paidBy - now);
            }
            return Math.max(0, Math.max(localWait, remoteWait));
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Up to one batch is kept here for the next reservations; the rest goes back to the shared bucket
     * ({@code addTokens}, one remote command), which never fills above one burst.
     */
    @Override
    public void giveBack(long bytes) {
        requireByteCount(bytes);
        lock.lock();
        try {
            if (bytes == 0 || rate.get().isUnlimited()) {
                return;
            }
            local.giveBack(bytes);
            long kept = Math.min(bytes, Math.max(0, batch - held));
            held += kept;
            long excess = bytes - kept;
            if (excess > 0) {
                remote.call("give back " + excess + " B", () -> {
                    shared.addTokens(excess);
                    return null;
                });
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public DataRate rate() {
        return rate.get();
    }

    /**
     * Changes the rate of this host and of the shared bucket (see the class comment); listeners are told
     * after the change.
     *
     * @throws IllegalArgumentException if {@code rate} is null or finite and above 8 Gbit/s
     * @throws FleetBudgetException if the shared bucket cannot be reconfigured
     */
    @Override
    public void setRate(DataRate rate) {
        this.rate.set(rate, (previous, next) -> {
            if (!next.isUnlimited()) {
                remote.call("change the rate to " + next, () -> {
                    ByteBandwidth.reconfigure(shared, previous, next, burst);
                    return null;
                });
                long now = ticker.read();
                paidBy = previous.isUnlimited() ? now : now + Rescaling.scale(paidBy - now, previous, next);
            }
            local.setRate(next);
        });
    }

    @Override
    public DataSize burst() {
        return burst;
    }

    /** The bytes taken from the shared bucket per remote command, at least. */
    public DataSize batch() {
        return DataSize.ofBytes(batch);
    }

    /**
     * Commands sent to the shared bucket so far, retries included: the cost side of batching. (Each is one
     * network round trip on Hazelcast's entry processor, two on Redis' compare-and-swap when uncontended.)
     */
    public long remoteCommands() {
        return remote.commands();
    }

    @Override
    public void addListener(Listener listener) {
        rate.addListener(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        rate.removeListener(listener);
    }

    @Override
    public String toString() {
        return "FleetRateLimiter[budget=" + description + ", rate=" + rate.get() + ", burst=" + burst + ", batch=" + batch() + "]";
    }

    /** Takes a batch from the shared bucket if the held bytes do not cover {@code bytes}. */
    private void holdAtLeast(long bytes) {
        if (bytes <= held) {
            return;
        }
        long take = Math.max(batch, bytes - held);
        // the store computes the wait during the call; timing it from the request errs by under one round
        // trip, and a wait of 0 (a burst still in the bucket) stays 0
        long asked = ticker.read();
        long wait = remote.call("reserve " + take + " B", () -> BucketWaits.reserve(shared, take));
        paidBy = asked + wait;
        held += take;
    }

    /** When the first {@code bytes} of the held batch are paid for, relative to {@code now}. */
    private long sharedWait(long bytes, long now) {
        return paidBy - rate.get().nanosToSend(held - bytes) - now;
    }

    /** Configures a {@link FleetRateLimiter}. */
    public static final class Builder<K> {
        private final ProxyManager<K> proxyManager;
        private final K key;
        private DataRate rate;
        private DataSize burst = Bucket4jRateLimiter.DEFAULT_BURST;
        private DataSize batch = DEFAULT_BATCH;
        private Ticker ticker = Ticker.system();
        private Duration giveUpAfter = Duration.ofSeconds(5);

        private Builder(ProxyManager<K> proxyManager, K key) {
            this.proxyManager = proxyManager;
            this.key = key;
        }

        /** The fleet-wide rate; required and finite (the shared bucket is created with it if new). */
        public Builder<K> rate(DataRate rate) {
            ByteBandwidth.requireSupported(rate);
            if (rate.isUnlimited()) {
                throw new IllegalArgumentException("a fleet budget needs a finite rate, was unlimited");
            }
            this.rate = rate;
            return this;
        }

        /** The most that goes at once after idle, fleet-wide and on this host; default 16 KiB. */
        public Builder<K> burst(DataSize burst) {
            ByteBandwidth.requireBurst(burst);
            this.burst = burst;
            return this;
        }

        /** The least taken from the shared bucket per remote command; at least 1 B, default 64 KiB. */
        public Builder<K> batch(DataSize batch) {
            if (batch == null || batch.bytes() < 1) {
                throw new IllegalArgumentException("batch must be at least 1 B, was " + batch);
            }
            this.batch = batch;
            return this;
        }

        /** This host's time source for deadlines; default {@link Ticker#system()}. */
        public Builder<K> ticker(Ticker ticker) {
            requireTicker(ticker);
            this.ticker = ticker;
            return this;
        }

        /** How long a failing store is retried before {@link FleetBudgetException}; default 5 s. */
        public Builder<K> giveUpAfter(Duration giveUpAfter) {
            if (giveUpAfter == null || giveUpAfter.isNegative()) {
                throw new IllegalArgumentException("give-up time must be at least 0 ms, was " + giveUpAfter);
            }
            this.giveUpAfter = giveUpAfter;
            return this;
        }

        /**
         * The limiter; creates the shared bucket lazily on the first remote command.
         *
         * @throws IllegalStateException if the rate is missing
         */
        public FleetRateLimiter build() {
            if (rate == null) {
                throw new IllegalStateException("rate is required, e.g. rate(DataRate.ofBitsPerSecond(819_200))");
            }
            return new FleetRateLimiter(this);
        }
    }
}
