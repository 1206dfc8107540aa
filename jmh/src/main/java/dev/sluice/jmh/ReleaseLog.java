package dev.sluice.jmh;

import java.util.Arrays;

/**
 * The bytes a receiver got and when, and the pacing metrics computed from them. It holds timestamps only
 * (any nanosecond scale with a common origin, such as {@link System#nanoTime()}); it never reads a clock,
 * so the maths is tested on synthetic timestamps.
 *
 * <p>Definitions, with {@code t0} the first release and {@code tN} the last:
 * <ul>
 *   <li><b>elapsed</b> = {@code tN - t0};</li>
 *   <li><b>burst at t0</b> = the bytes released within {@code tolerance} of {@code t0}, i.e. at the first
 *       instant (a receiver cannot see a rate in bytes that arrive together);</li>
 *   <li><b>achieved rate</b> = {@code (total - burst at t0) / elapsed}: each release after {@code t0} is
 *       the bytes that the interval before it paid for, so this is the rate the pacer kept;</li>
 *   <li><b>plain rate</b> = {@code total / (tN - start)}, with {@code start} the instant the transfer was
 *       begun: what a user who times the whole transfer sees, burst included;</li>
 *   <li><b>window</b> maxima count the bytes in half-open windows {@code [t, t + w)}; the first window
 *       is {@code [t0, t0 + w)}.</li>
 * </ul>
 */
final class ReleaseLog {

    private static final double NANOS_PER_SECOND = 1e9;

    private long[] nanos;
    private long[] bytes;
    private int count;
    private long total;

    /** An empty log with room for {@code expectedReleases} before it grows. */
    ReleaseLog(int expectedReleases) {
        int capacity = Math.max(16, expectedReleases);
        this.nanos = new long[capacity];
        this.bytes = new long[capacity];
    }

    /**
     * Records that {@code count} bytes were released at {@code atNanos}.
     *
     * @throws IllegalArgumentException if the byte count is below 1 or the timestamp is earlier than the
     *     previous one
     */
    synchronized void record(long atNanos, long count) {
        if (count < 1) {
            throw new IllegalArgumentException("a release must be at least 1 B, was " + count + " B");
        }
        if (this.count > 0 && atNanos - nanos[this.count - 1] < 0) {
            throw new IllegalArgumentException("release at " + atNanos + " ns is earlier than the previous one at "
                    + nanos[this.count - 1] + " ns");
        }
        if (this.count == nanos.length) {
            nanos = Arrays.copyOf(nanos, this.count * 2);
            bytes = Arrays.copyOf(bytes, this.count * 2);
        }
        nanos[this.count] = atNanos;
        bytes[this.count] = count;
        this.count++;
        total += count;
    }

    /** The number of releases recorded. */
    synchronized int releases() {
        return count;
    }

    /** The bytes released in all. */
    synchronized long totalBytes() {
        return total;
    }

    /** The instant of the first release. @throws IllegalStateException if there is none */
    synchronized long firstNanos() {
        requireReleases();
        return nanos[0];
    }

    /** The instant of the last release. @throws IllegalStateException if there is none */
    synchronized long lastNanos() {
        requireReleases();
        return nanos[count - 1];
    }

    /** Seconds from the first release to the last; 0 with a single release. */
    synchronized double elapsedSeconds() {
        return (lastNanos() - firstNanos()) / NANOS_PER_SECOND;
    }

    /** The bytes released within {@code toleranceNanos} of the first release (inclusive). */
    synchronized long burstAtStart(long toleranceNanos) {
        requireReleases();
        long sum = 0;
        for (int i = 0; i < count && nanos[i] - nanos[0] <= toleranceNanos; i++) {
            sum += bytes[i];
        }
        return sum;
    }

    /**
     * {@code (total - burstAtStart(toleranceNanos)) / elapsed}, in bytes per second; NaN when every byte was
     * released at the first instant (no interval to measure).
     */
    synchronized double achievedBytesPerSecond(long toleranceNanos) {
        long paced = total - burstAtStart(toleranceNanos);
        long elapsed = lastNanos() - firstNanos();
        return paced == 0 || elapsed == 0 ? Double.NaN : paced * NANOS_PER_SECOND / elapsed;
    }

    /**
     * {@code total / (last - startNanos)}, in bytes per second; NaN when the last release is not after
     * {@code startNanos}.
     */
    synchronized double plainBytesPerSecond(long startNanos) {
        long elapsed = lastNanos() - startNanos;
        return elapsed <= 0 ? Double.NaN : total * NANOS_PER_SECOND / elapsed;
    }

