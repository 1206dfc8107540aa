package dev.sluice.throttle.tree.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.LeakyBucket;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * One transfer's limiter in one direction: a {@link LeakyBucket} whose rate the tree sets to the
 * transfer's share. A reservation is the bucket's compare-and-set plus a volatile write, a volatile read
 * and a {@link LongAdder} increment (the byte count for snapshots); only the first reservation after an
 * idle period (which makes the transfer busy again and so changes the shares), a due idle sweep and a
 * reservation that raced such a sweep take the tree's lock.
 */
final class LeafLimiter implements RateLimiter {

    private final ShareTree tree;
    private final LeakyBucket bucket;
    private final Ticker ticker;
    private final LongAdder reservedBytes = new LongAdder();
    /** Guarded by the tree's lock for writes; read on the fast path. */
    volatile boolean active;
    volatile boolean closed;
    volatile long lastReservedAt;
    /** Whether {@link #target} is a paused rate; guarded by the tree's lock. */
    boolean held;
    /** The rate the last allocation wants; applied to the bucket outside the tree's lock. */
    volatile DataRate target;
    ShareNode node;

    LeafLimiter(ShareTree tree, Ticker ticker, DataSize burst, DataRate initial) {
        this.tree = tree;
        this.ticker = ticker;
        this.bucket = LeakyBucket.builder().rate(initial).burst(burst).ticker(ticker).build();
        this.target = initial;
    }

    @Override
    public long reserve(long bytes) {
        return reserve(bytes, Long.MAX_VALUE, false);
    }

    @Override
    public long tryReserve(long bytes, long maxWaitNanos) {
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maximum wait must be at least 0 ns, was " + maxWaitNanos + " ns");
        }
        return reserve(bytes, maxWaitNanos, true);
    }

    private long reserve(long bytes, long maxWaitNanos, boolean bounded) {
        if (bytes < 0) {
            throw new IllegalArgumentException("byte count must be at least 0 B, was " + bytes + " B");
        }
        long now = ticker.read();
        lastReservedAt = now;
        tree.sweepIfDue(now);
        if (!active && !closed) {
            tree.activate(this, now);
        }
        long wait = bounded ? bucket.tryReserve(bytes, maxWaitNanos) : bucket.reserve(bytes);
        if (wait != REFUSED) {
            reservedBytes.add(bytes);
        }
        if (!active && !closed) {
            // an idle sweep overtook this reservation (it read our time before we wrote it, or we were held up
            // for an idle window): the bytes are charged at our old share while the siblings already borrow it.
            // Turning busy again takes the share back from them; the bucket re-times what we just reserved.
            tree.activate(this, ticker.read());
        }
        return wait;
    }

    @Override
    public long waitEstimate(long bytes) {
        return bucket.waitEstimate(bytes);
    }

    @Override
    public void giveBack(long bytes) {
        bucket.giveBack(bytes);
        reservedBytes.add(-bytes);
    }

    /** The transfer's share now (what the bucket paces at). */
    @Override
    public DataRate rate() {
        return bucket.rate();
    }

    /**
     * Sets this transfer's ceiling in this direction ({@link DataRate#UNLIMITED}: bounded by its parent only);
     * its share follows within one grant.
     */
    @Override
    public void setRate(DataRate rate) {
        if (rate == null) {
            throw new IllegalArgumentException("rate must not be null (use DataRate.UNLIMITED for no limit)");
        }
        tree.setLeafCeiling(this, rate);
    }

    @Override
    public DataSize burst() {
        return bucket.burst();
    }

    @Override
    public void addListener(Listener listener) {
        bucket.addListener(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        bucket.removeListener(listener);
    }

    /** Whether a reservation is still waiting: the bucket's backlog is longer than its burst. */
    boolean hasWaiter() {
        return bucket.waitEstimate(0) > 0;
    }

    long waitingNanos() {
        return bucket.waitEstimate(0);
    }

    long reservedBytes() {
        return reservedBytes.sum();
    }

    /**
     * Brings the bucket to {@link #target}. Lock-free: whoever sets the bucket last checks the target again,
     * so two allocations applied out of order still end at the newer one. Listeners (waiting reservations)
     * are told by the bucket, on the caller's thread, with no lock of the tree held.
     */
    void applyTarget() {
        while (true) {
            DataRate wanted = target;
            if (!bucket.rate().equals(wanted)) {
                bucket.setRate(wanted);
            }
            if (target == wanted) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "TreeLimiter[" + (node == null ? "?" : node.path) + ", " + tree.direction().name().toLowerCase(Locale.ROOT)
                + ", rate=" + bucket.rate() + ", burst=" + bucket.burst() + "]";
    }
}
