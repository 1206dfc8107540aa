package dev.sluice.throttle.bucket4j;

import dev.sluice.api.Ticker;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.EnumSet;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FleetRateLimiter} on a real {@code redis-server} through Lettuce passes the whole contract, on
 * virtual time: Bucket4j's compare-and-swap runs on the client clock, which is the contract's ticker.
 */
class RedisFleetContractTest extends FleetContract {

    @RegisterExtension
    static final Started<RedisFleet> REDIS = Started.by(() -> RedisFleet.start("the Redis fleet contract"));

    RedisFleetContractTest() {
        super(EnumSet.allOf(Behaviour.class));
    }

    @Override
    ProxyManager<String> proxyManager(Ticker ticker) {
        return REDIS.get().connections().proxyManager(ticker);
    }
}
