package dev.sluice.throttle;

import dev.sluice.testkit.RateLimiterContract;
import java.util.EnumSet;
import java.util.Set;

/** Counting changes no answer: a metered {@link LeakyBucket} passes the whole contract, as the bucket does. */
class MeteredRateLimiterContractTest extends RateLimiterContract {

    @Override
    protected Factory factory() {
        return (rate, burst, ticker) -> MeteredRateLimiter.of(
                LeakyBucket.builder().rate(rate).burst(burst).ticker(ticker).build(), ticker);
    }

    @Override
    protected Set<Behaviour> behaviours() {
        return EnumSet.allOf(Behaviour.class);
    }
}
