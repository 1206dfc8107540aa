package dev.sluice.transport.jdkhttp.internal;

import dev.sluice.api.Transport;
import dev.sluice.api.spi.ProviderOptions;
import dev.sluice.api.spi.TransportProvider;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The transport provider {@code "jdk"}: a {@link JdkHttpTransport} on a client of its own. Options:
 * {@code connect-timeout}, {@code request-timeout} and {@code body-idle-timeout} (an ISO-8601 duration
 * such as {@code PT5S}, or whole milliseconds), {@code http-version} ({@code HTTP_1_1} or {@code HTTP_2}).
 */
public final class JdkHttpTransportProvider implements TransportProvider {

    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String REQUEST_TIMEOUT = "request-timeout";
    static final String BODY_IDLE_TIMEOUT = "body-idle-timeout";
    static final String HTTP_VERSION = "http-version";
    private static final Set<String> KNOWN = Set.of(CONNECT_TIMEOUT, REQUEST_TIMEOUT, BODY_IDLE_TIMEOUT, HTTP_VERSION);

    /** Found by {@link java.util.ServiceLoader}. */
    public JdkHttpTransportProvider() {
    }

    @Override
    public String name() {
        return "jdk";
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
            throw new IllegalArgumentException("options of transport \"jdk\" must not be null (use Map.of())");
        }
        JdkHttpTransport.Builder builder = JdkHttpTransport.builder();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("transport \"jdk\" has no option \"" + name + "\"; known options: "
                        + new TreeSet<>(KNOWN));
            }
            if (value == null) {
                throw new IllegalArgumentException("option \"" + name + "\" of transport \"jdk\" must not be null");
            }
            switch (name) {
                case CONNECT_TIMEOUT -> builder.connectTimeout(ProviderOptions.duration(name, value));
                case REQUEST_TIMEOUT -> builder.requestTimeout(ProviderOptions.duration(name, value));
                case BODY_IDLE_TIMEOUT -> builder.bodyIdleTimeout(ProviderOptions.duration(name, value));
                default -> builder.version(version(value));
            }
        }
        return builder.build();
    }

    static HttpClient.Version version(String value) {
        return switch (ProviderOptions.oneOf(HTTP_VERSION, value, "HTTP_1_1", "HTTP_2")) {
            case "HTTP_1_1" -> HttpClient.Version.HTTP_1_1;
            default -> HttpClient.Version.HTTP_2;
        };
    }

    @Override
    public String toString() {
        return "JdkHttpTransportProvider[jdk]";
    }
}
