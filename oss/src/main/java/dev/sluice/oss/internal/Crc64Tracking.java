package dev.sluice.oss.internal;

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
        upstream.subscribe(new Crc64Checking(subscriber, crc -> {
            completedCrc.set(crc);
            return null;
        }));
    }
}
