package dev.sluice.emulator.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.oss.TrafficLimit;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Pacer;
import java.util.Optional;

/**
 * {@code x-oss-traffic-limit} as OSS enforces it (reference section 2): header or query parameter, never
 * both (EC {@code 0004-00000501}); a decimal bit/s value within 819200..838860800 (else EC
 * {@code 0004-00000502}); one connection paced at that rate, here by a leaky bucket of its own per request.
 */
final class TrafficLimits {

    private final DataSize burst;

    TrafficLimits(DataSize burst) {
        this.burst = burst;
    }

    /** The pacer for this request's bodies, or empty when it asks for no limit; throws the OSS error for bad input. */
    Optional<Pacer> pacerFor(OssRequest request) {
        String header = request.header(TrafficLimit.NAME);
        Optional<String> query = request.query().get(TrafficLimit.NAME);
        if (header != null && query.isPresent()) {
            throw new OssError(400, "InvalidArgument", "x-oss-traffic-limit must be given as a header or a query parameter,"
                    + " not both", ErrorCodes.EC_TRAFFIC_LIMIT_TWICE);
        }
        String value = header != null ? header.trim() : query.orElse(null);
        if (value == null) {
            return Optional.empty();
        }
        DataRate rate = parse(value);
        LeakyBucket bucket = LeakyBucket.builder().rate(rate).burst(burst).build();
        return Optional.of(Pacer.of(bucket));
    }

    private static DataRate parse(String value) {
        long bits;
        try {
            bits = value.matches("[0-9]{1,18}") ? Long.parseLong(value) : -1;
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < TrafficLimit.MINIMUM.bitsPerSecond() || bits > TrafficLimit.MAXIMUM.bitsPerSecond()) {
            throw new OssError(400, "InvalidArgument", "x-oss-traffic-limit \"" + value + "\" must be a whole number of bit/s"
                    + " within " + TrafficLimit.MINIMUM.bitsPerSecond() + ".." + TrafficLimit.MAXIMUM.bitsPerSecond()
                    + " (100 KiB/s .. 100 MiB/s)", ErrorCodes.EC_TRAFFIC_LIMIT_VALUE);
        }
        return DataRate.ofBitsPerSecond(bits);
    }
}
