package dev.sluice.transport.micronaut.internal;

import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.core.io.buffer.ReadBufferFactory;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * An array as read buffers of at most {@code chunk} bytes each (views, not copies), published on demand,
 * so that pacing grants it in steps no larger than a limiter's burst rather than all at once.
 */
public final class ArrayChunks implements Publisher<ReadBuffer> {

    private final byte[] bytes;
    private final int chunk;

    /** {@code bytes} in chunks of {@code chunk} bytes; the array must not change afterwards. */
    public ArrayChunks(byte[] bytes, int chunk) {
        this.bytes = bytes;
        this.chunk = chunk;
    }

    @Override
    public void subscribe(Subscriber<? super ReadBuffer> subscriber) {
        subscriber.onSubscribe(new Subscription() {
            private final AtomicLong demand = new AtomicLong();
            private int position;
            private volatile boolean cancelled;

            @Override
            public void request(long n) {
                if (n <= 0) {
                    cancelled = true;
                    subscriber.onError(new IllegalArgumentException("demand must be positive, was " + n + " (Reactive Streams rule 3.9)"));
                    return;
                }
                if (demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n) > 0) {
                    return; // the call already emitting goes on (rule 3.3)
                }
                do {
                    if (cancelled) {
                        return;
                    }
                    if (position == bytes.length) {
                        cancelled = true;
                        subscriber.onComplete();
                        return;
                    }
                    int length = Math.min(chunk, bytes.length - position);
                    ReadBuffer next = ReadBufferFactory.getJdkFactory().adapt(ByteBuffer.wrap(bytes, position, length));
                    position += length;
                    subscriber.onNext(next);
                } while (demand.decrementAndGet() > 0);
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        });
    }
}
