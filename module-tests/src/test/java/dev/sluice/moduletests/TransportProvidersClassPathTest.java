package dev.sluice.moduletests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Transport;
import dev.sluice.api.spi.TransportProvider;
import dev.sluice.throttle.ProviderRegistry;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Transport providers as a class-path application finds them: through {@code META-INF/services}, which
 * JPMS ignores, so only a class-path test can tell that the registration is there.
 */
class TransportProvidersClassPathTest {

    @Test
    void runsOnTheClassPath() {
        assertFalse(JdkHttpTransport.class.getModule().isNamed(), "transport-jdkhttp was loaded as a named module");
    }

    @Test
    void serviceLoaderFindsTheJdkTransportThroughItsServiceFile() {
        assertTrue(ServiceLoader.load(TransportProvider.class).stream()
                .anyMatch(provider -> provider.get().name().equals("jdk")));
    }

    @Test
    void theRegistryMakesAJdkTransportByName() {
        ProviderRegistry registry = ProviderRegistry.load();

        try (Transport transport = registry.transport("jdk").create(Map.of("connect-timeout", "PT5S"))) {
            assertInstanceOf(JdkHttpTransport.class, transport);
        }
        assertTrue(registry.transportNames().contains("jdk"), registry.transportNames()::toString);
    }
}
