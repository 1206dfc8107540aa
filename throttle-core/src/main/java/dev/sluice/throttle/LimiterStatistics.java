package dev.sluice.throttle;

import dev.sluice.api.DataRate;
import java.time.Duration;

/**
 * A snapshot of what a {@link MeteredRateLimiter} has counted, for logs and metrics.
 *
 * @param configuredRate the limiter's rate at the snapshot; {@link DataRate#UNLIMITED} when off
 * @param measuredBytesPerSecond the bytes granted within the last second, per second
 * @param bytesGranted every byte granted by {@code reserve} and successful {@code tryReserve} so far,
 *     including bytes later given back (monotonic, for a counter)
 * @param bytesGivenBack every byte given back so far (monotonic); the net grant is the difference
 * @param timeWaited the sum of the waits the limiter imposed so far, each as priced when it was granted
 *     (monotonic)
 * @param waiters the grants whose wait has not yet run out now; their deadlines follow rate changes
 */
public record LimiterStatistics(DataRate configuredRate, double measuredBytesPerSecond, long bytesGranted,
        long bytesGivenBack, Duration timeWaited, int waiters) {

    /**
     * Checks the snapshot.
     *
     * @throws IllegalArgumentException if {@code configuredRate} or {@code timeWaited} is null, or a
     *     count is negative
     */
    public LimiterStatistics {
        if (configuredRate == null || timeWaited == null) {
            throw new IllegalArgumentException("configured rate and time waited must not be null");
        }
        if (bytesGranted < 0 || bytesGivenBack < 0 || waiters < 0 || timeWaited.isNegative()) {
            throw new IllegalArgumentException("statistics must not be negative, were " + bytesGranted + " B granted, "
                    + bytesGivenBack + " B given back, " + timeWaited + " waited, " + waiters + " waiters");
        }
    }
}
