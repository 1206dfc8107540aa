package dev.sluice.transport.micronaut.e2e;

import dev.sluice.api.Transport;
import dev.sluice.transport.micronaut.MicronautTransport;
import dev.sluice.transport.testkit.TransportEndToEndSuite;
import java.time.Duration;

/**
 * The shared end-to-end suite (the same cases the JDK transport and the combined transport pass) on
 * {@link MicronautTransport} with its defaults. A request timeout is a read-idle timeout here: Micronaut's
 * read timeout counts from the start of the request and would cut a paced transfer.
 */
class MicronautTransportEndToEndSuiteTest extends TransportEndToEndSuite {

    MicronautTransportEndToEndSuiteTest() {
        super(new TransportFactory() {
            @Override
            public Transport create() {
                return MicronautTransport.builder().connectTimeout(Duration.ofSeconds(5)).build();
            }

            @Override
            public Transport withRequestTimeout(Duration timeout) {
                return MicronautTransport.builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(timeout).readIdleTimeout(timeout).build();
            }
        });
    }
}
