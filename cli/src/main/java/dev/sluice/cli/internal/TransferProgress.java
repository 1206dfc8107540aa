package dev.sluice.cli.internal;

import dev.sluice.api.Ticker;
import dev.sluice.throttle.RateTracker;
import dev.sluice.throttle.TransferListener;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * One direction of the demo as the receiver sees it: bytes so far, the current rate (1 s window) for the
 * progress bar, and the first and last byte for the measured rate
 * {@code (bytes - bytes_at_t0) / (t_last - t0)}, where {@code bytes_at_t0} are the bytes that arrived
 * within half a chunk's time at the target rate of {@code t0}: the burst, which the limiter releases
 * without waiting and which therefore takes no time at any rate. Half a chunk's time, not a fixed
 * millisecond, because a cold JVM may hand over the burst's second chunk a few milliseconds after the
 * first, and counting it as paced would overstate the rate.
 */
final class TransferProgress implements TransferListener {

    private final String label;
    private long total;
    private final Ticker ticker;
    private final RateTracker window;
    private final long burstNanos;
    private boolean started;
    private long t0;
    private long bytesAtT0;
    private long tLast;
    private long bytes;

    /**
     * Progress of {@code total} bytes; bytes arriving within {@code burstNanos} of the first count as the
     * initial burst.
     */
    TransferProgress(String label, long total, long burstNanos, Ticker ticker) {
        this.label = label;
        this.burstNanos = burstNanos;
        this.total = total;
        this.ticker = ticker;
        this.window = RateTracker.slidingWindow(Duration.ofSeconds(1), ticker);
    }

    @Override
    public synchronized void onProgress(long moved) {
        long now = ticker.read();
        if (!started) {
            started = true;
            t0 = now;
        }
        if (now - t0 <= burstNanos) {
            bytesAtT0 += moved;
        }
        bytes += moved;
        tLast = now;
        window.record(moved);
    }

    /**
     * Moves the last byte to now: for an upload, the receiver has taken the last byte when its answer
     * arrives, which is later than the sender handing it over.
     */
    synchronized void lastByteArrivedNow() {
        if (started) {
            tLast = ticker.read();
        }
    }

    /** Sets the total, for a size known only once the transfer is about to start. */
    synchronized void total(long newTotal) {
        total = newTotal;
    }

    String label() {
        return label;
    }

    synchronized long total() {
        return total;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized long bytesAtT0() {
        return bytesAtT0;
    }

    /** Nanoseconds from the first byte to the last; 0 before the second byte. */
    synchronized long elapsedNanos() {
        return started ? tLast - t0 : 0;
    }

    /** Nanoseconds since the first byte, for the ETA; 0 before it. */
    synchronized long runningNanos() {
        return started ? ticker.read() - t0 : 0;
    }

    /** The current rate over the last second, in bytes per second. */
    double windowBytesPerSecond() {
        return window.bytesPerSecond();
    }

    /** {@code (bytes - bytes_at_t0) / (t_last - t0)} in bytes per second; empty if no time passed. */
    synchronized OptionalDouble measuredBytesPerSecond() {
        long elapsed = elapsedNanos();
        if (elapsed <= 0 || bytes <= bytesAtT0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((bytes - bytesAtT0) * 1e9 / elapsed);
    }
}
