package dev.sluice.jmh.limiter;

import dev.sluice.api.DataRate;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.time.Duration;

/**
 * Bucket4j's local bucket as a {@link GrantLimiter}: greedy refill, one second of tokens as capacity,
 * starting full, default millisecond clock.
 */
final class Bucket4jGrants {

    /** Bucket4j refuses refills faster than 1 token per nanosecond, i.e. 10^9 tokens (bytes) per second. */
    static final long MAX_TOKENS_PER_SECOND = 1_000_000_000L;

    private Bucket4jGrants() {
    }

    /** At {@code rate}, capped at Bucket4j's 10^9 B/s (still far above what 1-byte grants can take). */
    static GrantLimiter create(DataRate rate, boolean synchronizedStrategy) {
        long perSecond = Math.max(1, Math.min(MAX_TOKENS_PER_SECOND, (long) rate.bytesPerSecond()));
        LocalBucketBuilder builder = Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)));
        if (synchronizedStrategy) {
            builder.withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED);
        }
        Bucket bucket = builder.build();
        return bytes -> bucket.tryConsume(bytes) ? 0 : GrantLimiter.REFUSED;
    }
}
