package dev.sluice.transport.micronaut.internal;

import dev.sluice.api.Transport;
import dev.sluice.api.spi.ProviderOptions;
import dev.sluice.api.spi.TransportProvider;
import dev.sluice.transport.micronaut.MicronautTransport;
import io.micronaut.http.HttpVersion;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The transport provider {@code "micronaut"}: a {@link MicronautTransport} on a client of its own, no
 * application context needed. Options: {@code connect-timeout}, {@code read-timeout} and
 * {@code read-idle-timeout} (an ISO-8601 duration such as {@code PT5S}, or whole milliseconds),
 * {@code http-version} ({@code HTTP_1_1} or {@code HTTP_2}).
 */
public final class MicronautTransportProvider implements TransportProvider {

    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String READ_TIMEOUT = "read-timeout";
    static final String READ_IDLE_TIMEOUT = "read-idle-timeout";
    static final String HTTP_VERSION = "http-version";
    private static final Set<String> KNOWN = Set.of(CONNECT_TIMEOUT, READ_TIMEOUT, READ_IDLE_TIMEOUT, HTTP_VERSION);

    /** Found by {@link java.util.ServiceLoader}. */
    public MicronautTransportProvider() {
    }

    @Override
    public String name() {
        return "micronaut";
    }

    /**
     * A new transport configured by {@code options}.
     *
     * @throws IllegalArgumentException naming the known options if one is unknown, or naming the value if
     *     it cannot be used
     */
    @Override
    public Transport create(Map<String, String> options) {
        if (options == null) {
            throw new IllegalArgumentException("options of transport \"micronaut\" must not be null (use Map.of())");
        }
        MicronautTransport.Builder builder = MicronautTransport.builder();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("transport \"micronaut\" has no option \"" + name + "\"; known options: "
                        + new TreeSet<>(KNOWN));
            }
            if (value == null) {
                throw new IllegalArgumentException("option \"" + name + "\" of transport \"micronaut\" must not be null");
            }
            switch (name) {
                case CONNECT_TIMEOUT -> builder.connectTimeout(ProviderOptions.duration(name, value));
                case READ_TIMEOUT -> builder.readTimeout(ProviderOptions.duration(name, value));
                case READ_IDLE_TIMEOUT -> builder.readIdleTimeout(ProviderOptions.duration(name, value));
                default -> builder.version(version(value));
            }
        }
        return builder.build();
    }

    /** {@code HTTP_1_1} or {@code HTTP_2} as Micronaut's version. */
    public static HttpVersion version(String value) {
        return switch (ProviderOptions.oneOf(HTTP_VERSION, value, "HTTP_1_1", "HTTP_2")) {
            case "HTTP_1_1" -> HttpVersion.HTTP_1_1;
            default -> HttpVersion.HTTP_2_0;
        };
    }

    @Override
    public String toString() {
        return "MicronautTransportProvider[micronaut]";
    }
}
