package dev.sluice.throttle.bucket4j.internal;

import dev.sluice.api.Ticker;
import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j's clock read from a Sluice {@link Ticker}, in nanoseconds, so that buckets follow the same
 * (possibly virtual) time as the rest of the pacing.
 */
public final class TickerTimeMeter implements TimeMeter {

    private final Ticker ticker;

    /** A meter reading {@code ticker}. */
    public TickerTimeMeter(Ticker ticker) {
        this.ticker = ticker;
    }

    @Override
    public long currentTimeNanos() {
        return ticker.read();
    }

    @Override
    public boolean isWallClockBased() {
        // Only differences between readings mean anything, as with System.nanoTime()
        return false;
    }
}
