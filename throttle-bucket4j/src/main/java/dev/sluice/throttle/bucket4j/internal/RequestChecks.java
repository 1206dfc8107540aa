package dev.sluice.throttle.bucket4j.internal;

import dev.sluice.api.Ticker;

/** The argument checks both Bucket4j limiters make, with the same one-line messages. */
public final class RequestChecks {

    private RequestChecks() {
    }

    /** @throws IllegalArgumentException if {@code bytes} is negative */
    public static void requireByteCount(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("byte count must be at least 0 B, was " + bytes + " B");
        }
    }

    /** @throws IllegalArgumentException if {@code maxWaitNanos} is negative */
    public static void requireMaxWait(long maxWaitNanos) {
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maximum wait must be at least 0 ns, was " + maxWaitNanos + " ns");
        }
    }

    /** @throws IllegalArgumentException if {@code ticker} is null */
    public static void requireTicker(Ticker ticker) {
        if (ticker == null) {
            throw new IllegalArgumentException("ticker must not be null (use Ticker.system())");
        }
    }
}
