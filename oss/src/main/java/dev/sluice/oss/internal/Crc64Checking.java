package dev.sluice.oss.internal;

import dev.sluice.oss.Crc64;
import dev.sluice.oss.Crc64MismatchException;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * Hands a download to {@code downstream} unchanged while computing its CRC-64, and at the end signals
 * {@link Crc64MismatchException} instead of completion when the CRC differs from the one OSS announced.
 * The downstream therefore never sees a corrupt download complete normally.
 */
public final class Crc64Checking implements Flow.Subscriber<ByteBuffer> {

    private final Flow.Subscriber<? super ByteBuffer> downstream;
    private final long expected;
    private final String what;
    private final Crc64 crc = new Crc64();

    /** Checks against {@code expected}, naming {@code what} ("GetObject oss://b/k") on a mismatch. */
    public Crc64Checking(Flow.Subscriber<? super ByteBuffer> downstream, long expected, String what) {
        this.downstream = downstream;
        this.expected = expected;
        this.what = what;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        downstream.onSubscribe(subscription);
    }

    @Override
    public void onNext(ByteBuffer buffer) {
        crc.update(buffer.duplicate());
        downstream.onNext(buffer);
    }

    @Override
    public void onError(Throwable error) {
        downstream.onError(error);
    }

    @Override
    public void onComplete() {
        if (crc.getValue() != expected) {
            downstream.onError(new Crc64MismatchException(what, crc.getValue(), expected));
        } else {
            downstream.onComplete();
        }
    }
}
