package dev.sluice.oss.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Collects a small response body (an XML document, an error) into an array, refusing more than a bound so
 * that a misbehaving server cannot make the client buffer an object.
 */
public final class BodyCollector implements Flow.Subscriber<ByteBuffer> {

    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BodyCollector(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Subscribes a collector of at most {@code maxBytes} to {@code publisher}. */
    public static CompletableFuture<byte[]> collect(Flow.Publisher<ByteBuffer> publisher, int maxBytes) {
        BodyCollector collector = new BodyCollector(maxBytes);
        publisher.subscribe(collector);
        return collector.result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer buffer) {
        if (result.isDone()) {
            return;
        }
        if (bytes.size() + buffer.remaining() > maxBytes) {
            subscription.cancel();
            result.completeExceptionally(new IOException("response body exceeds " + maxBytes + " B, the most read for a document"));
            return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
