package dev.sluice.cli.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.spi.RateLimiterProvider;
import dev.sluice.api.spi.TransportProvider;
import dev.sluice.oss.TrafficLimit;
import dev.sluice.throttle.ProviderRegistry;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sluice demo}: checks the options, then hands them to a {@link DemoRun}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Starts an OSS emulator on 127.0.0.1, uploads a generated file paced on the client and by"
                    + " x-oss-traffic-limit, downloads it back the same way, checks CRC-64 and reports the rate"
                    + " measured at the receiver against the target.",
            ""},
        footerHeading = "%nMeasurement:%n",
        footer = {
            "  measured = (bytes - bytes_at_t0) / (t_last - t0), where t0 is the first byte the receiver"
                    + " sees and bytes_at_t0 the bytes that arrived within half the time of an 8 KiB chunk at the"
                    + " target rate of t0 (40 ms at 100 KiB/s): the burst, which the limiter sends without waiting.",
            "  Upload: the receiver is the emulator; t0 is when the first chunk goes onto the loopback"
                    + " connection, t_last when the emulator's answer arrives (it answers after the last byte).",
            "  Download: the receiver is the client; t0 and t_last are the first and last bytes it is handed.",
            "  error = (measured - target) / target x 100 %%.",
            "  A 1 KiB round trip before the measured transfers warms up the connection; it is not measured.",
            "",
            "Exit codes: 0 ok, 1 transfer or CRC-64 failure, 2 bad usage."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "1MiB",
            description = "Size of the generated file, e.g. 1MiB, 64KiB (default: ${DEFAULT-VALUE}).")
    private DataSize size;

    @Option(names = "--rate", paramLabel = "RATE", defaultValue = "100KiB/s",
            description = "Target rate of both transfers, e.g. 100KiB/s, 819200bit/s, 8Mbit/s"
                    + " (default: ${DEFAULT-VALUE}); also sent as x-oss-traffic-limit, which OSS accepts from"
                    + " 819200 to 838860800 bit/s.")
    private DataRate rate;

    @Option(names = "--transport", paramLabel = "NAME", defaultValue = "jdk",
            description = "HTTP transport, by provider name (default: ${DEFAULT-VALUE}).")
    private String transport;

    @Option(names = "--limiter", paramLabel = "NAME", defaultValue = "leaky-bucket",
            description = "Client-side rate limiter, by provider name: leaky-bucket or bucket4j"
                    + " (default: ${DEFAULT-VALUE}).")
    private String limiter;

    @Option(names = "--no-traffic-limit",
            description = "Do not send x-oss-traffic-limit: pace on the client only (any rate is then allowed).")
    private boolean noTrafficLimit;

    /** Made by picocli. */
    DemoCommand() {
    }

    @Override
    public Integer call() throws Exception {
        ProviderRegistry registry = ProviderRegistry.load(DemoCommand.class.getClassLoader());
        DemoSettings settings = new DemoSettings(checkedSize(), rate, trafficLimit(), limiter(registry),
                transport(registry));
        return new DemoRun(settings, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }

    private DataSize checkedSize() {
        if (size.bytes() < 1) {
            throw usage("--size " + size + " is too small: the demo needs at least 1 B");
        }
        return size;
    }

    private Optional<TrafficLimit> trafficLimit() {
        if (rate.isUnlimited()) {
            throw usage("--rate unlimited cannot be measured against: give a rate such as 100KiB/s");
        }
        if (noTrafficLimit) {
            return Optional.empty();
        }
        try {
            return Optional.of(TrafficLimit.of(rate));
        } catch (IllegalArgumentException outOfRange) {
            throw usage("--rate " + rate + ": " + outOfRange.getMessage()
                    + "; add --no-traffic-limit to pace on the client only");
        }
    }

    private RateLimiterProvider limiter(ProviderRegistry registry) {
        return registry.findRateLimiter(limiter).orElseThrow(() -> usage("--limiter \"" + limiter
                + "\" is not available: known limiters: " + String.join(", ", registry.rateLimiterNames())));
    }

    private TransportProvider transport(ProviderRegistry registry) {
        return registry.findTransport(transport).orElseThrow(() -> usage("--transport \"" + transport
                + "\" is not available: known transports: " + String.join(", ", registry.transportNames())));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
