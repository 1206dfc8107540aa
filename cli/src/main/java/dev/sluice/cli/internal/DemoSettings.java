package dev.sluice.cli.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.spi.RateLimiterProvider;
import dev.sluice.api.spi.TransportProvider;
import dev.sluice.oss.TrafficLimit;
import java.util.Optional;

/**
 * What {@code sluice demo} was asked to do, checked.
 *
 * @param size the size of the generated file
 * @param rate the target rate of each direction
 * @param trafficLimit the {@code x-oss-traffic-limit} to send, if any
 * @param limiter makes the client-side limiter of each direction
 * @param transport makes the HTTP transport
 */
record DemoSettings(DataSize size, DataRate rate, Optional<TrafficLimit> trafficLimit, RateLimiterProvider limiter,
        TransportProvider transport) {
}
