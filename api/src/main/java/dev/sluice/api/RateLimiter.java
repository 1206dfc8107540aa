package dev.sluice.api;

/**
 * A byte-rate budget, non-blocking at its core.
 *
 * <p>The primitive is the <em>reservation</em>: {@link #reserve(long)} commits the budget for some
 * bytes and answers how many nanoseconds from now they may be sent. {@link #tryReserve(long, long)}
 * does the same only when the wait is within a bound, and commits nothing otherwise.
 * {@link #giveBack(long)} returns budget that was reserved but will not be used (a cancelled or
 * interrupted wait, a short read), so nothing leaks. Blocking and asynchronous waiting, chunking and
 * the throttled streams are built on this primitive once, in {@code dev.sluice.throttle}; an
 * implementation only decides.
 *
 * <p>The rate can change at runtime ({@link #setRate(DataRate)}). Reservations already waiting are
 * re-timed: a waiter that listens ({@link #addListener(Listener)}) learns of each change and scales the
 * rest of its wait by {@code previous / current}, so its place in the queue, in bytes, is kept.
 *
 * <p>Implementations are thread-safe. Byte counts are {@code long}s of bytes; a negative count is
 * refused with {@link IllegalArgumentException}.
 */
public interface RateLimiter {

    /** Returned by {@link #tryReserve(long, long)} when it refuses: the wait would exceed the bound. */
    long REFUSED = -1L;

    /**
     * Commits the budget for {@code bytes} and returns the nanoseconds to wait before sending them
     * (0: send now). Never refuses: a request larger than {@link #burst()} simply waits longer.
     */
    long reserve(long bytes);

    /**
     * Commits the budget for {@code bytes} only if the wait is at most {@code maxWaitNanos}, and returns
     * that wait; otherwise commits nothing and returns {@link #REFUSED}.
     */
    long tryReserve(long bytes, long maxWaitNanos);

    /** The nanoseconds that {@link #reserve(long) reserve(bytes)} would wait now, committing nothing. */
    long waitEstimate(long bytes);

    /**
     * Returns the budget of {@code bytes} reserved earlier and not sent, so that later reservations
     * are served sooner.
     */
    void giveBack(long bytes);

    /** The current rate; {@link DataRate#UNLIMITED} when limiting is off. */
    DataRate rate();

    /**
     * Changes the rate now ({@link DataRate#UNLIMITED} turns limiting off). Listeners are told after the
     * change, so that waiting reservations are re-timed.
     */
    void setRate(DataRate rate);

    /** The largest amount sent at once after an idle period; a request above it is paced, not refused. */
    DataSize burst();

    /** Registers a listener for rate changes. Limiters whose rate never changes may ignore it. */
    default void addListener(Listener listener) {
    }

    /** Removes a listener registered with {@link #addListener(Listener)}. */
    default void removeListener(Listener listener) {
    }

    /** Told of rate changes, e.g. to re-time a waiting reservation. */
    @FunctionalInterface
    interface Listener {

        /** Called after the rate changed from {@code previous} to {@code current}. */
        void rateChanged(DataRate previous, DataRate current);
    }
}
