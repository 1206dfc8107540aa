package dev.sluice.oss.internal;

import dev.sluice.api.Signer;
import dev.sluice.api.spi.SignerProvider;
import dev.sluice.oss.OssV4Signer;
import java.util.Map;
import java.util.Set;

/**
 * {@code "oss-v4"}: an {@link OssV4Signer}. Options: {@code region} (required, e.g. {@code cn-hangzhou}),
 * {@code product} (default {@code oss}), {@code additional-headers} (comma-separated header names).
 */
public final class OssV4SignerProvider implements SignerProvider {

    /** The provider name. */
    public static final String NAME = "oss-v4";
    private static final Set<String> OPTIONS = Set.of("region", "product", "additional-headers");

    /** For {@link java.util.ServiceLoader}. */
    public OssV4SignerProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The signer.
     *
     * @throws IllegalArgumentException if {@code region} is missing, an option is unknown or a value is invalid
     */
    @Override
    public Signer create(Map<String, String> options) {
        ProviderOptions.requireKnown(NAME, options, OPTIONS);
        String region = options.get("region");
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("signer \"" + NAME + "\" requires the option \"region\""
                    + " (the bucket's OSS region id, e.g. cn-hangzhou)");
        }
        OssV4Signer.Builder builder = OssV4Signer.builder().region(region.trim());
        if (options.containsKey("product")) {
            builder.product(options.get("product").trim());
        }
        if (options.containsKey("additional-headers")) {
            builder.additionalHeaders(options.get("additional-headers").trim().split("\\s*,\\s*"));
        }
        return builder.build();
    }
}
