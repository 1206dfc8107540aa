package dev.sluice.transport.micronaut;

import dev.sluice.api.spi.ProviderOptions;
import dev.sluice.transport.micronaut.internal.MicronautTransportProvider;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code sluice.transport.*} keys of a Micronaut application, for the client of the
 * {@link MicronautTransport} bean; each optional, durations as ISO-8601 ({@code PT5S}) or whole milliseconds,
 * as the provider {@code "micronaut"} reads them.
 * <ul>
 * <li>{@code sluice.transport.connect-timeout}: how long a connection may take to establish;</li>
 * <li>{@code sluice.transport.read-timeout}: how long a whole exchange may take; unset by default, since
 * Micronaut counts it from the start of the request and a paced upload is slow by design;</li>
 * <li>{@code sluice.transport.read-idle-timeout}: how long a connection may read nothing;</li>
 * <li>{@code sluice.transport.http-version}: {@code HTTP_1_1} (the default) or {@code HTTP_2}.</li>
 * </ul>
 * A value that cannot be used is refused when the bean is made, with a message naming the key.
 */
@ConfigurationProperties("sluice.transport")
public class SluiceTransportProperties {

    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration readIdleTimeout;
    private String httpVersion;

    /** Bound by Micronaut. */
    public SluiceTransportProperties() {
    }

    /** {@code sluice.transport.connect-timeout}. @throws IllegalArgumentException naming the key if it is not a positive duration */
    public void setConnectTimeout(String value) {
        this.connectTimeout = duration("connect-timeout", value);
    }

    /** {@code sluice.transport.read-timeout}. @throws IllegalArgumentException naming the key if it is not a positive duration */
    public void setReadTimeout(String value) {
        this.readTimeout = duration("read-timeout", value);
    }

    /** {@code sluice.transport.read-idle-timeout}. @throws IllegalArgumentException naming the key if it is not a positive duration */
    public void setReadIdleTimeout(String value) {
        this.readIdleTimeout = duration("read-idle-timeout", value);
    }

    /** {@code sluice.transport.http-version}. @throws IllegalArgumentException naming the key if it is neither version */
    public void setHttpVersion(String value) {
        try {
            MicronautTransportProvider.version(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sluice.transport." + e.getMessage(), e);
        }
        this.httpVersion = value.trim();
    }

    /** The connect timeout, if set. */
    public Optional<Duration> connectTimeout() {
        return Optional.ofNullable(connectTimeout);
    }

    /** The read timeout, if set. */
    public Optional<Duration> readTimeout() {
        return Optional.ofNullable(readTimeout);
    }

    /** The read idle timeout, if set. */
    public Optional<Duration> readIdleTimeout() {
        return Optional.ofNullable(readIdleTimeout);
    }

    /** A builder with these settings. */
    public MicronautTransport.Builder builder() {
        MicronautTransport.Builder builder = MicronautTransport.builder();
        connectTimeout().ifPresent(builder::connectTimeout);
        readTimeout().ifPresent(builder::readTimeout);
        readIdleTimeout().ifPresent(builder::readIdleTimeout);
        if (httpVersion != null) {
            builder.version(MicronautTransportProvider.version(httpVersion));
        }
        return builder;
    }

    private static Duration duration(String key, String value) {
        try {
            return ProviderOptions.duration(key, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sluice.transport." + e.getMessage(), e);
        }
    }
}
