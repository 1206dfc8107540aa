package dev.sluice.throttle;

import dev.sluice.api.Ticker;
import dev.sluice.throttle.internal.MovingAverageRateTracker;
import dev.sluice.throttle.internal.SlidingWindowRateTracker;
import java.time.Duration;

/**
 * Measures how fast bytes move, for progress displays, logs and checks that pacing holds its rate.
 * Time comes from the {@link Ticker} a tracker is made with, so a test drives it with virtual time.
 * Trackers are thread-safe: several streams may feed one.
 *
 * <p>Two kinds:
 * <ul>
 *   <li>{@link #projected(Ticker)}: an exponential moving average of the rate between records, as
 *       s3transfer's bandwidth rate tracker keeps, that can also answer "what would the rate be if I
 *       sent this now" ({@link ProjectedRateTracker#projectedBytesPerSecond(long)});</li>
 *   <li>{@link #slidingWindow(Duration, Ticker)}: the bytes recorded within the last window, divided by
 *       the window; it falls to zero when the transfer stops.</li>
 * </ul>
 *
 * <pre>{@code
 * RateTracker measured = RateTracker.slidingWindow(Duration.ofSeconds(1), Ticker.system());
 * try (InputStream in = new ThrottledInputStream(source, pacer, measured.asListener())) {
 *     in.transferTo(out);
 * }
 * measured.bytesPerSecond();   // about 102400.0 at 819,200 bit/s
 * }</pre>
 */
public interface RateTracker {

    /**
     * Notes that {@code bytes} moved now.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    void record(long bytes);

    /** The measured rate now, in bytes per second; 0 before anything was measured. */
    double bytesPerSecond();

    /**
     * A listener that records every {@link TransferListener#onProgress(long) progress} report into this
     * tracker and ignores the other events, so a throttled stream can feed the tracker.
     */
    default TransferListener asListener() {
        RateTracker tracker = this;
        return new TransferListener() {
            @Override
            public void onProgress(long bytes) {
                tracker.record(bytes);
            }

            @Override
            public String toString() {
                return "TransferListener[records into " + tracker + "]";
            }
        };
    }

    /**
     * A moving-average tracker with the newest sample weighing {@link ProjectedRateTracker#DEFAULT_ALPHA}.
     *
     * @throws IllegalArgumentException if {@code ticker} is null
     */
    static ProjectedRateTracker projected(Ticker ticker) {
        return projected(ticker, ProjectedRateTracker.DEFAULT_ALPHA);
    }

    /**
     * A moving-average tracker in which the newest sample weighs {@code alpha} and the average so far
     * {@code 1 - alpha}: 1 keeps only the newest sample, values near 0 smooth strongly.
     *
     * @throws IllegalArgumentException if {@code ticker} is null or {@code alpha} is not within (0, 1]
     */
    static ProjectedRateTracker projected(Ticker ticker, double alpha) {
        return new MovingAverageRateTracker(ticker, alpha);
    }

    /**
     * A tracker of the bytes recorded within the last {@code window}, divided by the window. A record
     * counts until it is exactly {@code window} old; records less than a thousandth of the window after
     * the one that opened their slot share that slot and leave with it, which bounds memory to about a
     * thousand slots however often it is fed.
     *
     * @throws IllegalArgumentException if {@code ticker} is null or {@code window} is null, shorter than
     *     1 ms or longer than {@link Long#MAX_VALUE} nanoseconds
     */
    static RateTracker slidingWindow(Duration window, Ticker ticker) {
        return new SlidingWindowRateTracker(window, ticker);
    }
}
