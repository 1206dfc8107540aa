package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.Middleware;
import dev.sluice.api.Transport;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.PacingMiddleware;
import dev.sluice.transport.resilience.ResilientTransport;

/**
 * What {@link TransportThroughputMain} puts around a transport: nothing, pacing with limiting off
 * ({@link DataRate#UNLIMITED}), or pacing at the limit (10 Gbit/s by default), each also inside a
 * {@link ResilientTransport} (retry and circuit breaker at their defaults, the pacing per attempt as the
 * resilient transport's documentation composes it). Uploads and downloads have a bucket each.
 */
enum ThroughputStack {

    BARE("bare", false, false),
    PACED_UNLIMITED("pacing, limiting off", false, true),
    PACED_AT_LIMIT("pacing at the limit", false, true),
    RESILIENT("resilient", true, false),
    RESILIENT_PACED_UNLIMITED("resilient + pacing, limiting off", true, true),
    RESILIENT_PACED_AT_LIMIT("resilient + pacing at the limit", true, true);

    private final String label;
    private final boolean resilient;
    private final boolean paced;

    ThroughputStack(String label, boolean resilient, boolean paced) {
        this.label = label;
        this.resilient = resilient;
        this.paced = paced;
    }

    /** How the report names the stack. */
    String label() {
        return label;
    }

    /** The rate the stack paces at, given the run's {@code limit}; null when it does not pace. */
    DataRate pacing(DataRate limit) {
        if (!paced) {
            return null;
        }
        return this == PACED_UNLIMITED || this == RESILIENT_PACED_UNLIMITED ? DataRate.UNLIMITED : limit;
    }

    /**
     * {@code transport} inside this stack, pacing at {@code limit} with buckets of {@code burst} where the stack
     * does; closing it closes {@code transport}.
     */
    Transport around(Transport transport, String name, DataRate limit, DataSize burst) {
        DataRate rate = pacing(limit);
        Middleware pacing = rate == null ? null : PacingMiddleware.builder()
                .uploads(Pacer.of(LeakyBucket.builder().rate(rate).burst(burst).build()))
                .downloads(Pacer.of(LeakyBucket.builder().rate(rate).burst(burst).build()))
                .build();
        if (!resilient) {
            return pacing == null ? transport : pacing.around(transport);
        }
        ResilientTransport.Builder builder = ResilientTransport.builder().primary(name, transport);
        if (pacing != null) {
            builder.perAttempt(pacing);
        }
        return builder.build();
    }
}
