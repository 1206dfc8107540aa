package dev.sluice.jmh.limiter;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.LeakyBucket;

/** Sluice's leaky bucket (default 16 KiB burst, system ticker) as a {@link GrantLimiter}. */
final class SluiceGrants {

    private SluiceGrants() {
    }

    static GrantLimiter create(DataRate rate) {
        LeakyBucket bucket = LeakyBucket.of(rate);
        return bytes -> bucket.tryReserve(bytes, 0);
    }
}
