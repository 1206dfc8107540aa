package dev.sluice.jmh.limiter;

/**
 * The one operation {@code GrantBenchmark} compares across libraries: take {@code bytes} if they may go now,
 * without waiting. Adapters map each library's non-blocking call onto it and add nothing else.
 */
@FunctionalInterface
public interface GrantLimiter {

    /** Returned when the bytes may not go now (Sluice's {@code RateLimiter.REFUSED}). */
    long REFUSED = dev.sluice.api.RateLimiter.REFUSED;

    /** Takes {@code bytes} now: 0 if granted (nothing to wait), {@link #REFUSED} if not. */
    long tryReserve(long bytes);
}
