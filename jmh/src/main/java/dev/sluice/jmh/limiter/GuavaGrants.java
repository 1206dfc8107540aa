package dev.sluice.jmh.limiter;

import com.google.common.util.concurrent.RateLimiter;
import dev.sluice.api.DataRate;

/** Guava's {@code RateLimiter} (SmoothBursty, one permit per byte) as a {@link GrantLimiter}. */
final class GuavaGrants {

    private GuavaGrants() {
    }

    static GrantLimiter create(DataRate rate) {
        RateLimiter limiter = RateLimiter.create(rate.bytesPerSecond());
        return bytes -> limiter.tryAcquire(Math.toIntExact(bytes)) ? 0 : GrantLimiter.REFUSED;
    }
}
