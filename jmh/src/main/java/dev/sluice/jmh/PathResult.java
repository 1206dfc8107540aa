package dev.sluice.jmh;

import dev.sluice.api.DataRate;

/**
 * The figures of one path's run, computed from its {@link ReleaseLog}. Rates are bytes per second; errors
 * are percent of the target rate (positive: faster than the target). NaN means "not measurable".
 *
 * @param path the path's name
 * @param bytes the bytes the sink received
 * @param releases the writes the sink received
 * @param intact whether the sink received exactly the payload
 * @param elapsedSeconds first byte to last byte
 * @param burstAtStartBytes bytes released within {@link #T0_TOLERANCE_NANOS} of the first byte
 * @param achievedBytesPerSecond {@code (bytes - burstAtStartBytes) / elapsedSeconds}
 * @param achievedErrorPercent achieved rate against the target
 * @param plainBytesPerSecond {@code bytes / (last byte - start of the transfer)}
 * @param plainErrorPercent plain rate against the target
 * @param maxBytesInOneSecond the most bytes in any window {@code [t, t + 1 s)}
 * @param maxBytesInHundredMillis the most bytes in any window {@code [t, t + 100 ms)}
 * @param bytesInFirstSecond the bytes in {@code [t0, t0 + 1 s)}, {@code t0} being the first byte
 * @param tailMillis from the last byte until the transfer call returned
 */
record PathResult(
        String path,
        long bytes,
        int releases,
        boolean intact,
        double elapsedSeconds,
        long burstAtStartBytes,
        double achievedBytesPerSecond,
        double achievedErrorPercent,
        double plainBytesPerSecond,
        double plainErrorPercent,
        long maxBytesInOneSecond,
        long maxBytesInHundredMillis,
        long bytesInFirstSecond,
        double tailMillis) {

    /** Writes closer than this to the first byte count as released with it, at t0. */
    static final long T0_TOLERANCE_NANOS = 1_000_000L;
    static final long ONE_SECOND_NANOS = 1_000_000_000L;
    static final long HUNDRED_MILLIS_NANOS = 100_000_000L;

    /**
     * The figures of a run that began at {@code startNanos} and returned at {@code returnedNanos}.
     *
     * @throws IllegalStateException if the log is empty
     */
    static PathResult of(String path, ReleaseLog log, long startNanos, long returnedNanos, DataRate target,
            boolean intact) {
        double achieved = log.achievedBytesPerSecond(T0_TOLERANCE_NANOS);
        double plain = log.plainBytesPerSecond(startNanos);
        return new PathResult(
                path,
                log.totalBytes(),
                log.releases(),
                intact,
                log.elapsedSeconds(),
                log.burstAtStart(T0_TOLERANCE_NANOS),
                achieved,
                errorPercent(achieved, target),
                plain,
                errorPercent(plain, target),
                log.maxBytesInWindow(ONE_SECOND_NANOS),
                log.maxBytesInWindow(HUNDRED_MILLIS_NANOS),
                log.bytesInFirst(ONE_SECOND_NANOS),
                (returnedNanos - log.lastNanos()) / 1e6);
    }

    /** {@code (measured / target - 1) * 100}; NaN if {@code measured} is NaN. */
    static double errorPercent(double measuredBytesPerSecond, DataRate target) {
        return (measuredBytesPerSecond / target.bytesPerSecond() - 1) * 100;
    }
}
