package dev.sluice.transport.micronaut.internal;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where {@link PacedReadBuffers} schedules the delivery of a buffer once its bytes are granted: a shared
 * scheduled executor in an application, a hand-cranked queue in tests, so pacing is tested on virtual time.
 */
@FunctionalInterface
public interface GrantTimer {

    /** Runs {@code task} in {@code nanos} nanoseconds; cancelling the future before then keeps it from running. */
    Future<?> schedule(Runnable task, long nanos);

    /** A timer on {@code executor}. */
    static GrantTimer on(ScheduledExecutorService executor) {
        return (task, nanos) -> executor.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }
}
