package dev.sluice.throttle.tree.internal;

import dev.sluice.api.Ticker;
import dev.sluice.throttle.Scheduler;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * One timer on the scheduler for a share tree's next idle sweep, so that a transfer goes idle on time even
 * when no reservation comes to sweep (the only other busy transfer waits on one large reservation, or nothing
 * reserves at all), and none once no transfer is busy. It schedules outside its lock: a scheduler may run a
 * due task on the calling thread.
 */
final class SweepTimer {

    private final Scheduler scheduler;
    private final Ticker ticker;
    private final LongSupplier nextSweep;
    private final long none;
    private final LongConsumer sweep;

    // guarded by this
    private Scheduler.Cancellable timer;
    /** The instant {@link #timer} is (being) set for; {@link #none} when none. */
    private long timerAt;

    /**
     * A timer that calls {@code sweep} with the ticker's reading at each instant {@code nextSweep} names when
     * {@link #arm()} is called; {@code none} is the value that means "no sweep wanted".
     */
    SweepTimer(Scheduler scheduler, Ticker ticker, LongSupplier nextSweep, long none, LongConsumer sweep) {
        this.scheduler = scheduler;
        this.ticker = ticker;
        this.nextSweep = nextSweep;
        this.none = none;
        this.sweep = sweep;
        this.timerAt = none;
    }

    /** Sets the timer for the next sweep's instant, or cancels it when no sweep is wanted; call after changing it. */
    void arm() {
        long due;
        Scheduler.Cancellable stale;
        synchronized (this) {
            // read under this lock: whichever caller comes last reads the latest instant
            due = nextSweep.getAsLong();
            if (due == timerAt) {
                return; // already set (or being set) for that instant, or none wanted and none set
            }
            stale = timer;
            timer = null;
            timerAt = due;
        }
        if (stale != null) {
            stale.cancel();
        }
        if (due == none) {
            return;
        }
        Scheduler.Cancellable scheduled = scheduler.schedule(() -> fire(due), due - ticker.read());
        synchronized (this) {
            if (timerAt == due && timer == null) {
                timer = scheduled;
                return;
            }
        }
        scheduled.cancel(); // another thread moved the sweep meanwhile and set its own timer
    }

    private void fire(long due) {
        synchronized (this) {
            if (timerAt == due) {
                timer = null;
                timerAt = none;
            }
        }
        sweep.accept(ticker.read());
        arm(); // again, should the timer have fired before the ticker reached the sweep's time
    }
}
