package dev.sluice.transport.micronaut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Transport;
import dev.sluice.api.spi.TransportProvider;
import dev.sluice.throttle.ProviderRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider {@code "micronaut"}: found by name on the module path, its options read, a bad option refused by name. */
class MicronautTransportProviderTest {

    private final TransportProvider provider = ProviderRegistry.load().transport("micronaut");

    @Test
    void theRegistryFindsTheProviderNamedMicronautInTheNamedModule() {
        assertEquals("micronaut", provider.name());
        assertEquals("dev.sluice.transport.micronaut.internal.MicronautTransportProvider", provider.getClass().getName());
        assertTrue(provider.getClass().getModule().isNamed(), "the tests ran on the class path, not as the module");
    }

    @Test
    void makesATransportOnHttp11WithoutOptions() {
        try (Transport transport = provider.create(Map.of())) {
            MicronautTransport micronaut = assertInstanceOf(MicronautTransport.class, transport);
            assertTrue(micronaut.toString().startsWith("MicronautTransport[HTTP_1_1, connect timeout "), micronaut.toString());
        }
    }

    @Test
    void readsTheTimeoutsAsIsoDurationsOrMillisecondsAndTheHttpVersion() {
        try (Transport transport = provider.create(Map.of("connect-timeout", "PT2.5S", "read-timeout", "60000",
                "read-idle-timeout", "PT1M", "http-version", "HTTP_2"))) {
            assertEquals("MicronautTransport[HTTP_2_0, connect timeout PT2.5S, read timeout PT1M, read idle timeout PT1M]",
                    transport.toString());
        }
    }

    @Test
    void refusesAnUnknownOptionNamingTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("connectTimeout", "PT1S")));

        assertEquals("transport \"micronaut\" has no option \"connectTimeout\"; known options: [connect-timeout, http-version,"
                + " read-idle-timeout, read-timeout]", refused.getMessage());
    }

    @Test
    void refusesATimeoutThatIsNeitherADurationNorMilliseconds() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("connect-timeout", "5s")));

        assertEquals("connect-timeout \"5s\" is neither an ISO-8601 duration (PT5S) nor a whole number of milliseconds",
                refused.getMessage());
    }

    @Test
    void refusesAnHttpVersionItDoesNotKnow() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("http-version", "HTTP/2")));

        assertEquals("http-version \"HTTP/2\" is not one of HTTP_1_1, HTTP_2", refused.getMessage());
    }
}
