package dev.sluice.transport.jdkhttp;

import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.api.spi.EmptyRequestBodies;
import dev.sluice.transport.jdkhttp.internal.DaemonThreads;
import dev.sluice.transport.jdkhttp.internal.Exchanges;
import dev.sluice.transport.jdkhttp.internal.RequestMapping;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Transport} on the JDK's {@link HttpClient}, streaming both ways with demand honoured.
 *
 * <p><b>Uploads.</b> The request body's publisher is handed to the client as
 * {@link HttpRequest.BodyPublishers#fromPublisher(java.util.concurrent.Flow.Publisher, long)} with the
 * body's length (chunked when the length is unknown, no body at all when it is 0). The client asks for one
 * buffer at a time and only when the previous one is written to the socket, so a paced body is read no
 * further ahead of the wire than one buffer plus the socket buffers.
 *
 * <p><b>Downloads.</b> The response completes when its head has arrived; its body is a streaming
 * {@link dev.sluice.api.Body} with the {@code Content-Length} if the server sent one (0 for {@code HEAD},
 * 204 and 304). Each buffer the client read is one item, published only on demand; cancelling the
 * subscription closes the exchange. The body must be consumed or cancelled, or its connection stays taken.
 *
 * <p><b>Headers.</b> {@code Content-Length} comes from the body (a header that contradicts a known body
 * length is refused). The client frames the message itself, so {@code Connection}, {@code Keep-Alive},
 * {@code Proxy-Connection}, {@code Transfer-Encoding} and {@code Upgrade} are not sent, and
 * {@code Expect: 100-continue} becomes the client's own expect-continue. {@code Host} cannot be set: the
 * client always sends the URI's authority, so a {@code Host} header naming anything else is refused
 * (address IP and {@code localhost} endpoints path-style, as DESIGN.md says).
 *
 * <p><b>Errors.</b> The future fails with an {@link IOException} for transport errors: refused
 * connections ({@link java.net.ConnectException}), resets, and timeouts
 * ({@link java.net.http.HttpTimeoutException}; {@link java.net.http.HttpConnectTimeoutException} for the
 * connect timeout). A body that waits on the network longer than the
 * {@link Builder#bodyIdleTimeout(Duration) body idle timeout} fails its subscriber with an
 * {@link IOException} and cancels the exchange. Transport errors, of the exchange and of its body, name the
 * request as method, scheme, host, port and path ({@code GET http://127.0.0.1:9000/bucket/key: ...}),
 * never its query, where a presigned URL carries its signature. A request the client cannot express fails
 * with an {@link IllegalArgumentException}, before anything is sent.
 *
 * <pre>{@code
 * try (JdkHttpTransport http = JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).build()) {
 *     Response response = http.send(Request.of("GET", URI.create("http://127.0.0.1:9000/bucket/key"))).join();
 * }
 * }</pre>
 */
public final class JdkHttpTransport implements Transport {

    private final HttpClient client;
    private final boolean ownsClient;
    private final ExecutorService ownedExecutor;
    private final Duration requestTimeout;
    private final Duration bodyIdleTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdkHttpTransport(HttpClient client, boolean ownsClient, ExecutorService ownedExecutor, Duration requestTimeout,
            Duration bodyIdleTimeout) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.ownedExecutor = ownedExecutor;
        this.requestTimeout = requestTimeout;
        this.bodyIdleTimeout = bodyIdleTimeout;
    }

    /** A transport on a new client with the defaults of {@link Builder}. */
    public static JdkHttpTransport create() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The client requests go through. */
    public HttpClient client() {
        return client;
    }

    /**
     * Sends {@code request}; see the class comment for how bodies, headers and errors are treated.
     * Cancelling the returned future aborts the exchange.
     */
    @Override
    public CompletableFuture<Response> send(Request request) {
        if (request == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("request must not be null"));
        }
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IOException("this JdkHttpTransport is closed"));
        }
        HttpRequest jdkRequest;
        try {
            jdkRequest = RequestMapping.toJdk(request, requestTimeout);
        } catch (IllegalArgumentException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        if (request.body().contentLength() == 0) {
            // the client sends an empty body without subscribing to it: read it first (see Transport#send)
            return EmptyRequestBodies.sendAfterReading(request, closed::get, "JdkHttpTransport",
                    () -> Exchanges.send(client, jdkRequest, request, bodyIdleTimeout));
        }
        return Exchanges.send(client, jdkRequest, request, bodyIdleTimeout);
    }

    /**
     * Refuses further requests and releases what this transport created: its client (on a JDK that can
     * close one, 21 and later; on 17 the client's connections close when it is collected) and its
     * executor. A client or executor passed to the builder is left alone. Call it once the transfers are
     * done; it does not wait for them.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // HttpClient implements AutoCloseable from JDK 21 on; on 17 there is nothing to call
        if (ownsClient && client instanceof AutoCloseable) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception ignored) {
                // closing is best effort: the executor below is released either way
            }
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    @Override
    public String toString() {
        return "JdkHttpTransport[" + client.version() + (closed.get() ? ", closed]" : "]");
    }

    /**
     * Configures a {@link JdkHttpTransport}: either an existing {@link HttpClient}, or the settings of one
     * the transport creates (and releases on {@link #close()}). Defaults: no connect timeout (the
     * system's), HTTP/1.1, an executor of daemon threads owned by the transport, no request timeout, a
     * body idle timeout of {@value #DEFAULT_BODY_IDLE_SECONDS} s.
     */
    public static final class Builder {
        /** The default {@link #bodyIdleTimeout(Duration)}, in seconds. */
        public static final int DEFAULT_BODY_IDLE_SECONDS = 60;

        private HttpClient client;
        private Duration connectTimeout;
        private HttpClient.Version version;
        private Executor executor;
        private Duration requestTimeout;
        private Duration bodyIdleTimeout = Duration.ofSeconds(DEFAULT_BODY_IDLE_SECONDS);

        private Builder() {
        }

        /**
         * Sends through {@code client}, which the transport does not close; the connect timeout, version and
         * executor are then the client's own.
         */
        public Builder client(HttpClient client) {
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
         * {@link HttpClient.Version#HTTP_1_1} (the default: one connection per transfer, so a per-connection
         * limit such as {@code x-oss-traffic-limit} means what it says) or {@link HttpClient.Version#HTTP_2},
         * used when the server offers it.
         */
        public Builder version(HttpClient.Version version) {
            if (version == null) {
                throw new IllegalArgumentException("HTTP version must not be null (HTTP_1_1 or HTTP_2)");
            }
            this.version = version;
            return this;
        }

        /** Where the client runs its tasks and delivers bodies; not shut down by the transport. */
        public Builder executor(Executor executor) {
            if (executor == null) {
                throw new IllegalArgumentException("executor must not be null");
            }
            this.executor = executor;
            return this;
        }

        /**
         * How long a request may wait for its response head before failing with
         * {@link java.net.http.HttpTimeoutException}; positive, none by default. Streaming the body afterwards
         * is bounded by the {@link #bodyIdleTimeout(Duration) body idle timeout} instead.
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requirePositive(timeout, "request timeout");
            return this;
        }

        /**
         * How long a response body may wait on the network, while its reader is asking for bytes, before it
         * fails with an {@link IOException} that names the request and this duration, and its exchange is
         * cancelled; positive, {@value #DEFAULT_BODY_IDLE_SECONDS} s by default. The
         * {@link #requestTimeout(Duration) request timeout} ends once the head has arrived: this bounds each
         * pause of the body after it. Time the reader spends not asking (a paced reader between chunks) does
         * not count.
         */
        public Builder bodyIdleTimeout(Duration timeout) {
            this.bodyIdleTimeout = requirePositive(timeout, "body idle timeout");
            return this;
        }

        /** @throws IllegalStateException if a client was given together with settings for a new one */
        public JdkHttpTransport build() {
            if (client != null) {
                if (connectTimeout != null || version != null || executor != null) {
                    throw new IllegalStateException("an existing HttpClient brings its own connect timeout, version and executor;"
                            + " set them on the client, not on this builder");
                }
                return new JdkHttpTransport(client, false, null, requestTimeout, bodyIdleTimeout);
            }
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(version == null ? HttpClient.Version.HTTP_1_1 : version)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (connectTimeout != null) {
                builder.connectTimeout(connectTimeout);
            }
            ExecutorService owned = null;
            if (executor != null) {
                builder.executor(executor);
            } else {
                owned = Executors.newCachedThreadPool(new DaemonThreads("sluice-jdkhttp-"));
                builder.executor(owned);
            }
            return new JdkHttpTransport(builder.build(), true, owned, requestTimeout, bodyIdleTimeout);
        }

        private static Duration requirePositive(Duration duration, String what) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be a positive duration, was " + duration);
            }
            return duration;
        }
    }
}
