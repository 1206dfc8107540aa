package dev.sluice.throttle;

/**
 * A {@link RateTracker} that keeps an exponential moving average of the rate between records and can
 * tell what that average would become if some bytes were recorded now, without recording them. Made by
 * {@link RateTracker#projected(dev.sluice.api.Ticker)}.
 *
 * <p>Each record after the first is one sample, the bytes divided by the time since the previous record:
 * {@code rate = alpha * sample + (1 - alpha) * rate}. The first record only starts the clock (the rate
 * stays 0), and bytes recorded at the same instant as the previous record are carried into the next
 * sample instead of making an infinite one. Between records the rate stays as it was: it describes the
 * recent records, not the idle time since.
 *
 * <pre>{@code
 * ProjectedRateTracker tracker = RateTracker.projected(ticker);
 * tracker.record(1);                       // at 1 s: starts the clock, 0.0 B/s
 * tracker.record(1);                       // at 2 s: 0.8 B/s
 * tracker.projectedBytesPerSecond(1);      // at 3 s: 0.96 B/s, nothing recorded
 * }</pre>
 */
public interface ProjectedRateTracker extends RateTracker {

    /** The weight of the newest sample by default, as in s3transfer. */
    double DEFAULT_ALPHA = 0.8;

    /**
     * The rate that {@link #record(long) record(bytes)} would leave if called now, in bytes per second,
     * recording nothing; 0 before the first record. At the instant of the previous record no time has
     * passed to send the bytes in, and the answer is {@link Double#POSITIVE_INFINITY} (a record then
     * would carry the bytes into the next sample).
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    double projectedBytesPerSecond(long bytes);
}
