package dev.sluice.transport.jdkhttp.internal;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;

/**
 * One exchange on the JDK client: sends, and turns the JDK's response (head plus a publisher of buffer
 * lists) into a Sluice {@link Response} with a streaming body.
 */
public final class Exchanges {

    private Exchanges() {
    }

    /**
     * Sends {@code jdkRequest} (made from {@code request}); the future completes with the response head.
     * Cancelling it cancels the exchange, and a response that arrives after the cancellation has its body
     * cancelled, so that its connection is released.
     */
    public static CompletableFuture<Response> send(HttpClient client, HttpRequest jdkRequest, Request request,
            Duration bodyIdleTimeout) {
        String exchange = ExchangeNames.of(request);
        CompletableFuture<Response> result = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> sent;
        try {
            sent = client.sendAsync(jdkRequest, HttpResponse.BodyHandlers.ofPublisher());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        sent.whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(ExchangeNames.named(exchange, transportFailure(error)));
                return;
            }
            Response mapped;
            try {
                mapped = toResponse(request, response, new BodyWatch(exchange, bodyIdleTimeout,
                        client.executor().orElse(ForkJoinPool.commonPool())));
            } catch (IllegalArgumentException malformed) {
                discard(response.body());
                result.completeExceptionally(new IOException("malformed response to " + exchange + ": "
                        + malformed.getMessage(), malformed));
                return;
            }
            if (!result.complete(mapped)) {
                discard(response.body());
            }
        });
        result.whenComplete((ignored, error) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    static Response toResponse(Request request, HttpResponse<Flow.Publisher<List<ByteBuffer>>> response, BodyWatch watch) {
        Headers headers = Headers.of();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (header.getKey().startsWith(":")) {
                continue; // an HTTP/2 pseudo-header, not a header
            }
            for (String value : header.getValue()) {
                headers = headers.plus(header.getKey(), value);
            }
        }
        long length = bodyLength(request, response.statusCode(), headers);
        return new Response(response.statusCode(), headers, Body.of(new BufferListPublisher(response.body(), watch), length));
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

    /** What failed the exchange (an IOException for transport errors), out of its completion wrappers. */
    static Throwable transportFailure(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Subscribes to a body nobody will read and cancels at once, which releases its connection. */
    static void discard(Flow.Publisher<List<ByteBuffer>> body) {
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
    }
}
