package dev.sluice.jmh.limiter;

import dev.sluice.api.DataRate;

/**
 * The limiters {@code GrantBenchmark} runs side by side (its {@code @Param}), each built fresh per trial at
 * (or as near as the library allows to) the benchmark's rate, one token or permit per byte, with the library's
 * defaults for everything else. Commons IO's {@code ThrottledInputStream} is absent: it has no grant call,
 * only a stream read. Netty's traffic shaping is absent: it needs a channel pipeline.
 */
public enum LimiterType {

    /** Sluice's {@code LeakyBucket.tryReserve(bytes, 0)}: one ticker read and one compare-and-set. */
    SLUICE_LEAKY_BUCKET {
        @Override
        public GrantLimiter create(DataRate rate) {
            return SluiceGrants.create(rate);
        }
    },

    /** Guava's {@code RateLimiter.tryAcquire(permits)}: a lock and a stopwatch read. */
    GUAVA {
        @Override
        public GrantLimiter create(DataRate rate) {
            return GuavaGrants.create(rate);
        }
    },

    /** Bucket4j's local bucket, {@code tryConsume(tokens)}, default lock-free strategy (a new state per grant). */
    BUCKET4J {
        @Override
        public GrantLimiter create(DataRate rate) {
            return Bucket4jGrants.create(rate, false);
        }
    },

    /** Bucket4j's local bucket with the {@code SYNCHRONIZED} strategy (no allocation, a monitor). */
    BUCKET4J_SYNCHRONIZED {
        @Override
        public GrantLimiter create(DataRate rate) {
            return Bucket4jGrants.create(rate, true);
        }
    },

    /** Resilience4j's {@code AtomicRateLimiter.acquirePermission(permits)} with a zero timeout. */
    RESILIENCE4J {
        @Override
        public GrantLimiter create(DataRate rate) {
            return Resilience4jGrants.create(rate);
        }
    },

    /**
     * Okio's {@code Throttler}, through its only public door: a 1-byte write to a throttled
     * {@code Okio.blackhole()} sink, so Okio's buffer bookkeeping is part of the cost.
     */
    OKIO {
        @Override
        public GrantLimiter create(DataRate rate) {
            return OkioGrants.create(rate);
        }
    };

    /** A fresh limiter at {@code rate}. */
    public abstract GrantLimiter create(DataRate rate);
}
