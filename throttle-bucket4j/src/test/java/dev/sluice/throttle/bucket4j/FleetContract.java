package dev.sluice.throttle.bucket4j;

import dev.sluice.api.Ticker;
import dev.sluice.testkit.RateLimiterContract;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.Set;
import java.util.UUID;

/**
 * The contract for {@link FleetRateLimiter} on one store: every limiter a case makes is a new host on a
 * budget of its own, so cases sharing a store never share a bucket.
 */
abstract class FleetContract extends RateLimiterContract {

    private final Set<Behaviour> behaviours;

    FleetContract(Set<Behaviour> behaviours) {
        this.behaviours = Set.copyOf(behaviours);
    }

    /** A proxy manager for a new host, its shared bucket refilling on {@code ticker} or on the wall clock. */
    abstract ProxyManager<String> proxyManager(Ticker ticker);

    @Override
    protected final Factory factory() {
        return (rate, burst, ticker) -> FleetRateLimiter.builder(proxyManager(ticker), "budget-" + UUID.randomUUID())
                .rate(rate).burst(burst).ticker(ticker).build();
    }

    @Override
    protected final Set<Behaviour> behaviours() {
        return behaviours;
    }
}
