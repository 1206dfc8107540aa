package dev.sluice.transport.jdkhttp.internal;

import dev.sluice.api.Body;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Reads a body of 0 bytes to its end. The JDK client sends such a body as {@code noBody()} and never
 * subscribes to the caller's publisher, so whoever watches the body (a CRC-64 of the upload, a pacing
 * listener counting the transfer) would never see it complete. Draining it first keeps the contract that a
 * transport reads every request body it sends.
 */
public final class EmptyBodyDrain {

    private EmptyBodyDrain() {
    }

    /** Completes when {@code body} (announced as 0 bytes) has completed, or fails with its error. */
    public static CompletableFuture<Void> drain(Body body) {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        body.publisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                // bytes from a body announced as empty are not sent: the request says 0 bytes
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
        return drained;
    }
}
