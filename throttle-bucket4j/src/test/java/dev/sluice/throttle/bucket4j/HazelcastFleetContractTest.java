package dev.sluice.throttle.bucket4j;

import dev.sluice.api.Ticker;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.EnumSet;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FleetRateLimiter} on a two-member embedded Hazelcast cluster passes the whole contract, on
 * virtual time: Bucket4j refills the shared bucket on the client clock, which is the contract's ticker.
 */
class HazelcastFleetContractTest extends FleetContract {

    @RegisterExtension
    static final Started<EmbeddedHazelcast> CLUSTER = Started.by(() -> new EmbeddedHazelcast(2));

    HazelcastFleetContractTest() {
        super(EnumSet.allOf(Behaviour.class));
    }

    @Override
    ProxyManager<String> proxyManager(Ticker ticker) {
        // the second member owns about half the keys, so both members serve budgets
        return CLUSTER.get().proxyManager(1, ticker);
    }
}
