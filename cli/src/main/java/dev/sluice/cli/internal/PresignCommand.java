package dev.sluice.cli.internal;

import dev.sluice.api.DataRate;
import dev.sluice.oss.OssClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice presign oss://bucket/key}: a presigned URL, with the traffic limit signed into it. */
@Command(name = "presign", mixinStandardHelpOptions = true,
        description = "Prints a presigned URL for an object; with --traffic-limit the URL carries the limit as the"
                + " signed x-oss-traffic-limit query parameter. Credentials come from OSS_ACCESS_KEY_ID and"
                + " OSS_ACCESS_KEY_SECRET.",
        footer = {"", "Exit codes: 0 ok, 2 bad usage."})
final class PresignCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private SluiceCommand parent;

    @Mixin
    private OssOptions oss;

    @Parameters(index = "0", paramLabel = "oss://BUCKET/KEY", description = "The object.")
    private String object;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "GET",
            description = "GET (download) or PUT (upload) (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--expires", paramLabel = "SECONDS", defaultValue = "3600",
            description = "Validity in seconds, 1..604800 (default: ${DEFAULT-VALUE}).")
    private long expires;

    @Option(names = "--traffic-limit", paramLabel = "RATE",
            description = "The x-oss-traffic-limit to sign into the URL, 819200..838860800 bit/s.")
    private DataRate trafficLimit;

    /** Made by picocli. */
    PresignCommand() {
    }

    @Override
    public Integer call() {
        String verb = method.toUpperCase(Locale.ROOT);
        if (!verb.equals("GET") && !verb.equals("PUT")) {
            throw new ParameterException(spec.commandLine(), "--method " + method + " is not presignable here: use GET or PUT");
        }
        if (expires < 1 || expires > 604_800) {
            throw new ParameterException(spec.commandLine(), "--expires " + expires + " s is outside 1..604800 s (7 days)");
        }
        OssLocation location;
        try {
            location = OssLocation.parse(object).orElseThrow(() -> new IllegalArgumentException("\"" + object
                    + "\" is not an object: write oss://bucket/key"));
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), refused.getMessage());
        }
        if (location.key().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "\"" + object + "\" names no object: write oss://bucket/key");
        }
        try (OssClient client = oss.client(spec, parent.environment(), Optional.empty()).build()) {
            spec.commandLine().getOut().println(client.presign(verb, location.bucket(), location.key(),
                    Duration.ofSeconds(expires), TrafficLimitOption.of(spec, trafficLimit).orElse(null)));
            spec.commandLine().getOut().flush();
        }
        return ExitCode.OK;
    }
}
