package dev.sluice.throttle.bucket4j;

import dev.sluice.testkit.RateLimiterContract;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link FleetRateLimiter} on a two-member embedded Hazelcast cluster passes the whole contract, on
 * virtual time: Bucket4j refills the shared bucket on the client clock, which is the contract's ticker.
 */
class HazelcastFleetContractTest extends RateLimiterContract {

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
        // the second member owns about half the keys, so both members serve budgets
        return (rate, burst, ticker) -> FleetRateLimiter.builder(cluster.proxyManager(1, ticker), "budget-" + UUID.randomUUID())
                .rate(rate).burst(burst).ticker(ticker).build();
    }

    @Override
    protected Set<Behaviour> behaviours() {
        return EnumSet.allOf(Behaviour.class);
    }
}
