package dev.sluice.transport.micronaut;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The Sluice beans of a Micronaut application: the {@link SluiceLimits} read from {@code sluice.limits.*},
 * and a {@link MicronautTransport} on a client of its own configured by {@code sluice.transport.*}, closed
 * with the context.
 *
 * <p>Why a client of its own rather than the application's {@code HttpClient}: Micronaut counts
 * {@code read-timeout} (10 seconds by default) from the start of a request, so a paced upload longer than
 * that would fail; this client has no read timeout unless {@code sluice.transport.read-timeout} sets one.
 * The price is that the application's client filters, {@link PacingClientFilter} among them, do not see
 * the transport's requests (Micronaut would not let a filter replace a raw request's body anyway): pace
 * the transport as any other, with a {@code Middleware} such as throttle-core's {@code PacingMiddleware}
 * over {@link SluiceLimits#forUploads()} and {@link SluiceLimits#forDownloads()}.
 */
@Factory
public class SluiceFactory {

    /** Made by Micronaut. */
    public SluiceFactory() {
    }

    /** The limiters {@code sluice.limits.*} ask for. */
    @Singleton
    public SluiceLimits sluiceLimits(SluiceLimitsProperties properties) {
        return SluiceLimits.from(properties);
    }

    /** A transport on a client of its own, configured by {@code sluice.transport.*}. */
    @Singleton
    @Bean(preDestroy = "close")
    public MicronautTransport sluiceTransport(SluiceTransportProperties properties) {
        return properties.builder().build();
    }
}
