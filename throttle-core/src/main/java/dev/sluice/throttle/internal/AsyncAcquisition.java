package dev.sluice.throttle.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.RateLimiter;
import dev.sluice.throttle.Scheduler;
import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous acquisition of some bytes, chunk by chunk: each wait is one task on the scheduler, and
 * the future itself is the handle. Cancelling it (or failing it, e.g. by {@code orTimeout}) calls off the
 * timer and gives back everything reserved.
 */
public final class AsyncAcquisition extends CompletableFuture<Void> implements RateLimiter.Listener {

    private final LimiterSet limiters;
    private final Scheduler scheduler;
    private final long chunkBytes;

    // guarded by this
    private long remaining;
    private long granted;
    private int waitingOn = -1;
    private long waitingBytes;
    private long deadline;
    private Scheduler.Cancellable timer;

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
                RateLimiter limiter = limiters.get(served);
                DataRate rateBefore = limiter.rate();
                long wait = limiter.reserve(chunk);
                if (wait > 0) {
                    waitingOn = served;
                    waitingBytes = chunk;
                    deadline = limiters.ticker().read() + wait;
                    limiter.addListener(this);
                    DataRate rateNow = limiter.rate();
                    if (!rateNow.equals(rateBefore)) {
                        deadline = retimed(rateBefore, rateNow);
                    }
                    timer = scheduler.schedule(this::timerFired, deadline - limiters.ticker().read());
                    return;
                }
                takeOthersOrRetry(served, chunk);
            }
            if (remaining > 0) {
                return;
            }
        }
        complete(null);
    }

    private void takeOthersOrRetry(int served, long chunk) {
        if (limiters.takeOthersNow(served, chunk)) {
            remaining -= chunk;
            granted += chunk;
        } else {
            limiters.get(served).giveBack(chunk);
        }
    }

    private void timerFired() {
        synchronized (this) {
            if (waitingOn < 0 || isDone()) {
                return;
            }
            long early = deadline - limiters.ticker().read();
            if (early > 0) {
                timer = scheduler.schedule(this::timerFired, early);
                return;
            }
            int served = waitingOn;
            stopWaiting();
            takeOthersOrRetry(served, waitingBytes);
        }
        advance();
    }

    @Override
    public void rateChanged(DataRate previous, DataRate current) {
        synchronized (this) {
            if (waitingOn < 0 || isDone()) {
                return;
            }
            timer.cancel();
            deadline = retimed(previous, current);
            timer = scheduler.schedule(this::timerFired, deadline - limiters.ticker().read());
        }
    }

    private long retimed(DataRate previous, DataRate current) {
        long now = limiters.ticker().read();
        return now + Retiming.scale(deadline - now, previous, current);
    }

    private void stopWaiting() {
        limiters.get(waitingOn).removeListener(this);
        waitingOn = -1;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            abandon();
        }
        return cancelled;
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        boolean failed = super.completeExceptionally(failure);
        if (failed) {
            abandon();
        }
        return failed;
    }

    /** Gives back everything: the chunk being waited for on its limiter, the chunks granted on all. */
    private synchronized void abandon() {
        if (waitingOn >= 0) {
            timer.cancel();
            RateLimiter limiter = limiters.get(waitingOn);
            stopWaiting();
            limiter.giveBack(waitingBytes);
        }
        limiters.giveBack(granted);
        granted = 0;
        remaining = 0;
    }

    @Override
    public String toString() {
        synchronized (this) {
            return "AsyncAcquisition[remaining=" + remaining + " B, granted=" + granted + " B, "
                    + (isCancelled() ? "cancelled" : isDone() ? "done" : waitingOn >= 0 ? "waiting" : "running") + "]";
        }
    }

}
