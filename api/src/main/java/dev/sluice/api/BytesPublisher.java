package dev.sluice.api;

import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/** Publishes one array as a single read-only buffer to every subscriber, honouring demand. */
final class BytesPublisher implements Flow.Publisher<ByteBuffer> {

    private final byte[] bytes;

    BytesPublisher(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        AtomicBoolean done = new AtomicBoolean();
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    if (done.compareAndSet(false, true)) {
                        subscriber.onError(new IllegalArgumentException("demand must be positive, was " + n + " (Reactive Streams rule 3.9)"));
                    }
                    return;
                }
                if (done.compareAndSet(false, true)) {
                    if (bytes.length > 0) {
                        subscriber.onNext(ByteBuffer.wrap(bytes).asReadOnlyBuffer());
                    }
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                done.set(true);
            }
        });
    }
}
