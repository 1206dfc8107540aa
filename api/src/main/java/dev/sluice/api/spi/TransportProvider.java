package dev.sluice.api.spi;

import dev.sluice.api.Transport;
import java.util.Map;

/**
 * Makes {@link Transport}s of one kind ({@code "jdk"}, {@code "micronaut"}), found by
 * {@link java.util.ServiceLoader}.
 */
public interface TransportProvider {

    /** The name applications choose this kind by. */
    String name();

    /** A new transport configured by provider-specific {@code options}. */
    Transport create(Map<String, String> options);
}
