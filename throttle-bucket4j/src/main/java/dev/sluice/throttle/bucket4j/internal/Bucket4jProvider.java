package dev.sluice.throttle.bucket4j.internal;

import dev.sluice.api.RateLimiter;
import dev.sluice.api.spi.RateLimiterProvider;
import dev.sluice.api.spi.RateLimiterSpec;
import dev.sluice.throttle.bucket4j.Bucket4jRateLimiter;

/**
 * Registers {@link Bucket4jRateLimiter} as {@code "bucket4j"}: a local bucket. A fleet-wide limiter needs
 * a Bucket4j {@code ProxyManager}, which no string option can carry; build it with
 * {@link dev.sluice.throttle.bucket4j.FleetRateLimiter#builder}.
 */
public final class Bucket4jProvider implements RateLimiterProvider {

    @Override
    public String name() {
        return "bucket4j";
    }

    @Override
    public RateLimiter create(RateLimiterSpec spec) {
        if (!spec.options().isEmpty()) {
            throw new IllegalArgumentException("bucket4j takes no options, got " + spec.options().keySet());
        }
        return Bucket4jRateLimiter.of(spec.rate(),
                spec.burst() == null ? Bucket4jRateLimiter.DEFAULT_BURST : spec.burst(), spec.ticker());
    }
}
