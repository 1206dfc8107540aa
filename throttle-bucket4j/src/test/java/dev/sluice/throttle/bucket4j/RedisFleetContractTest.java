package dev.sluice.throttle.bucket4j;

import dev.sluice.testkit.RateLimiterContract;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FleetRateLimiter} on a real {@code redis-server} through Lettuce passes the whole contract, on
 * virtual time: Bucket4j's compare-and-swap runs on the client clock, which is the contract's ticker.
 */
class RedisFleetContractTest extends RateLimiterContract {

    @RegisterExtension
    static final Started<RedisFleet> REDIS = Started.by(() -> RedisFleet.start("the Redis fleet contract"));

    @Override
    protected Factory factory() {
        return (rate, burst, ticker) -> FleetRateLimiter
                .builder(REDIS.get().connections().proxyManager(ticker), "budget-" + UUID.randomUUID())
                .rate(rate).burst(burst).ticker(ticker).build();
    }

    @Override
    protected Set<Behaviour> behaviours() {
        return EnumSet.allOf(Behaviour.class);
    }
}
