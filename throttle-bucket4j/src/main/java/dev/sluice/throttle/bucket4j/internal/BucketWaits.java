package dev.sluice.throttle.bucket4j.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

/**
 * Sluice's reservation semantics on a Bucket4j bucket of one token per byte, local or remote. A
 * reservation is a consumption that may drive the bucket into debt (negative tokens); the wait is the
 * time the debt takes to refill, exactly as in a leaky bucket whose burst is the capacity.
 *
 * <p>Bucket4j refuses to estimate or to reserve with a bound above the capacity; above it, the wait is
 * the wait for a full bucket plus the time the excess takes at the rate.
 */
public final class BucketWaits {

    private BucketWaits() {
    }

    /** The wait {@code bytes} would have now, committing nothing (one remote operation if remote). */
    public static long estimate(Bucket bucket, long bytes, long capacity, DataRate rate) {
        if (bytes == 0) {
            long available = bucket.getAvailableTokens();
            return available >= 0 ? 0 : rate.nanosToSend(-available);
        }
        long withinCapacity = Math.min(bytes, capacity);
        EstimationProbe probe = bucket.estimateAbilityToConsume(withinCapacity);
        long wait = probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
        return bytes > capacity ? wait + rate.nanosToSend(bytes - capacity) : wait;
    }

    /** Commits {@code bytes} (at least 1) whatever the wait, and returns the wait. */
    public static long reserve(Bucket bucket, long bytes) {
        return bucket.consumeIgnoringRateLimits(bytes);
    }

    /**
     * Commits {@code bytes} only if the wait is at most {@code maxWaitNanos}; returns the wait, or
     * {@link RateLimiter#REFUSED} having committed nothing.
     */
    public static long tryReserve(Bucket bucket, long bytes, long maxWaitNanos, long capacity, DataRate rate) {
        if (bytes == 0) {
            long wait = estimate(bucket, 0, capacity, rate);
            return wait <= maxWaitNanos ? wait : RateLimiter.REFUSED;
        }
        if (maxWaitNanos == 0) {
            return bucket.tryConsumeAndReturnRemaining(bytes).isConsumed() ? 0 : RateLimiter.REFUSED;
        }
        if (bytes <= capacity) {
            // Bucket4j's bounded reservation is atomic; its "park" hands us the wait instead of sleeping
            long[] wait = new long[1];
            boolean reserved = bucket.asBlocking().tryConsumeUninterruptibly(bytes, maxWaitNanos, nanos -> wait[0] = nanos);
            return reserved ? wait[0] : RateLimiter.REFUSED;
        }
        if (estimate(bucket, bytes, capacity, rate) > maxWaitNanos) {
            return RateLimiter.REFUSED;
        }
        long wait = bucket.consumeIgnoringRateLimits(bytes);
        if (wait > maxWaitNanos) {
            // another caller got in between estimate and commit: undo (the bucket is in debt, nothing is capped)
            bucket.addTokens(bytes);
            return RateLimiter.REFUSED;
        }
        return wait;
    }
}
