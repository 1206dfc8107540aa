package dev.sluice.api;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A message body: a publisher of {@link ByteBuffer}s and its length in bytes ({@code -1} when unknown,
 * as for a chunked response). A <em>replayable</em> body may be subscribed to more than once, each
 * time from its first byte, which is what makes a retry of its request safe.
 *
 * @param publisher the bytes; honours demand
 * @param contentLength the number of bytes it publishes, or -1 if unknown
 * @param replayable whether every subscription publishes the same bytes from the start
 */
public record Body(Flow.Publisher<ByteBuffer> publisher, long contentLength, boolean replayable) {

    private static final Body EMPTY = ofBytes(new byte[0]);

    public Body {
        if (publisher == null) {
            throw new IllegalArgumentException("body publisher must not be null");
        }
        if (contentLength < -1) {
            throw new IllegalArgumentException("content length must be -1 (unknown) or at least 0 B, was " + contentLength + " B");
        }
    }

    /** A body without bytes. */
    public static Body empty() {
        return EMPTY;
    }

    /** A replayable body of these bytes (the array is not copied; do not change it afterwards). */
    public static Body ofBytes(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("body bytes must not be null (use Body.empty())");
        }
        return new Body(new BytesPublisher(bytes), bytes.length, true);
    }

    /** A body of {@code contentLength} bytes (or -1) from a publisher that can be subscribed to once. */
    public static Body of(Flow.Publisher<ByteBuffer> publisher, long contentLength) {
        return new Body(publisher, contentLength, false);
    }

    /** Whether the length is known. */
    public boolean hasKnownLength() {
        return contentLength >= 0;
    }

    /**
     * Subscribes to this body and reads it to its end, dropping the bytes; completes with the number of bytes
     * read, or fails with the publisher's error. A transport sends an empty request body this way, since its
     * HTTP client may never subscribe to a body of 0 bytes, and those who watch the body (a CRC-64, a pacing
     * listener) must still see it complete.
     */
    public CompletableFuture<Long> discard() {
        CompletableFuture<Long> read = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
            private long bytes;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                bytes += item.remaining();
            }

            @Override
            public void onError(Throwable error) {
                read.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                read.complete(bytes);
            }
        });
        return read;
    }
}
