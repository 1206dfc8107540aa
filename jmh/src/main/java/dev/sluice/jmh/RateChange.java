package dev.sluice.jmh;

/**
 * How long a pacer took to follow a rate change, from the receiver's timestamps (pure maths, tested on
 * synthetic ones). The received rate at release {@code i} is measured over a trailing window clipped to the
 * change: with {@code j} the first release at or after {@code t_i - window}, moved back to {@code i - 2} if
 * the window holds fewer than two intervals (a slow rate) but never before the first release after the
 * change, it is the bytes of releases {@code j+1..i} over {@code t_i - t_j} (each release is the bytes the
 * interval before it paid for). The latency is {@code t_i - change} for the
 * first release whose rate is within {@code tolerance} of the new rate.
 */
final class RateChange {

    /** Returned when the rate never came within tolerance. */
    static final long NEVER = -1;

    private RateChange() {
    }

    /**
     * The latency in nanoseconds, or {@link #NEVER}.
     *
     * @param instants release instants, in order
     * @param sizes release sizes, in the same order
     * @param changeNanos when the rate was changed
     * @param newBytesPerSecond the new rate
     * @param windowNanos the trailing window (e.g. 250 ms)
     * @param tolerance e.g. 0.05 for 5 %
     */
    static long latencyNanos(long[] instants, long[] sizes, long changeNanos, double newBytesPerSecond,
            long windowNanos, double tolerance) {
        if (instants.length != sizes.length) {
            throw new IllegalArgumentException(instants.length + " instants but " + sizes.length + " sizes");
        }
        int firstAfter = 0;
        while (firstAfter < instants.length && instants[firstAfter] - changeNanos < 0) {
            firstAfter++;
        }
        for (int i = firstAfter + 2; i < instants.length; i++) {
            int j = firstAfter;
            while (instants[j] - (instants[i] - windowNanos) < 0) {
                j++;
            }
            j = Math.max(firstAfter, Math.min(j, i - 2));
            if (instants[i] == instants[j]) {
                continue;
            }
            long bytes = 0;
            for (int k = j + 1; k <= i; k++) {
                bytes += sizes[k];
            }
            double rate = bytes * 1e9 / (instants[i] - instants[j]);
            if (Math.abs(rate / newBytesPerSecond - 1) <= tolerance) {
                return instants[i] - changeNanos;
            }
        }
        return NEVER;
    }
}
