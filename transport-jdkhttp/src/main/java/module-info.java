/**
 * A {@link dev.sluice.api.Transport} on {@link java.net.http.HttpClient}: request and response bodies
 * stream with demand honoured both ways, so a paced body is never read ahead of its pacing. Registered as
 * the transport provider {@code "jdk"}.
 */
module dev.sluice.transport.jdkhttp {
    requires transitive dev.sluice.api; // Transport and its request/response types are our API
    requires transitive java.net.http; // the builder accepts an existing HttpClient

    exports dev.sluice.transport.jdkhttp;

    provides dev.sluice.api.spi.TransportProvider with dev.sluice.transport.jdkhttp.internal.JdkHttpTransportProvider;
}
