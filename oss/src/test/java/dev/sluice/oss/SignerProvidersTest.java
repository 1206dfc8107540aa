package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Signer;
import dev.sluice.api.spi.SignerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignerProvidersTest {

    private static final Map<String, SignerProvider> PROVIDERS = new TreeMap<>();

    @BeforeAll
    static void loadProviders() {
        // the test runs inside dev.sluice.oss, which provides but does not itself use the service
        SignerProvidersTest.class.getModule().addUses(SignerProvider.class);
        ServiceLoader.load(SignerProvider.class).forEach(p -> PROVIDERS.put(p.name(), p));
    }

    @Test
    void serviceLoaderFindsOssV4AndOssV1() {
        assertTrue(PROVIDERS.keySet().containsAll(java.util.List.of("oss-v1", "oss-v4")), PROVIDERS.keySet().toString());
    }

    @Test
    void classPathServiceFileNamesBothProviders() throws IOException {
        try (InputStream in = SignerProvidersTest.class.getModule()
                .getResourceAsStream("META-INF/services/dev.sluice.api.spi.SignerProvider")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("dev.sluice.oss.internal.OssV4SignerProvider\ndev.sluice.oss.internal.OssV1SignerProvider\n", text);
        }
    }

    @Test
    void ossV4ProviderBuildsASignerFromRegionProductAndAdditionalHeaders() {
        Signer signer = PROVIDERS.get("oss-v4").create(Map.of("region", "cn-shanghai", "product", "oss",
                "additional-headers", "Host, x-custom"));
        assertEquals("OssV4Signer[region=cn-shanghai, product=oss, additionalHeaders=[host, x-custom]]", signer.toString());
    }

    @Test
    void ossV4ProviderWithoutRegionNamesTheMissingOption() {
        assertEquals("signer \"oss-v4\" requires the option \"region\" (the bucket's OSS region id, e.g. cn-hangzhou)",
                assertThrows(IllegalArgumentException.class, () -> PROVIDERS.get("oss-v4").create(Map.of())).getMessage());
    }

    @Test
    void unknownOptionsAreRefusedWithTheKnownOnes() {
        assertEquals("signer \"oss-v4\" has no option \"regoin\"; known options: [additional-headers, product, region]",
                assertThrows(IllegalArgumentException.class,
                        () -> PROVIDERS.get("oss-v4").create(Map.of("regoin", "cn-hangzhou"))).getMessage());
        assertEquals("signer \"oss-v1\" has no option \"secret\"; known options: [product, region]",
                assertThrows(IllegalArgumentException.class,
                        () -> PROVIDERS.get("oss-v1").create(Map.of("secret", "x"))).getMessage());
    }

    @Test
    void ossV1ProviderAcceptsTheSharedRegionOption() {
        assertEquals("OssV1Signer", PROVIDERS.get("oss-v1").create(Map.of("region", "cn-hangzhou")).toString());
    }
}
