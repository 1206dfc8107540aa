package dev.sluice.throttle.internal;

import dev.sluice.api.Ticker;
import dev.sluice.throttle.RateTracker;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The sliding window behind {@link RateTracker#slidingWindow}. Records go into slots kept oldest first in
 * a ring: a slot opens at the instant of the record that starts it and takes every record of the next
 * {@code window / 1000}, then leaves the window when its opening instant is a whole window old. Slots
 * therefore open at least that far apart, so at most about a thousand are alive at once and the ring
 * never grows; each slot is opened and evicted once, which makes a record O(1) amortised. A running
 * total makes reading O(1) as well.
 */
public final class SlidingWindowRateTracker implements RateTracker {

    /** How many slots a window holds at most (plus rounding); sets the eviction granularity. */
    private static final long SLOTS_PER_WINDOW = 1000;
    private static final Duration SHORTEST_WINDOW = Duration.ofMillis(1);
    private static final Duration LONGEST_WINDOW = Duration.ofNanos(Long.MAX_VALUE);
    private static final double NANOS_PER_SECOND = 1e9;

    private final Ticker ticker;
    private final long windowNanos;
    private final long slotNanos;
    private final long[] slotStarts;
    private final long[] slotBytes;
    private int oldest;
    private int live;
    /** The bytes of the live slots; saturates at {@link Long#MAX_VALUE}, and is then recounted on eviction. */
    private long total;

    /** A tracker of the last {@code window} on {@code ticker}. */
    public SlidingWindowRateTracker(Duration window, Ticker ticker) {
        if (window == null) {
            throw new IllegalArgumentException("window must not be null, e.g. Duration.ofSeconds(1)");
        }
        if (window.compareTo(SHORTEST_WINDOW) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be at least 1 ms and at most " + Long.MAX_VALUE
                    + " ns (about 292 years), was " + millis(window) + " ms");
        }
        if (ticker == null) {
            throw new IllegalArgumentException("ticker must not be null (use Ticker.system())");
        }
        this.ticker = ticker;
        this.windowNanos = window.toNanos();
        this.slotNanos = windowNanos / SLOTS_PER_WINDOW;
        // Live slots open at least slotNanos apart within less than a window: at most ceil(window / slot).
        int capacity = (int) (windowNanos / slotNanos + 1);
        this.slotStarts = new long[capacity];
        this.slotBytes = new long[capacity];
    }

    @Override
    public synchronized void record(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("byte count must be at least 0 B, was " + bytes + " B");
        }
        long now = ticker.read();
        evictOlderThanWindow(now);
        if (bytes == 0) {
            return;
        }
        if (live > 0 && now - slotStarts[newest()] < slotNanos) {
            // Also taken when the ticker went back: the newest slot is the nearest there is.
            slotBytes[newest()] = saturatedSum(slotBytes[newest()], bytes);
        } else {
            int slot = (oldest + live) % slotStarts.length;
            slotStarts[slot] = now;
            slotBytes[slot] = bytes;
            live++;
        }
        total = saturatedSum(total, bytes);
    }

    @Override
    public synchronized double bytesPerSecond() {
        evictOlderThanWindow(ticker.read());
        return total * NANOS_PER_SECOND / windowNanos;
    }

    /** How many slots hold bytes now; never more than a little over a thousand. */
    public synchronized int liveSlots() {
        return live;
    }

    @Override
    public String toString() {
        return "RateTracker[sliding window of " + millis(Duration.ofNanos(windowNanos)) + " ms, "
                + bytesPerSecond() + " B/s]";
    }

    private void evictOlderThanWindow(long now) {
        boolean recount = false;
        while (live > 0 && now - slotStarts[oldest] >= windowNanos) {
            recount |= total == Long.MAX_VALUE;
            total -= slotBytes[oldest];
            oldest = (oldest + 1) % slotStarts.length;
            live--;
        }
        if (recount) {
            total = 0;
            for (int i = 0; i < live; i++) {
                total = saturatedSum(total, slotBytes[(oldest + i) % slotBytes.length]);
            }
        }
    }

    private int newest() {
        return (oldest + live - 1) % slotStarts.length;
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static String millis(Duration duration) {
        BigDecimal millis = BigDecimal.valueOf(duration.getSeconds()).scaleByPowerOfTen(3)
                .add(BigDecimal.valueOf(duration.getNano(), 6));
        return millis.stripTrailingZeros().toPlainString();
    }
}
