package dev.sluice.api;

/**
 * A source of nanosecond time, read for pacing decisions. Only differences between readings mean
 * anything (as with {@link System#nanoTime()}). Tests pass a fake ticker so that every pacing rule is
 * checked against virtual time.
 */
@FunctionalInterface
public interface Ticker {

    /** The current reading, in nanoseconds. */
    long read();

    /** The ticker of {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
