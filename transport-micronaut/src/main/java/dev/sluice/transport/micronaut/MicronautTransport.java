package dev.sluice.transport.micronaut;

import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.api.spi.EmptyRequestBodies;
import dev.sluice.transport.micronaut.internal.Exchange;
import io.micronaut.buffer.netty.NettyByteBufferFactory;
import io.micronaut.http.HttpVersion;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpVersionSelection;
import io.micronaut.http.client.RawHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Transport} on the Micronaut 4 Netty HTTP client, streaming both ways with demand honoured, usable
 * with or without a Micronaut application context.
 *
 * <p><b>Which client API.</b> It sends through {@link RawHttpClient#exchange}, the raw side of the same
 * {@code DefaultHttpClient} that is Micronaut's {@code StreamingHttpClient}: request and response bodies are
 * {@code ByteBody}s, and every status comes back as a response. ({@code StreamingHttpClient.exchangeStream}
 * would turn a 404 into an {@code HttpClientResponseException}, and the OSS client must read the error XML.)
 *
 * <p><b>Uploads.</b> The request body's publisher becomes a streaming byte body of the body's length, so the
 * client sends {@code Content-Length} (chunked when the length is unknown, no body when it is 0) and pulls
 * the publisher as it writes; each buffer is copied once into the client's buffers, never the whole body.
 *
 * <p><b>Downloads.</b> The response completes when its head has arrived; its body is a streaming
 * {@link dev.sluice.api.Body} with the {@code Content-Length} if the server sent one (0 for {@code HEAD}, 204
 * and 304). Each buffer the client read is copied out of Netty's pooled memory and released at once, and
 * published only on demand; cancelling the subscription closes the response and its connection. The body
 * must be consumed or cancelled, or its connection stays taken.
 *
 * <p><b>Headers.</b> {@code Content-Length} comes from the body (a header contradicting a known length is
 * refused); {@code Connection}, {@code Keep-Alive}, {@code Proxy-Connection}, {@code Transfer-Encoding} and
 * {@code Upgrade} are the client's. Unlike the JDK client, a {@code Host} header is sent as given, so
 * virtual-hosted-style requests to an IP address work.
 *
 * <p><b>Errors.</b> The future fails with an {@link IOException} naming the method and the URI without its
 * query: {@link java.net.ConnectException} when no connection could be made,
 * {@link java.net.SocketTimeoutException} for the read timeouts, a plain IOException otherwise, with the
 * client's exception as the cause. A request the client cannot express fails it with an
 * {@link IllegalArgumentException} before anything is sent.
 *
 * <pre>{@code
 * try (MicronautTransport http = MicronautTransport.builder().connectTimeout(Duration.ofSeconds(5)).build()) {
 *     Response response = http.send(Request.of("GET", URI.create("http://127.0.0.1:9000/bucket/key"))).join();
 * }
 * }</pre>
 */
public final class MicronautTransport implements Transport {

    /** Where request bodies become the Netty buffers the client writes. */
    private static final ByteBodyFactory BODIES = ByteBodyFactory.createDefault(NettyByteBufferFactory.DEFAULT);

    private final RawHttpClient client;
    private final boolean ownsClient;
    private final String settings;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MicronautTransport(RawHttpClient client, boolean ownsClient, String settings) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.settings = settings;
    }

    /** A transport on a new client with the defaults of {@link Builder}. */
    public static MicronautTransport create() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The client requests go through. */
    public RawHttpClient client() {
        return client;
    }

    /**
     * Sends {@code request}; see the class comment for how bodies, headers and errors are treated.
     * Cancelling the returned future before the response head has arrived aborts the exchange.
     */
    @Override
    public CompletableFuture<Response> send(Request request) {
        if (request == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("request must not be null"));
        }
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IOException("this MicronautTransport is closed"));
        }
        if (request.body().contentLength() == 0) {
            // the client sends an empty body without subscribing to it: read it first (see Transport#send)
            return EmptyRequestBodies.sendAfterReading(request, closed::get, "MicronautTransport",
                    () -> Exchange.send(client, BODIES, request));
        }
        return Exchange.send(client, BODIES, request);
    }

    /**
     * Refuses further requests and closes the client if this transport created it (its connections and
     * event loop go with it); a client passed to the builder is left alone. Call it once the transfers are
     * done; it does not wait for them.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || !ownsClient) {
            return;
        }
        try {
            client.close();
        } catch (IOException ignored) {
            // closing is best effort: nothing is sent through this transport any more either way
        }
    }

    @Override
    public String toString() {
        return "MicronautTransport[" + settings + (closed.get() ? ", closed]" : "]");
    }

    /**
     * Configures a {@link MicronautTransport}: either an existing {@link RawHttpClient} (in an application,
     * the injected {@code HttpClient}, which is one), or the settings of one the transport creates and closes.
     * Defaults: Micronaut's connect timeout, no read timeout (a paced upload may take hours), Micronaut's
     * read-idle timeout (5 minutes), HTTP/1.1, no redirects followed.
     */
    public static final class Builder {
        private RawHttpClient client;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration readIdleTimeout;
        private HttpVersion version;

        private Builder() {
        }

        /** Sends through {@code client}, which the transport does not close; its settings are its own. */
        public Builder client(RawHttpClient client) {
            if (client == null) {
                throw new IllegalArgumentException("client must not be null");
            }
            this.client = client;
            return this;
        }

        /** How long a connection may take to establish; positive. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive(timeout, "connect timeout");
            return this;
        }

        /**
         * Micronaut's read timeout, how long an exchange may take before it fails with
         * {@link java.net.SocketTimeoutException}; positive. Unset by default, since a paced transfer is slow
         * by design; prefer {@link #readIdleTimeout(Duration)}.
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = requirePositive(timeout, "read timeout");
            return this;
        }

        /** How long a connection may stay without reading anything before it is closed; positive. */
        public Builder readIdleTimeout(Duration timeout) {
            this.readIdleTimeout = requirePositive(timeout, "read idle timeout");
            return this;
        }

        /**
         * {@link HttpVersion#HTTP_1_1} (the default: one connection per transfer, so a per-connection limit
         * such as {@code x-oss-traffic-limit} means what it says) or {@link HttpVersion#HTTP_2} (over TLS by
         * ALPN, over plain HTTP by prior knowledge, h2c).
         */
        public Builder version(HttpVersion version) {
            if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_2_0) {
                throw new IllegalArgumentException("HTTP version must be HTTP_1_1 or HTTP_2_0, was " + version);
            }
            this.version = version;
            return this;
        }

        /** @throws IllegalStateException if a client was given together with settings for a new one */
        public MicronautTransport build() {
            if (client != null) {
                if (connectTimeout != null || readTimeout != null || readIdleTimeout != null || version != null) {
                    throw new IllegalStateException("an existing client brings its own timeouts and HTTP version;"
                            + " configure them on the client, not on this builder");
                }
                return new MicronautTransport(client, false, "given client");
            }
            DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            configuration.setFollowRedirects(false);
            configuration.setExceptionOnErrorStatus(false);
            configuration.setReadTimeout(readTimeout);
            if (connectTimeout != null) {
                configuration.setConnectTimeout(connectTimeout);
            }
            if (readIdleTimeout != null) {
                configuration.setReadIdleTimeout(readIdleTimeout);
            }
            HttpVersion chosen = version == null ? HttpVersion.HTTP_1_1 : version;
            if (chosen == HttpVersion.HTTP_2_0) {
                configuration.setPlaintextMode(HttpVersionSelection.PlaintextMode.H2C);
                configuration.setAlpnModes(java.util.List.of(HttpVersionSelection.ALPN_HTTP_2, HttpVersionSelection.ALPN_HTTP_1));
            }
            RawHttpClient created = RawHttpClient.create(null, configuration);
            return new MicronautTransport(created, true, chosen + ", connect timeout "
                    + configuration.getConnectTimeout().map(Duration::toString).orElse("none")
                    + ", read timeout " + (readTimeout == null ? "none" : readTimeout)
                    + ", read idle timeout " + configuration.getReadIdleTimeout().map(Duration::toString).orElse("none"));
        }

        private static Duration requirePositive(Duration duration, String what) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be a positive duration, was " + duration);
            }
            return duration;
        }
    }
}
