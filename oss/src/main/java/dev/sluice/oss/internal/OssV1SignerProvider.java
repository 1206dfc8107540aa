package dev.sluice.oss.internal;

import dev.sluice.api.Signer;
import dev.sluice.api.spi.SignerProvider;
import dev.sluice.oss.OssV1Signer;
import java.util.Map;
import java.util.Set;

/**
 * {@code "oss-v1"}: the {@link OssV1Signer}. V1 needs no configuration; {@code region} and
 * {@code product} are accepted and ignored so one option map can serve both OSS signers.
 */
public final class OssV1SignerProvider implements SignerProvider {

    /** The provider name. */
    public static final String NAME = "oss-v1";
    private static final Set<String> OPTIONS = Set.of("region", "product");

    /** For {@link java.util.ServiceLoader}. */
    public OssV1SignerProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The signer.
     *
     * @throws IllegalArgumentException if an option is unknown
     */
    @Override
    public Signer create(Map<String, String> options) {
        ProviderOptions.requireKnown(NAME, options, OPTIONS);
        return OssV1Signer.create();
    }
}
