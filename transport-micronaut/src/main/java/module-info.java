/**
 * A {@link dev.sluice.api.Transport} on the Micronaut 4 Netty HTTP client, registered as the transport
 * provider {@code "micronaut"}; and, for Micronaut applications, a bean factory, the {@code sluice.*}
 * configuration and a client filter that paces bodies through a {@link dev.sluice.api.RateLimiter}.
 */
module dev.sluice.transport.micronaut {
    requires transitive dev.sluice.api; // Transport and its request/response types are our API
    requires transitive io.micronaut.micronaut_http_client_core; // the builder accepts an existing RawHttpClient
    requires transitive io.micronaut.micronaut_http; // HttpVersion in the builder
    requires io.micronaut.micronaut_http_client; // the Netty implementation, created without a context
    requires io.micronaut.micronaut_buffer_netty;
    requires io.netty.handler; // a body that stalls fails with Netty's own ReadTimeoutException
    // the client will not start without a JsonMapper, even for bytes; required so that it is resolved on the module path
    requires io.micronaut.micronaut_jackson_databind;
    requires io.micronaut.micronaut_core;
    requires io.micronaut.micronaut_inject; // @Factory, @ConfigurationProperties and the generated bean definitions
    requires io.micronaut.micronaut_context;
    requires io.micronaut.micronaut_core_reactive; // Publishers.map in the filter
    requires jakarta.inject;
    requires jakarta.annotation;
    requires org.reactivestreams;
    // Micronaut logs through SLF4J, a real module that its automatic modules cannot require: resolve it here
    requires org.slf4j;

    uses dev.sluice.api.spi.RateLimiterProvider; // sluice.limits.limiter names one

    exports dev.sluice.transport.micronaut;

    provides dev.sluice.api.spi.TransportProvider with dev.sluice.transport.micronaut.internal.MicronautTransportProvider;
}
