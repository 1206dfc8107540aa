package dev.sluice.cli.internal;

import dev.sluice.api.DataRate;
import dev.sluice.oss.TrafficLimit;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Turns a {@code --traffic-limit} rate into a {@link TrafficLimit}, refusing rates OSS would refuse. */
final class TrafficLimitOption {

    private TrafficLimitOption() {
    }

    /** The limit for {@code rate} (null: none). */
    static Optional<TrafficLimit> of(CommandSpec spec, DataRate rate) {
        if (rate == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TrafficLimit.of(rate));
        } catch (IllegalArgumentException outOfRange) {
            throw new ParameterException(spec.commandLine(), "--traffic-limit " + rate + ": " + outOfRange.getMessage());
        }
    }
}
