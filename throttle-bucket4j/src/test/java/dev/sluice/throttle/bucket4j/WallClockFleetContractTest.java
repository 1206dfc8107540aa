package dev.sluice.throttle.bucket4j;

import dev.sluice.testkit.RateLimiterContract;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

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

        @RegisterExtension
        static final Started<EmbeddedHazelcast> CLUSTER = Started.by(() -> new EmbeddedHazelcast(2));

        @Override
        protected Factory factory() {
            return (rate, burst, ticker) -> FleetRateLimiter
                    .builder(CLUSTER.get().proxyManagerOnWallClock(0), "wall-" + UUID.randomUUID())
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

        @RegisterExtension
        static final Started<RedisFleet> REDIS = Started.by(() -> RedisFleet.start("the wall-clock Redis contract"));

        @Override
        protected Factory factory() {
            return (rate, burst, ticker) -> FleetRateLimiter
                    .builder(REDIS.get().connections().proxyManagerOnWallClock(), "wall-" + UUID.randomUUID())
                    .rate(rate).burst(burst).ticker(ticker).build();
        }

        @Override
        protected Set<Behaviour> behaviours() {
            return EnumSet.of(Behaviour.RATE_CHANGE);
        }
    }
}
