package dev.sluice.throttle;


/**
 * Runs a task after a delay, on behalf of asynchronous pacing: every waiting stream is one scheduled
 * task, not one thread. Production code shares {@link #shared()}; tests pass a scheduler driven by a
 * fake clock.
 */
public interface Scheduler {

    /** Runs {@code task} once, {@code delayNanos} from now (at once if zero or less). */
    Cancellable schedule(Runnable task, long delayNanos);

    /** One daemon thread for the whole JVM. Keep work done on it short: it times every waiting stream. */
    static Scheduler shared() {
        return dev.sluice.throttle.internal.SharedScheduler.INSTANCE;
    }

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Cancellable {

        /** Calls the task off if it has not started; does nothing otherwise. */
        void cancel();
    }
}

