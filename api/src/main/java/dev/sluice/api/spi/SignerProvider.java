package dev.sluice.api.spi;

import dev.sluice.api.Signer;
import java.util.Map;

/**
 * Makes {@link Signer}s of one kind ({@code "oss-v4"}, {@code "oss-v1"}), found by
 * {@link java.util.ServiceLoader}.
 */
public interface SignerProvider {

    /** The name applications choose this kind by. */
    String name();

    /** A new signer configured by provider-specific {@code options} (for example {@code region}). */
    Signer create(Map<String, String> options);
}
