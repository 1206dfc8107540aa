package dev.sluice.throttle.bucket4j;

import dev.sluice.testkit.RateLimiterContract;
import java.util.EnumSet;
import java.util.Set;

/** The local {@link Bucket4jRateLimiter} passes the whole contract, on virtual time. */
class Bucket4jRateLimiterContractTest extends RateLimiterContract {

    @Override
    protected Factory factory() {
        return Bucket4jRateLimiter::of;
    }

    @Override
    protected Set<Behaviour> behaviours() {
        return EnumSet.allOf(Behaviour.class);
    }
}
