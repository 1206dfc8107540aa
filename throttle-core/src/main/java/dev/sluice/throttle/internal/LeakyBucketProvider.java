package dev.sluice.throttle.internal;

import dev.sluice.api.RateLimiter;
import dev.sluice.api.spi.RateLimiterProvider;
import dev.sluice.api.spi.RateLimiterSpec;
import dev.sluice.throttle.LeakyBucket;

/** Registers {@link LeakyBucket} as {@code "leaky-bucket"}. */
public final class LeakyBucketProvider implements RateLimiterProvider {

    @Override
    public String name() {
        return "leaky-bucket";
    }

    @Override
    public RateLimiter create(RateLimiterSpec spec) {
        LeakyBucket.Builder builder = LeakyBucket.builder().rate(spec.rate()).ticker(spec.ticker());
        if (spec.burst() != null) {
            builder.burst(spec.burst());
        }
        if (!spec.options().isEmpty()) {
            throw new IllegalArgumentException("leaky-bucket takes no options, got " + spec.options().keySet());
        }
        return builder.build();
    }
}
