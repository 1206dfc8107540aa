package dev.sluice.moduletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.api.spi.RateLimiterProvider;
import dev.sluice.api.spi.RateLimiterSpec;
import dev.sluice.moduletests.plugin.LeakyBucketImpostor;
import dev.sluice.throttle.ProviderRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provider discovery as a class-path application sees it: through {@code META-INF/services}, the
 * registration JPMS ignores, so a module-path test cannot tell whether it is there. This module's test
 * sources add a third-party limiter, {@code "test-fixed"}, the way any application would.
 */
class ServiceLoaderClassPathTest {

    /** The OSS single-connection limit: 102,400 B/s, so 8 KiB take exactly 80 ms. */
    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final long EIGHTY_MILLIS = 80_000_000L;
    /** Virtual time that stands still: every wait below comes from the budget alone. */
    private static final Ticker FROZEN = () -> 7_000_000_000_000L;

    @Test
    void runsOnTheClassPath() {
        assertFalse(ProviderRegistry.class.getModule().isNamed(), "throttle-core was loaded as a named module");
    }

    @Test
    void serviceLoaderFindsTheLeakyBucketThroughItsServiceFile() {
        List<String> names = ServiceLoader.load(RateLimiterProvider.class).stream()
                .map(provider -> provider.get().name()).sorted().toList();

        assertEquals(List.of("bucket4j", "leaky-bucket", "test-fixed"), names);
    }

    @Test
    void registryMakesALeakyBucketThatPacesAtTheRequestedRate() {
        RateLimiter limiter = ProviderRegistry.load()
                .rateLimiter("leaky-bucket", RateLimiterSpec.of(OSS_LIMIT).withTicker(FROZEN));

        // The default burst of 16 KiB goes at once; the next 8 KiB wait their 80 ms.
        assertEquals(0, limiter.reserve(16_384));
        assertEquals(EIGHTY_MILLIS, limiter.reserve(8_192));
        assertEquals(OSS_LIMIT, limiter.rate());
    }

    @Test
    void anUnknownNameIsRefusedNamingTheProvidersSluiceShips() {
        ProviderRegistry registry = ProviderRegistry.load(sluiceOnly());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> registry.rateLimiter("leaky_bucket", RateLimiterSpec.of(OSS_LIMIT)));

        assertEquals("no RateLimiterProvider named \"leaky_bucket\"; available: bucket4j, leaky-bucket", refused.getMessage());
    }

    @Test
    void registryFindsAThirdPartyLimiterWithNoChangeToSluice() {
        ProviderRegistry registry = ProviderRegistry.load();

        RateLimiter limiter = registry.rateLimiter("test-fixed", RateLimiterSpec.of(OSS_LIMIT));

        assertEquals(List.of("bucket4j", "leaky-bucket", "test-fixed"), registry.rateLimiterNames());
        assertEquals(EIGHTY_MILLIS, limiter.reserve(8_192));
        assertEquals(EIGHTY_MILLIS, limiter.reserve(8_192), "test-fixed charges each reservation on its own");
    }

    @Test
    void anUnknownNameIsRefusedNamingTheThirdPartyLimiterToo() {
        ProviderRegistry registry = ProviderRegistry.load();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> registry.rateLimiter("test_fixed", RateLimiterSpec.of(OSS_LIMIT)));

        assertEquals("no RateLimiterProvider named \"test_fixed\"; available: bucket4j, leaky-bucket, test-fixed",
                refused.getMessage());
    }

    @Test
    void twoPluginsClaimingOneNameAreRefusedNamingBothClasses(@TempDir Path plugin) throws IOException {
        // A plugin jar, laid out as a directory, whose service file claims "leaky-bucket" again.
        Path services = Files.createDirectories(plugin.resolve("META-INF/services"));
        Files.writeString(services.resolve(RateLimiterProvider.class.getName()), LeakyBucketImpostor.class.getName() + "\n");

        try (URLClassLoader withImpostor = new URLClassLoader(new URL[] {plugin.toUri().toURL()}, sluiceOnly())) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> ProviderRegistry.load(withImpostor));

            assertEquals("two rate limiter providers are named \"leaky-bucket\": "
                    + "dev.sluice.throttle.internal.LeakyBucketProvider and " + LeakyBucketImpostor.class.getName(),
                    refused.getMessage());
        }
    }

    /**
     * A class loader that sees the class path but only the resources of Sluice's own modules: an
     * application with Sluice and no plugin, which this module's test resources (holding
     * {@code "test-fixed"}) would otherwise make impossible to show.
     */
    private static ClassLoader sluiceOnly() {
        List<String> sluice = Arrays.stream(SluiceModule.values()).map(module -> module.codeSource().toString()).toList();
        return new ClassLoader("sluice-only", ServiceLoaderClassPathTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> kept = new ArrayList<>();
                for (URL url : Collections.list(super.getResources(name))) {
                    String resource = url.toString();
                    if (sluice.stream().anyMatch(root -> resource.startsWith(root) || resource.startsWith("jar:" + root + "!/"))) {
                        kept.add(url);
                    }
                }
                return Collections.enumeration(kept);
            }
        };
    }
}
