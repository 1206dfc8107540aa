package dev.sluice.transport.micronaut.internal;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.client.RawHttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One exchange on Micronaut's raw client: maps the Sluice request (headers, streaming body) to Micronaut's,
 * and the response (any status: the raw client does not turn error statuses into exceptions) back, with a
 * streaming body. Transport failures become {@link IOException}s that name the method and the URI without
 * its query, which may carry a presigned URL's signature.
 */
public final class Exchange {

    /** Headers the client writes itself from the body and the connection. */
    private static final Set<String> FRAMING = Set.of("connection", "content-length", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade");

    private Exchange() {
    }

    /**
     * Sends {@code request}; the future completes with the response head. Cancelling it before the head has
     * arrived aborts the exchange; a response that arrives after the cancellation is closed.
     */
    public static CompletableFuture<Response> send(RawHttpClient client, ByteBodyFactory bodies, Request request) {
        MutableHttpRequest<?> micronaut;
        try {
            micronaut = toMicronaut(request);
        } catch (IllegalArgumentException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        String exchange = describe(request);
        CompletableFuture<Response> result = new CompletableFuture<>();
        AtomicReference<Subscription> subscription = new AtomicReference<>();
        Publisher<? extends HttpResponse<?>> exchanged;
        try {
            // the client owns the byte body from here on and closes it whatever happens
            exchanged = client.exchange(micronaut, RequestBodies.toByteBody(request.body(), bodies), null);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(failure(refused, exchange));
        }
        exchanged.subscribe(
                new Subscriber<HttpResponse<?>>() {
                    @Override
                    public void onSubscribe(Subscription s) {
                        subscription.set(s);
                        s.request(1);
                    }

                    @Override
                    public void onNext(HttpResponse<?> response) {
                        complete(result, request, exchange, response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        result.completeExceptionally(failure(error, exchange));
                    }

                    @Override
                    public void onComplete() {
                        result.completeExceptionally(new IOException(exchange + " failed: the client completed without a response"));
                    }
                });
        result.whenComplete((ignored, error) -> {
            Subscription s = subscription.get();
            if (result.isCancelled() && s != null) {
                s.cancel();
            }
        });
        return result;
    }

    private static void complete(CompletableFuture<Response> result, Request request, String exchange, HttpResponse<?> response) {
        if (!(response instanceof ByteBodyHttpResponse)) {
            result.completeExceptionally(new IOException(exchange + " failed: the client returned a "
                    + response.getClass().getName() + " instead of a streaming response (did a filter replace it?)"));
            return;
        }
        ByteBodyHttpResponse<?> streaming = (ByteBodyHttpResponse<?>) response;
        Response mapped;
        try {
            mapped = toResponse(request, streaming, exchange);
        } catch (IllegalArgumentException malformed) {
            streaming.close();
            result.completeExceptionally(new IOException("malformed response to " + exchange + ": " + malformed.getMessage(), malformed));
            return;
        }
        if (!result.complete(mapped)) {
            streaming.close(); // cancelled meanwhile: nobody will read it
        }
    }

    /**
     * The Micronaut request for {@code request}: method, URI and headers; the body goes separately.
     *
     * @throws IllegalArgumentException if the request cannot be sent as asked (a {@code Content-Length}
     *     other than the body's)
     */
    static MutableHttpRequest<?> toMicronaut(Request request) {
        HttpMethod method = HttpMethod.parse(request.method());
        String uri = request.uri().toString();
        MutableHttpRequest<?> micronaut = method == HttpMethod.CUSTOM
                ? HttpRequest.create(method, uri, request.method())
                : HttpRequest.create(method, uri);
        Body body = request.body();
        for (String name : request.headers().names()) {
            String key = name.toLowerCase(Locale.ROOT);
            for (String value : request.headers().all(name)) {
                if (!FRAMING.contains(key)) {
                    micronaut.header(name, value);
                } else if (key.equals("content-length") && body.hasKnownLength()
                        && !value.trim().equals(Long.toString(body.contentLength()))) {
                    throw new IllegalArgumentException("Content-Length header \"" + value + "\" contradicts the body's length of "
                            + body.contentLength() + " B; Content-Length comes from the body");
                }
            }
        }
        return micronaut;
    }

    static Response toResponse(Request request, ByteBodyHttpResponse<?> response, String exchange) {
        Headers headers = Headers.of();
        for (Map.Entry<String, List<String>> header : response.getHeaders().asMap().entrySet()) {
            for (String value : header.getValue()) {
                headers = headers.plus(header.getKey(), value);
            }
        }
        long length = bodyLength(request, response.code(), headers);
        return new Response(response.code(), headers, Body.of(new ResponseBodyPublisher(response, exchange), length));
    }

    /** The bytes the body will publish: none for HEAD, 1xx, 204 and 304; else the Content-Length, or -1. */
    static long bodyLength(Request request, int status, Headers headers) {
        if (request.method().equals("HEAD") || status < 200 || status == 204 || status == 304) {
            return 0;
        }
        String declared = headers.first("Content-Length").orElse(null);
        if (declared == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(declared.trim());
            if (length < 0) {
                throw new IllegalArgumentException("Content-Length \"" + declared + "\" is negative");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Content-Length \"" + declared + "\" is not a number of bytes", e);
        }
    }

    /** "PUT http://host:port/path": the request as errors name it, without query or fragment. */
    static String describe(Request request) {
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return request.method() + " " + uri.getScheme() + "://" + uri.getRawAuthority() + path;
    }

    /**
     * What failed {@code exchange}, as an {@link IOException}: a {@link ConnectException} when no connection
     * could be made, a {@link SocketTimeoutException} for the client's read timeouts, else an IOException;
     * the client's exception is the cause. Errors that are not about I/O (a bug in a body publisher) pass
     * unchanged.
     */
    static Throwable failure(Throwable error, String exchange) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof UncheckedIOException) {
            cause = cause.getCause();
        }
        if (findCause(cause, ConnectException.class) != null) {
            ConnectException refused = new ConnectException(exchange + " failed: cannot connect (" + cause.getMessage() + ")");
            refused.initCause(cause);
            return refused;
        }
        if (cause instanceof ReadTimeoutException || findCause(cause, SocketTimeoutException.class) != null
                || findCause(cause, io.netty.handler.timeout.TimeoutException.class) != null) {
            // Micronaut's exception for a late head, Netty's read-timeout handler's for a body that stalls
            SocketTimeoutException timeout = new SocketTimeoutException(exchange + " failed: timed out (" + cause.getMessage() + ")");
            timeout.initCause(cause);
            return timeout;
        }
        if (cause instanceof IOException || cause instanceof HttpClientException) {
            return new IOException(exchange + " failed: " + cause.getMessage(), cause);
        }
        return cause;
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