    /** The most bytes released in any half-open window {@code [t, t + windowNanos)}. */
    synchronized long maxBytesInWindow(long windowNanos) {
        requireWindow(windowNanos);
        long best = 0;
        long inWindow = 0;
        int end = 0;
        // the best window starts at a release: slide its start over the releases, its end follows
        for (int start = 0; start < count; start++) {
            while (end < count && nanos[end] - nanos[start] < windowNanos) {
                inWindow += bytes[end];
                end++;
            }
            best = Math.max(best, inWindow);
            inWindow -= bytes[start];
        }
        return best;
    }

    /**
     * The most bytes released in any half-open window {@code [t, t + windowNanos)} with {@code t} at or after
     * {@code fromNanos}; 0 when nothing was released from then on. With {@code fromNanos} one second after
     * {@code t0} it is the steady-state maximum, the start burst left out.
     */
    synchronized long maxBytesInWindowFrom(long windowNanos, long fromNanos) {
        requireWindow(windowNanos);
        int first = 0;
        while (first < count && nanos[first] - fromNanos < 0) {
            first++;
        }
        long best = 0;
        long inWindow = 0;
        int end = first;
        for (int start = first; start < count; start++) {
            while (end < count && nanos[end] - nanos[start] < windowNanos) {
                inWindow += bytes[end];
                end++;
            }
            best = Math.max(best, inWindow);
            inWindow -= bytes[start];
        }
        return best;
    }

    /**
     * Each release's deviation from the ideal schedule, in milliseconds (positive: late). The ideal schedule
     * is the one a perfect leaky bucket at {@code bytesPerSecond} would keep after releasing the burst at
     * {@code t0} ({@link #burstAtStart}): release {@code i}, carrying bytes up to the cumulative count
     * {@code C_i}, is due at {@code t0 + max(0, C_i - burst) / rate}. A pacer that drifts in rate drifts away
     * from it, which is part of what the deviation shows.
     *
     * @throws IllegalStateException if the log is empty
     */
    synchronized double[] scheduleDeviationsMillis(double bytesPerSecond, long toleranceNanos) {
        long burst = burstAtStart(toleranceNanos);
        double[] deviations = new double[count];
        long cumulative = 0;
        for (int i = 0; i < count; i++) {
            cumulative += bytes[i];
            double dueNanos = Math.max(0, cumulative - burst) * NANOS_PER_SECOND / bytesPerSecond;
            deviations[i] = ((nanos[i] - nanos[0]) - dueNanos) / 1e6;
        }
        return deviations;
    }

    /**
     * The rate kept from {@code fromNanos} on, in bytes per second: with {@code a} the first release at or
     * after {@code fromNanos}, the bytes released after {@code a} over {@code tN - a}. It leaves the start
     * burst out however it was spread (an emulated link spreads it); NaN with fewer than two such releases.
     */
    synchronized double bytesPerSecondFrom(long fromNanos) {
        int a = 0;
        while (a < count && nanos[a] - fromNanos < 0) {
            a++;
        }
        if (count - a < 2 || nanos[count - 1] == nanos[a]) {
            return Double.NaN;
        }
        long paced = 0;
        for (int i = a + 1; i < count; i++) {
            paced += bytes[i];
        }
        return paced * NANOS_PER_SECOND / (nanos[count - 1] - nanos[a]);
    }

    /** A copy of the release instants, in order (for metrics computed outside the log). */
    synchronized long[] instants() {
        return Arrays.copyOf(nanos, count);
    }

    /** A copy of the release sizes, in the order of {@link #instants()}. */
    synchronized long[] sizes() {
        return Arrays.copyOf(bytes, count);
    }

    /** The bytes released in {@code [t0, t0 + windowNanos)}, {@code t0} being the first release. */
    synchronized long bytesInFirst(long windowNanos) {
        requireWindow(windowNanos);
        requireReleases();
        long sum = 0;
        for (int i = 0; i < count && nanos[i] - nanos[0] < windowNanos; i++) {
            sum += bytes[i];
        }
        return sum;
    }

    private void requireReleases() {
        if (count == 0) {
            throw new IllegalStateException("no release was recorded");
        }
    }

    private static void requireWindow(long windowNanos) {
        if (windowNanos < 1) {
            throw new IllegalArgumentException("window must be at least 1 ns, was " + windowNanos + " ns");
        }
    }
}
