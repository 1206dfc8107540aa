package dev.sluice.throttle;

import dev.sluice.testkit.RateLimiterContract;
import java.util.EnumSet;
import java.util.Set;

/** {@link LeakyBucket} passes the contract every limiter owes, with every optional behaviour. */
class LeakyBucketContractTest extends RateLimiterContract {

    @Override
    protected Factory factory() {
        return (rate, burst, ticker) -> LeakyBucket.builder().rate(rate).burst(burst).ticker(ticker).build();
    }

    @Override
    protected Set<Behaviour> behaviours() {
        return EnumSet.allOf(Behaviour.class);
    }
}
