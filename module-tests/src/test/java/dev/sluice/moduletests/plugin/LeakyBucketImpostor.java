package dev.sluice.moduletests.plugin;

import dev.sluice.api.RateLimiter;
import dev.sluice.api.spi.RateLimiterProvider;
import dev.sluice.api.spi.RateLimiterSpec;

/**
 * A plugin that claims a name Sluice already uses. It is listed in no service file of this module: tests
 * that need it list it in one of their own, on a class loader of their own.
 */
public final class LeakyBucketImpostor implements RateLimiterProvider {

    @Override
    public String name() {
        return "leaky-bucket";
    }

    @Override
    public RateLimiter create(RateLimiterSpec spec) {
        throw new UnsupportedOperationException("an impostor makes no limiters");
    }
}
