package dev.sluice.cli.internal;

import dev.sluice.api.Credentials;
import dev.sluice.api.Middleware;
import dev.sluice.api.Transport;
import dev.sluice.api.spi.TransportProvider;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.OssClientBuilder;
import dev.sluice.qos.QosAdminClient;
import dev.sluice.qos.QosAdminClientBuilder;
import dev.sluice.throttle.ProviderRegistry;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where OSS is and who signs, for {@code cp}, {@code presign} and every {@code qos} subcommand:
 * {@code --endpoint}, {@code --region}, {@code --transport}, and the key pair from {@code OSS_ACCESS_KEY_ID} /
 * {@code OSS_ACCESS_KEY_SECRET} (optionally {@code OSS_SESSION_TOKEN}), which is never printed.
 */
final class OssOptions {

    static final String KEY_ID = "OSS_ACCESS_KEY_ID";
    static final String KEY_SECRET = "OSS_ACCESS_KEY_SECRET";
    static final String SESSION_TOKEN = "OSS_SESSION_TOKEN";

    private static final Pattern OSS_HOST = Pattern.compile("(?:[a-z0-9-]+\\.)?oss-([a-z0-9-]+?)(?:-internal)?\\.aliyuncs\\.com");

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "OSS endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com (default: from --region).")
    private URI endpoint;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region, e.g. cn-hangzhou (default: from an aliyuncs.com --endpoint).")
    private String region;

    @Option(names = "--transport", paramLabel = "NAME", defaultValue = "jdk",
            description = "HTTP transport, by provider name (default: ${DEFAULT-VALUE}).")
    private String transport;

    /** Made by picocli. */
    OssOptions() {
    }

    /** A client for these options, its transport wrapped in {@code middleware}; refuses bad usage first. */
    OssClientBuilder client(CommandSpec spec, Map<String, String> environment, Optional<Middleware> middleware) {
        Credentials credentials = credentials(spec, environment);
        String checkedRegion = region(spec);
        URI checkedEndpoint = endpoint(checkedRegion);
        TransportProvider provider = transport(spec);
        try {
            OssClientBuilder builder = OssClient.builder().endpoint(checkedEndpoint).region(checkedRegion)
                    .credentials(credentials);
            Transport http = provider.create(Map.of());
            return builder.transport(middleware.map(m -> m.around(http)).orElse(http));
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), "--endpoint " + endpoint + ": " + refused.getMessage());
        }
    }

    /** A QoS admin client builder for these options (endpoint, region, credentials, transport); refuses bad usage first. */
    QosAdminClientBuilder qosClient(CommandSpec spec, Map<String, String> environment) {
        Credentials credentials = credentials(spec, environment);
        String checkedRegion = region(spec);
        URI checkedEndpoint = endpoint(checkedRegion);
        TransportProvider provider = transport(spec);
        try {
            return QosAdminClient.builder().endpoint(checkedEndpoint).region(checkedRegion).credentials(credentials)
                    .transport(provider.create(Map.of()));
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), "--endpoint " + endpoint + ": " + refused.getMessage());
        }
    }

    private URI endpoint(String checkedRegion) {
        return endpoint == null ? URI.create("https://oss-" + checkedRegion + ".aliyuncs.com") : endpoint;
    }

    private TransportProvider transport(CommandSpec spec) {
        ProviderRegistry registry = ProviderRegistry.load(OssOptions.class.getClassLoader());
        return registry.findTransport(transport).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--transport \"" + transport + "\" is not available: known transports: "
                        + String.join(", ", registry.transportNames())));
    }

    private String region(CommandSpec spec) {
        if (region != null) {
            return region;
        }
        if (endpoint != null && endpoint.getHost() != null) {
            Matcher host = OSS_HOST.matcher(endpoint.getHost());
            if (host.matches()) {
                return host.group(1);
            }
        }
        throw new ParameterException(spec.commandLine(), endpoint == null
                ? "missing --region (e.g. cn-hangzhou) or --endpoint: where is OSS?"
                : "missing --region: it cannot be read from --endpoint " + endpoint + "; give it, e.g. --region cn-hangzhou");
    }

    private static Credentials credentials(CommandSpec spec, Map<String, String> environment) {
        String id = environment.get(KEY_ID);
        String secret = environment.get(KEY_SECRET);
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            throw new ParameterException(spec.commandLine(), "missing credentials: set " + KEY_ID + " and " + KEY_SECRET
                    + " in the environment");
        }
        String token = environment.get(SESSION_TOKEN);
        return token == null || token.isBlank() ? Credentials.of(id, secret) : Credentials.of(id, secret, token);
    }
}
