package dev.sluice.throttle.internal;

import dev.sluice.api.Ticker;
import dev.sluice.throttle.ProjectedRateTracker;

/**
 * The exponential moving average behind {@link dev.sluice.throttle.RateTracker#projected}. One lock
 * guards the state; the ticker is read under it, so that records from several threads are samples in
 * the order of their readings and no interval comes out negative.
 */
public final class MovingAverageRateTracker implements ProjectedRateTracker {

    private static final double NANOS_PER_SECOND = 1e9;

    private final Ticker ticker;
    private final double alpha;
    private boolean started;
    private long lastNanos;
    /** Bytes recorded at the instant of the previous record, owed to the next sample. */
    private long carriedBytes;
    private double bytesPerSecond;

    /** A tracker on {@code ticker} in which the newest sample weighs {@code alpha}. */
    public MovingAverageRateTracker(Ticker ticker, double alpha) {
        if (ticker == null) {
            throw new IllegalArgumentException("ticker must not be null (use Ticker.system())");
        }
        // Written so that NaN fails too.
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha (the weight of the newest sample) must be greater than 0"
                    + " and at most 1, was " + alpha);
        }
        this.ticker = ticker;
        this.alpha = alpha;
    }

    @Override
    public synchronized void record(long bytes) {
        requireByteCount(bytes);
        long now = ticker.read();
        if (!started) {
            started = true;
            lastNanos = now;
            return;
        }
        long elapsed = now - lastNanos;
        if (elapsed <= 0) {
            // An infinite sample would never decay out of the average (0.2 * infinity is infinity), so
            // the bytes wait for the next interval that has a length.
            carriedBytes = saturatedSum(carriedBytes, bytes);
            return;
        }
        bytesPerSecond = average(carriedBytes, bytes, elapsed);
        carriedBytes = 0;
        lastNanos = now;
    }

    @Override
    public synchronized double projectedBytesPerSecond(long bytes) {
        requireByteCount(bytes);
        if (!started) {
            return 0.0;
        }
        long elapsed = ticker.read() - lastNanos;
        return elapsed <= 0 ? Double.POSITIVE_INFINITY : average(carriedBytes, bytes, elapsed);
    }

    @Override
    public synchronized double bytesPerSecond() {
        return bytesPerSecond;
    }

    @Override
    public String toString() {
        return "RateTracker[projected, " + bytesPerSecond() + " B/s]";
    }

    private double average(long carried, long bytes, long elapsedNanos) {
        double sample = ((double) carried + bytes) * NANOS_PER_SECOND / elapsedNanos;
        return alpha * sample + (1 - alpha) * bytesPerSecond;
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static void requireByteCount(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("byte count must be at least 0 B, was " + bytes + " B");
        }
    }
}
