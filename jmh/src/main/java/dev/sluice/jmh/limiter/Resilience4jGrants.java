package dev.sluice.jmh.limiter;

import dev.sluice.api.DataRate;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * Resilience4j's {@code AtomicRateLimiter} as a {@link GrantLimiter}: permits are bytes, refreshed every
 * millisecond ({@code limitForPeriod} is an {@code int}, so one second of bytes at the benchmark's rate does
 * not fit), timeout zero so that a grant never parks.
 */
final class Resilience4jGrants {

    private static final long PERIOD_NANOS = 1_000_000L;

    private Resilience4jGrants() {
    }

    static GrantLimiter create(DataRate rate) {
        int limitForPeriod = (int) Math.max(1, Math.min(Integer.MAX_VALUE, rate.bytesIn(PERIOD_NANOS)));
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(limitForPeriod)
                .limitRefreshPeriod(Duration.ofNanos(rate.nanosToSend(limitForPeriod)))
                .timeoutDuration(Duration.ZERO)
                .build();
        RateLimiter limiter = RateLimiter.of("grant-benchmark", config);
        return bytes -> limiter.acquirePermission(Math.toIntExact(bytes)) ? 0 : GrantLimiter.REFUSED;
    }
}
