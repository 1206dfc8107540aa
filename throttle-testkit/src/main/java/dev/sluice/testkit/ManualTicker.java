package dev.sluice.testkit;

import dev.sluice.api.Ticker;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} that moves only when the test moves it. It starts far from zero so that code which
 * confuses instants with durations fails. Thread-safe: readers on other threads see every advance.
 */
public final class ManualTicker implements Ticker {

    /** The first reading: not zero, and large. */
    public static final long START = 7_000_000_000_000L;

    private final AtomicLong now = new AtomicLong(START);

    /** A ticker reading {@link #START}. */
    public ManualTicker() {
    }

    @Override
    public long read() {
        return now.get();
    }

    /**
     * Moves the clock forward.
     *
     * @throws IllegalArgumentException if {@code nanos} is negative: time never runs backwards
     */
    public void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time advance must be at least 0 ns, was " + nanos + " ns");
        }
        now.addAndGet(nanos);
    }

    /** Nanoseconds since {@link #START}. */
    public long elapsed() {
        return now.get() - START;
    }
}
