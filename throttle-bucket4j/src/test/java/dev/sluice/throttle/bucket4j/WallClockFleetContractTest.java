package dev.sluice.throttle.bucket4j;

import dev.sluice.api.Ticker;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.EnumSet;
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
    class OnHazelcast extends FleetContract {

        @RegisterExtension
        static final Started<EmbeddedHazelcast> CLUSTER = Started.by(() -> new EmbeddedHazelcast(2));

        OnHazelcast() {
            super(EnumSet.of(Behaviour.RATE_CHANGE));
        }

        @Override
        ProxyManager<String> proxyManager(Ticker ticker) {
            return CLUSTER.get().proxyManagerOnWallClock(0);
        }
    }

    /** On a real {@code redis-server} through Lettuce. */
    @Nested
    class OnRedis extends FleetContract {

        @RegisterExtension
        static final Started<RedisFleet> REDIS = Started.by(() -> RedisFleet.start("the wall-clock Redis contract"));

        OnRedis() {
            super(EnumSet.of(Behaviour.RATE_CHANGE));
        }

        @Override
        ProxyManager<String> proxyManager(Ticker ticker) {
            return REDIS.get().connections().proxyManagerOnWallClock();
        }
    }
}
