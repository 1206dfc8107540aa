package dev.sluice.transfer.internal;

import dev.sluice.api.Body;
import dev.sluice.api.Middleware;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Reads a request body of 0 bytes to its end before the request is sent. A transport may send such a
 * body without ever subscribing to it (the JDK client does), and then {@code OssClient}, which computes the
 * CRC-64 of an upload as its body is read, finds no CRC and refuses the upload of an empty object.
 */
final class EmptyBodies implements Middleware {

    static final EmptyBodies INSTANCE = new EmptyBodies();

    private EmptyBodies() {
    }

    @Override
    public CompletableFuture<Response> send(Request request, Transport next) {
        if (request.body().contentLength() != 0) {
            return next.send(request);
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        request.body().publisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                // a body announced as empty that publishes bytes: sent as empty, as announced
            }

            @Override
            public void onError(Throwable error) {
                drained.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                drained.complete(null);
            }
        });
        return drained.thenCompose(done -> next.send(request.withBody(Body.empty())));
    }

    @Override
    public String toString() {
        return "EmptyBodies";
    }
}
