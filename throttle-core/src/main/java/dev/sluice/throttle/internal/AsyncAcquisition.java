package dev.sluice.throttle.internal;

import dev.sluice.throttle.Scheduler;
import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous acquisition of some bytes, chunk by chunk: each wait is one task on the scheduler, and
 * the future itself is the handle. Cancelling it (or failing it, e.g. by {@code orTimeout}) calls off the
 * timer and gives back everything reserved; completing it from outside stops the pacing and keeps what
 * was reserved.
 */
public final class AsyncAcquisition extends CompletableFuture<Void> {

    private final LimiterSet limiters;
    private final Scheduler scheduler;
    private final long chunkBytes;

    // guarded by this
    private long remaining;
    private long granted;
    private WaitingReservation waiting;
    private int waitingOn;
    private long waitingBytes;
    private Scheduler.Cancellable timer;
    /** Tells a timer that was called off (but had already started) from the current one. */
    private long timerGeneration;

    private AsyncAcquisition(LimiterSet limiters, Scheduler scheduler, long bytes, long chunkBytes) {
        this.limiters = limiters;
        this.scheduler = scheduler;
        this.remaining = bytes;
        this.chunkBytes = chunkBytes;
    }

    /** Starts acquiring {@code bytes}; the returned future may already be complete. */
    public static CompletableFuture<Void> start(LimiterSet limiters, Scheduler scheduler, long bytes, long chunkBytes) {
        AsyncAcquisition acquisition = new AsyncAcquisition(limiters, scheduler, bytes, chunkBytes);
        acquisition.advance();
        return acquisition;
    }

    /** Takes chunks until one has to wait or all are granted; completes (outside the lock) when done. */
    private void advance() {
        synchronized (this) {
            while (remaining > 0 && !isDone()) {
                long chunk = Math.min(chunkBytes, remaining);
                int served = limiters.bottleneck(chunk);
                WaitingReservation reservation = WaitingReservation.reserve(limiters.get(served), chunk,
                        limiters.ticker(), this::retimed);
                if (reservation != null) {
                    waiting = reservation;
                    waitingOn = served;
                    waitingBytes = chunk;
                    scheduleTimer();
                    return;
                }
                takeOthersOrRetry(served, chunk, true);
            }
            if (remaining > 0) {
                return;
            }
        }
        super.complete(null);
    }

    private void takeOthersOrRetry(int served, long chunk, boolean held) {
        if (limiters.takeOthersNow(served, chunk)) {
            remaining -= chunk;
            granted += chunk;
        } else if (held) {
            limiters.get(served).giveBack(chunk);
        }
    }

    private void scheduleTimer() {
        long generation = ++timerGeneration;
        timer = scheduler.schedule(() -> timerFired(generation), waiting.remaining());
    }

    private void timerFired(long generation) {
        synchronized (this) {
            if (generation != timerGeneration || waiting == null || isDone()) {
                return;
            }
            if (waiting.remaining() > 0) {
                scheduleTimer();
                return;
            }
            boolean held = waiting.granted();
            waiting = null;
            takeOthersOrRetry(waitingOn, waitingBytes, held);
        }
        advance();
    }

    /** The waiting chunk's deadline moved: time it anew. */
    private void retimed() {
        synchronized (this) {
            if (waiting == null || isDone()) {
                return;
            }
            timer.cancel();
            scheduleTimer();
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            release(true);
        }
        return cancelled;
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        boolean failed = super.completeExceptionally(failure);
        if (failed) {
            release(true);
        }
        return failed;
    }

    /** Completed from outside (e.g. {@code completeOnTimeout}): stop pacing, keep what was reserved. */
    @Override
    public boolean complete(Void value) {
        boolean completed = super.complete(value);
        if (completed) {
            release(false);
        }
        return completed;
    }

    @Override
    public void obtrudeValue(Void value) {
        super.obtrudeValue(value);
        release(false);
    }

    @Override
    public void obtrudeException(Throwable failure) {
        super.obtrudeException(failure);
        release(true);
    }

    /** Stops waiting; with {@code giveBack}, returns the waiting chunk and the chunks granted so far. */
    private synchronized void release(boolean giveBack) {
        if (waiting != null) {
            timer.cancel();
            if (giveBack) {
                waiting.abandon();
            } else {
                waiting.granted();
            }
            waiting = null;
        }
        if (giveBack) {
            limiters.giveBack(granted);
        }
        granted = 0;
        remaining = 0;
    }

    @Override
    public String toString() {
        synchronized (this) {
            return "AsyncAcquisition[remaining=" + remaining + " B, granted=" + granted + " B, "
                    + (isCancelled() ? "cancelled" : isDone() ? "done" : waiting != null ? "waiting" : "running") + "]";
        }
    }
}
