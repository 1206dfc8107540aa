package dev.sluice.api.spi;

import dev.sluice.api.RateLimiter;

/**
 * Makes {@link RateLimiter}s of one kind, found by {@link java.util.ServiceLoader} under a name such as
 * {@code "leaky-bucket"} or {@code "bucket4j"}. Register an implementation both with {@code provides}
 * in {@code module-info.java} and in {@code META-INF/services/dev.sluice.api.spi.RateLimiterProvider}.
 */
public interface RateLimiterProvider {

    /** The name applications choose this kind by, lower-case with dashes. */
    String name();

    /** A new limiter. @throws IllegalArgumentException if the spec does not suit this kind */
    RateLimiter create(RateLimiterSpec spec);
}
