package dev.sluice.throttle.bucket4j;

import dev.sluice.testkit.RateLimiterContract;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link FleetRateLimiter} on a real {@code redis-server} through Lettuce passes the whole contract, on
 * virtual time: Bucket4j's compare-and-swap runs on the client clock, which is the contract's ticker.
 */
class RedisFleetContractTest extends RateLimiterContract {

    private static RedisProcess redis;
    private static RedisConnections connections;

    @BeforeAll
    static void startRedis() {
        redis = RedisProcess.start("the Redis fleet contract");
        connections = new RedisConnections(redis);
    }

    @AfterAll
    static void stopRedis() {
        if (connections != null) {
            connections.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected Factory factory() {
        return (rate, burst, ticker) -> FleetRateLimiter.builder(connections.proxyManager(ticker), "budget-" + UUID.randomUUID())
                .rate(rate).burst(burst).ticker(ticker).build();
    }

    @Override
    protected Set<Behaviour> behaviours() {
        return EnumSet.allOf(Behaviour.class);
    }
}
