package dev.sluice.oss.internal;

import dev.sluice.oss.Crc64;
import dev.sluice.oss.Crc64MismatchException;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.function.LongFunction;

/**
 * Hands a body to {@code downstream} unchanged while computing its CRC-64, and at the end asks a verdict
 * what the CRC means: {@code null} completes normally, a failure is signalled instead of completion. So a
 * download whose CRC differs from the one OSS announced never completes normally, and an upload body
 * records its CRC for the check of OSS's answer.
 */
public final class Crc64Checking implements Flow.Subscriber<ByteBuffer> {

    private final Flow.Subscriber<? super ByteBuffer> downstream;
    private final LongFunction<Throwable> verdict;
    private final Crc64 crc = new Crc64();

    /** Checks against {@code expected}, naming {@code what} ("GetObject oss://b/k") on a mismatch. */
    public Crc64Checking(Flow.Subscriber<? super ByteBuffer> downstream, long expected, String what) {
        this(downstream, actual -> actual == expected ? null : new Crc64MismatchException(what, actual, expected));
    }

    /** Passes the CRC to {@code verdict} at the end; a non-null answer is signalled instead of completion. */
    Crc64Checking(Flow.Subscriber<? super ByteBuffer> downstream, LongFunction<Throwable> verdict) {
        this.downstream = downstream;
        this.verdict = verdict;
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
        Throwable failure = verdict.apply(crc.getValue());
        if (failure != null) {
            downstream.onError(failure);
        } else {
            downstream.onComplete();
        }
    }
}
