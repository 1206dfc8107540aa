package dev.sluice.throttle;

/**
 * Blocks a thread for a while, on behalf of blocking pacing. Production code uses {@link #system()};
 * tests pass a parker that advances a fake clock instead of sleeping.
 */
public interface Parker {

    /**
     * Blocks the calling thread for at most {@code nanos}; it may return earlier (callers re-check their
     * deadline), in particular after {@link #unpark(Thread)}.
     *
     * @throws InterruptedException if the thread is interrupted before or while parked
     */
    void park(long nanos) throws InterruptedException;

    /** Ends the current or next {@link #park(long)} of {@code thread} early. */
    void unpark(Thread thread);

    /** Parks with {@link LockSupport}. */
    static Parker system() {
        return dev.sluice.throttle.internal.SystemParker.INSTANCE;
    }
}

