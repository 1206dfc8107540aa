package dev.sluice.transfer.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.api.spi.RateLimiterSpec;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.ProviderRegistry;
import dev.sluice.throttle.Scheduler;
import java.util.Map;
import java.util.Optional;

/**
 * The bandwidth budget of one direction of a manager: one limiter that every transfer in that direction
 * draws on, and the pacer in front of it. Every part of every transfer reserves its chunks from the same
 * limiter, in the order it asks, so concurrent parts share the budget fairly, and a cancelled part gives its
 * waiting reservation back to the others at once.
 */
public final class Budget {

    private final RateLimiter limiter;
    private final Pacer pacer;

    private Budget(RateLimiter limiter, Pacer pacer) {
        this.limiter = limiter;
        this.pacer = pacer;
    }

    /**
     * The budget of {@code instance} if given, else a limiter at {@code rate} (unlimited if empty) from the
     * provider named {@code provider}.
     *
     * @throws IllegalArgumentException if no provider has that name
     */
    public static Budget of(Optional<RateLimiter> instance, Optional<DataRate> rate, String provider,
            ProviderRegistry registry, Ticker ticker, Scheduler scheduler) {
        RateLimiter limiter = instance.orElseGet(() -> registry.rateLimiter(provider,
                new RateLimiterSpec(rate.orElse(DataRate.UNLIMITED), null, ticker, Map.of())));
        Pacer pacer = Pacer.builder().limiter(limiter).ticker(ticker).scheduler(scheduler).build();
        return new Budget(limiter, pacer);
    }

    /** The shared limiter; change its rate and every transfer in this direction follows. */
    public RateLimiter limiter() {
        return limiter;
    }

    /** The pacer every part of this direction paces through. */
    public Pacer pacer() {
        return pacer;
    }

    @Override
    public String toString() {
        return "Budget[" + limiter + "]";
    }
}
