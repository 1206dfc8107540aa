package dev.sluice.qos.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** Reads a small response body into memory, refusing one larger than a bound. */
final class BodyBytes implements Flow.Subscriber<ByteBuffer> {

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int maxBytes;
    private Flow.Subscription subscription;

    private BodyBytes(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The bytes {@code publisher} publishes, or an {@link IOException} once they exceed {@code maxBytes}. */
    static CompletableFuture<byte[]> collect(Flow.Publisher<ByteBuffer> publisher, int maxBytes) {
        BodyBytes subscriber = new BodyBytes(maxBytes);
        publisher.subscribe(subscriber);
        return subscriber.result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer item) {
        if (result.isDone()) {
            return;
        }
        if (bytes.size() + item.remaining() > maxBytes) {
            subscription.cancel();
            result.completeExceptionally(new IOException("OSS response body exceeds " + maxBytes + " B, the most a QoS"
                    + " document is read into memory"));
            return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.write(chunk, 0, chunk.length);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable instanceof IOException ? throwable : new IOException(throwable));
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
