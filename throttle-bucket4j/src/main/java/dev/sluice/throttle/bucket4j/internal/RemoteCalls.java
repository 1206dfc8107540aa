package dev.sluice.throttle.bucket4j.internal;

import dev.sluice.api.Ticker;
import dev.sluice.throttle.bucket4j.FleetBudgetException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs the commands of one fleet budget against its Bucket4j store and counts them. A command that
 * fails is tried again for a short while (a Hazelcast partition migrating after a member left, a Redis
 * connection being re-established), then reported as a {@link FleetBudgetException}. The retry pause
 * blocks the caller, but only when the store is failing; in normal operation nothing waits here.
 */
public final class RemoteCalls {

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Failures of a remote store are timed on the real clock, whatever ticker paces the bytes. */
    private final Ticker clock = Ticker.system();
    private final String budget;
    private final long giveUpNanos;
    private final AtomicLong commands = new AtomicLong();

    /** Calls for the budget described by {@code budget}, given up after {@code giveUpAfter} of failures. */
    public RemoteCalls(String budget, Duration giveUpAfter) {
        this.budget = budget;
        this.giveUpNanos = giveUpAfter.toNanos();
    }

    /** Runs {@code command} (described by {@code what}), retrying failures within the give-up time. */
    public <T> T call(String what, Supplier<T> command) {
        long start = clock.read();
        long pause = FIRST_PAUSE_NANOS;
        int attempts = 0;
        while (true) {
            attempts++;
            commands.incrementAndGet();
            try {
                return command.get();
            } catch (RuntimeException e) {
                long elapsed = clock.read() - start;
                if (elapsed + pause > giveUpNanos || Thread.currentThread().isInterrupted()) {
                    throw new FleetBudgetException("fleet budget " + budget + ": could not " + what + " in "
                            + TimeUnit.NANOSECONDS.toMillis(elapsed) + " ms (" + attempts + " attempts, giving up after "
                            + TimeUnit.NANOSECONDS.toMillis(giveUpNanos) + " ms); stopping rather than exceed the budget. Last error: "
                            + e, e);
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
            }
        }
    }

    /** Commands sent to the store so far, including retries. */
    public long commands() {
        return commands.get();
    }
}
