package dev.sluice.throttle.bucket4j;

import dev.sluice.testkit.RateLimiterContract;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FleetRateLimiter} on a two-member embedded Hazelcast cluster passes the whole contract, on
 * virtual time: Bucket4j refills the shared bucket on the client clock, which is the contract's ticker.
 */
class HazelcastFleetContractTest extends RateLimiterContract {

    @RegisterExtension
    static final Started<EmbeddedHazelcast> CLUSTER = Started.by(() -> new EmbeddedHazelcast(2));

    @Override
    protected Factory factory() {
        // the second member owns about half the keys, so both members serve budgets
        return (rate, burst, ticker) -> FleetRateLimiter
                .builder(CLUSTER.get().proxyManager(1, ticker), "budget-" + UUID.randomUUID())
                .rate(rate).burst(burst).ticker(ticker).build();
    }

    @Override
    protected Set<Behaviour> behaviours() {
        return EnumSet.allOf(Behaviour.class);
    }
}
