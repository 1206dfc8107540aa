package dev.sluice.transport.micronaut;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.RawHttpClient;
import jakarta.inject.Singleton;

/**
 * The Sluice beans of a Micronaut application: the {@link SluiceLimits} read from {@code sluice.limits.*},
 * and a {@link MicronautTransport} on the application's own default {@link HttpClient}, so that the
 * application's client configuration ({@code micronaut.http.client.connect-timeout},
 * {@code read-idle-timeout}, ...) and its client filters, {@link PacingClientFilter} among them, apply to
 * what Sluice sends. The transport does not close that client: the context does.
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

    /** A transport on the application's default HTTP client. */
    @Singleton
    @Bean(preDestroy = "close")
    public MicronautTransport sluiceTransport(HttpClient client) {
        if (!(client instanceof RawHttpClient)) {
            throw new IllegalStateException("the application's HttpClient (" + client.getClass().getName()
                    + ") cannot send raw requests; MicronautTransport needs Micronaut's Netty client, 4.7 or later");
        }
        return MicronautTransport.builder().client((RawHttpClient) client).build();
    }
}
