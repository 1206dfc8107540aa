package dev.sluice.throttle.bucket4j;

import dev.sluice.testkit.RateLimiterContract;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * {@link FleetRateLimiter} as a fleet runs it: the shared bucket on Bucket4j's default wall clock, this
 * host on the system ticker. Only the contract's cases that hold on the real clock run (input checks,
 * the first burst, estimates committing nothing, rate changes and listeners); those needing virtual time
 * are reported as skipped here and run in {@link HazelcastFleetContractTest} and
 * {@link RedisFleetContractTest}.
 */
class WallClockFleetContractTest {

    /** On a two-member embedded Hazelcast cluster. */
    @Nested
    class OnHazelcast extends RateLimiterContract {

        private static EmbeddedHazelcast cluster;

        @BeforeAll
        static void startCluster() {
            cluster = new EmbeddedHazelcast(2);
        }

        @AfterAll
        static void stopCluster() {
            cluster.close();
        }

        @Override
        protected Factory factory() {
            return (rate, burst, ticker) -> FleetRateLimiter.builder(cluster.proxyManagerOnWallClock(0), "wall-" + UUID.randomUUID())
                    .rate(rate).burst(burst).ticker(ticker).build();
        }

        @Override
        protected Set<Behaviour> behaviours() {
            return EnumSet.of(Behaviour.RATE_CHANGE);
        }
    }

    /** On a real {@code redis-server} through Lettuce. */
    @Nested
    class OnRedis extends RateLimiterContract {

        private static RedisProcess redis;
        private static RedisConnections connections;

        @BeforeAll
        static void startRedis() {
            redis = RedisProcess.start("the wall-clock Redis contract");
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
            return (rate, burst, ticker) -> FleetRateLimiter.builder(connections.proxyManagerOnWallClock(), "wall-" + UUID.randomUUID())
                    .rate(rate).burst(burst).ticker(ticker).build();
        }

        @Override
        protected Set<Behaviour> behaviours() {
            return EnumSet.of(Behaviour.RATE_CHANGE);
        }
    }
}
