package dev.sluice.jmh;

import dev.sluice.api.Transport;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import dev.sluice.transport.micronaut.MicronautTransport;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The transports {@link TransportThroughputMain} measures, each bare and inside the stacks of
 * {@link ThroughputStack}. A transport module joins with one constant here (and its artifact in
 * {@code jmh/pom.xml}).
 */
enum ThroughputTransport {

    JDK("jdk", () -> JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).build()),
    MICRONAUT("micronaut", () -> MicronautTransport.builder().connectTimeout(Duration.ofSeconds(5)).build());

    private final String id;
    private final Supplier<Transport> factory;

    ThroughputTransport(String id, Supplier<Transport> factory) {
        this.id = id;
        this.factory = factory;
    }

    /** The name on the command line and in the report. */
    String id() {
        return id;
    }

    /** A new transport with its defaults; the caller closes it. */
    Transport create() {
        return factory.get();
    }

    /** The transport named {@code id}; the refusal lists the ids allowed. */
    static ThroughputTransport byId(String id) {
        for (ThroughputTransport transport : values()) {
            if (transport.id.equals(id)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("unknown transport \"" + id + "\"; allowed: " + allIds());
    }

    /** Every id, comma-separated. */
    static String allIds() {
        return Arrays.stream(values()).map(ThroughputTransport::id).collect(Collectors.joining(","));
    }
}
