package dev.sluice.transport.jdkhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Transport;
import dev.sluice.api.spi.TransportProvider;
import dev.sluice.throttle.ProviderRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The provider {@code "jdk"}: found by name, its options read, a misspelt or bad option refused by name. */
class JdkHttpTransportProviderTest {

    private final TransportProvider provider = ProviderRegistry.load().transport("jdk");

    @Test
    void theRegistryFindsTheProviderNamedJdk() {
        assertEquals("jdk", provider.name());
        assertEquals("dev.sluice.transport.jdkhttp.internal.JdkHttpTransportProvider", provider.getClass().getName());
    }

    @Test
    void makesATransportOnHttp11WithoutOptions() {
        try (Transport transport = provider.create(Map.of())) {
            JdkHttpTransport jdk = assertInstanceOf(JdkHttpTransport.class, transport);
            assertEquals(HttpClient.Version.HTTP_1_1, jdk.client().version());
            assertEquals(Optional.empty(), jdk.client().connectTimeout());
        }
    }

    @Test
    void readsTheConnectTimeoutAsAnIsoDurationOrMillisecondsAndTheHttpVersion() {
        try (JdkHttpTransport iso = (JdkHttpTransport) provider.create(Map.of("connect-timeout", "PT2.5S", "http-version", "HTTP_2"));
             JdkHttpTransport millis = (JdkHttpTransport) provider.create(Map.of("connect-timeout", "1500"))) {
            assertEquals(Optional.of(Duration.ofMillis(2500)), iso.client().connectTimeout());
            assertEquals(HttpClient.Version.HTTP_2, iso.client().version());
            assertEquals(Optional.of(Duration.ofMillis(1500)), millis.client().connectTimeout());
        }
    }

    @Test
    void refusesAnUnknownOptionNamingTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("connectTimeout", "PT1S")));

        assertEquals("transport \"jdk\" has no option \"connectTimeout\"; known options: [body-idle-timeout, connect-timeout,"
                + " http-version, request-timeout]", refused.getMessage());
    }

    @Test
    void takesABodyIdleTimeoutAndRefusesOneOfZero() {
        try (Transport transport = provider.create(Map.of("body-idle-timeout", "PT30S"))) {
            assertInstanceOf(JdkHttpTransport.class, transport);
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("body-idle-timeout", "0")));

        assertEquals("body-idle-timeout \"0\" must be a positive duration, at least 1 ms", refused.getMessage());
    }

    @Test
    void refusesATimeoutThatIsNeitherADurationNorMilliseconds() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("connect-timeout", "5s")));

        assertEquals("connect-timeout \"5s\" is neither an ISO-8601 duration (PT5S) nor a whole number of milliseconds",
                refused.getMessage());
    }

    @Test
    void refusesATimeoutOfZero() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("request-timeout", "0")));

        assertEquals("request-timeout \"0\" must be a positive duration, at least 1 ms", refused.getMessage());
    }

    @Test
    void refusesAnHttpVersionItDoesNotKnow() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("http-version", "HTTP/2")));

        assertEquals("http-version \"HTTP/2\" is not one of HTTP_1_1, HTTP_2", refused.getMessage());
    }
}
