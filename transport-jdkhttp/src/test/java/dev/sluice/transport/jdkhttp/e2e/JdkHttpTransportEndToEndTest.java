package dev.sluice.transport.jdkhttp.e2e;

import dev.sluice.api.Transport;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import dev.sluice.transport.testkit.TransportEndToEndSuite;
import java.time.Duration;

/** The end-to-end suite on {@link JdkHttpTransport} with its defaults (HTTP/1.1, one connection per transfer). */
class JdkHttpTransportEndToEndTest extends TransportEndToEndSuite {

    JdkHttpTransportEndToEndTest() {
        super(new TransportFactory() {
            @Override
            public Transport create() {
                return JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).build();
            }

            @Override
            public Transport withRequestTimeout(Duration timeout) {
                return JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).requestTimeout(timeout)
                        .bodyIdleTimeout(timeout).build();
            }
        });
    }
}
