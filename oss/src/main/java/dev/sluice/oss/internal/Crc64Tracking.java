package dev.sluice.oss.internal;

import dev.sluice.oss.Crc64;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Passes an upload body through unchanged while computing its CRC-64, so that the
 * {@code x-oss-hash-crc64ecma} OSS answers can be checked without reading the source twice. Each
 * subscription (a retry) starts afresh; {@link #crc()} is that of the last subscription that completed.
 */
public final class Crc64Tracking implements Flow.Publisher<ByteBuffer> {

    private final Flow.Publisher<ByteBuffer> upstream;
    private final AtomicReference<Long> completedCrc = new AtomicReference<>();

    /** Tracks the CRC-64 of what {@code upstream} publishes. */
    public Crc64Tracking(Flow.Publisher<ByteBuffer> upstream) {
        this.upstream = upstream;
    }

    /** The CRC-64 of the body as last published in full, or null if no subscription has completed. */
    public Long crc() {
        return completedCrc.get();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Crc64 crc = new Crc64();
        upstream.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                crc.update(buffer.duplicate());
                subscriber.onNext(buffer);
            }

            @Override
            public void onError(Throwable error) {
                subscriber.onError(error);
            }

            @Override
            public void onComplete() {
                completedCrc.set(crc.getValue());
                subscriber.onComplete();
            }
        });
    }
}
