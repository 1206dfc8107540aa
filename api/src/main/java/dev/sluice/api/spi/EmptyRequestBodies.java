package dev.sluice.api.spi;

import dev.sluice.api.Body;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * For transport implementations whose HTTP client never subscribes to a request body of 0 bytes (the JDK's
 * and Micronaut's send it as no body): reads such a body to its end before the exchange starts, as
 * {@link dev.sluice.api.Transport#send} requires, so that whoever watches the body (a CRC-64 of the upload,
 * a pacing listener) sees it complete.
 */
public final class EmptyRequestBodies {

    private EmptyRequestBodies() {
    }

    /**
     * Reads the empty body of {@code request}, then starts {@code exchange}. A body that completes at once
     * (the usual case) starts the exchange on the calling thread and returns its future. Otherwise the
     * future returned is a new one: cancelling it reaches the exchange once that has started, and a
     * cancellation, or the transport closing ({@code closed}), while the body is still being read sends
     * nothing at all; the latter fails with {@code this <transport> is closed}. A response that arrives
     * after a cancellation has its body cancelled, so that its connection is released.
     *
     * @param request a request whose body announces 0 bytes
     * @param transport the transport's name, for the closed message
     */
    public static CompletableFuture<Response> sendAfterReading(Request request, BooleanSupplier closed, String transport,
            Supplier<CompletableFuture<Response>> exchange) {
        Body body = request.body();
        if (body.contentLength() != 0) {
            throw new IllegalArgumentException("the request body must announce 0 bytes, was " + body.contentLength() + " B");
        }
        CompletableFuture<Long> drained = body.discard();
        if (drained.isDone()) {
            return drained.isCompletedExceptionally() ? drained.thenApply(never -> (Response) null) : exchange.get();
        }
        CompletableFuture<Response> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<Response>> started = new AtomicReference<>();
        drained.whenComplete((ignored, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            if (result.isDone()) {
                return; // cancelled while the body was read
            }
            if (closed.getAsBoolean()) {
                result.completeExceptionally(new IOException("this " + transport + " is closed"));
                return;
            }
            CompletableFuture<Response> sent = exchange.get();
            started.set(sent);
            sent.whenComplete((response, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else if (!result.complete(response)) {
                    cancelBody(response); // nobody will read it: release its connection
                }
            });
            if (result.isCancelled()) {
                sent.cancel(true); // cancelled between the check above and the start
            }
        });
        result.whenComplete((ignored, error) -> {
            CompletableFuture<Response> sent = started.get();
            if (result.isCancelled() && sent != null) {
                sent.cancel(true);
            }
        });
        return result;
    }

    /** Subscribes to a response body nobody will read and cancels at once. */
    private static void cancelBody(Response response) {
        response.body().publisher().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(ByteBuffer item) {
            }

            @Override
            public void onError(Throwable error) {
            }

            @Override
            public void onComplete() {
            }
        });
    }
}
