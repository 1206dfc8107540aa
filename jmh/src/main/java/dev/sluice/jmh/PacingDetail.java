package dev.sluice.jmh;

import dev.sluice.api.DataRate;

/**
 * The pacing check's figures beyond {@link PathResult}, for one path: release jitter, the 100 ms and 1 s
 * window maxima at the start and in the steady state, CPU time per MiB, and the windows after an idle
 * pause. Byte counts of -1 and NaN mean "not measured" (no idle phase, or too short a run).
 *
 * @param path the path's name
 * @param jitterP50Millis median deviation of a release from the ideal schedule
 *     ({@link ReleaseLog#scheduleDeviationsMillis}; positive: late)
 * @param jitterP99Millis 99th percentile of the same deviations
 * @param steadyBytesPerSecond the rate kept from {@code t0 + 1 s} on ({@link ReleaseLog#bytesPerSecondFrom}):
 *     immune to the start burst and to how an emulated link spreads it
 * @param steadyErrorPercent the steady rate against the target
 * @param bytesInFirstHundredMillis the bytes in {@code [t0, t0 + 100 ms)}
 * @param steadyMaxBytesInOneSecond the most bytes in any 1 s window that starts 1 s or more after {@code t0}
 * @param steadyMaxBytesInHundredMillis the same for 100 ms windows
 * @param cpuMillisPerMebibyte CPU time of the live Java threads ({@link TimestampingSink#threadCpuNanos})
 *     from the transfer's start until the measured payload had arrived, per MiB of it
 * @param idleSeconds the idle pause after the measured payload; 0 when there was none
 * @param afterIdleMaxBytesInOneSecond the most bytes in any 1 s window after the pause
 * @param afterIdleMaxBytesInHundredMillis the most bytes in any 100 ms window after the pause
 */
record PacingDetail(
        String path,
        double jitterP50Millis,
        double jitterP99Millis,
        double steadyBytesPerSecond,
        double steadyErrorPercent,
        long bytesInFirstHundredMillis,
        long steadyMaxBytesInOneSecond,
        long steadyMaxBytesInHundredMillis,
        double cpuMillisPerMebibyte,
        double idleSeconds,
        long afterIdleMaxBytesInOneSecond,
        long afterIdleMaxBytesInHundredMillis) {

    /** Windows that start this long after {@code t0} or later count as steady state. */
    static final long STEADY_AFTER_NANOS = PathResult.ONE_SECOND_NANOS;
    private static final double MIB = 1024 * 1024;

    /**
     * The figures of a run: {@code main} holds the measured payload's releases, {@code afterIdle} those after
     * an idle pause of {@code idleNanos} (empty and 0 without one); {@code cpuNanos} is the process CPU time
     * the measured payload took, -1 if unknown.
     */
    static PacingDetail of(String path, ReleaseLog main, ReleaseLog afterIdle, long idleNanos, DataRate target,
            long cpuNanos) {
        double[] deviations = main.scheduleDeviationsMillis(target.bytesPerSecond(), PathResult.T0_TOLERANCE_NANOS);
        long steadyFrom = main.firstNanos() + STEADY_AFTER_NANOS;
        boolean idle = idleNanos > 0 && afterIdle.releases() > 0;
        double steady = main.bytesPerSecondFrom(steadyFrom);
        return new PacingDetail(
                path,
                Percentiles.nearestRank(deviations, 50),
                Percentiles.nearestRank(deviations, 99),
                steady,
                PathResult.errorPercent(steady, target),
                main.bytesInFirst(PathResult.HUNDRED_MILLIS_NANOS),
                main.lastNanos() - steadyFrom >= PathResult.ONE_SECOND_NANOS
                        ? main.maxBytesInWindowFrom(PathResult.ONE_SECOND_NANOS, steadyFrom) : -1,
                main.maxBytesInWindowFrom(PathResult.HUNDRED_MILLIS_NANOS, steadyFrom),
                cpuNanos < 0 ? Double.NaN : cpuNanos / 1e6 / (main.totalBytes() / MIB),
                idleNanos / 1e9,
                idle ? afterIdle.maxBytesInWindow(PathResult.ONE_SECOND_NANOS) : -1,
                idle ? afterIdle.maxBytesInWindow(PathResult.HUNDRED_MILLIS_NANOS) : -1);
    }
}
