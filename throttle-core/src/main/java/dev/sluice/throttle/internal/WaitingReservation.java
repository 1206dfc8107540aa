package dev.sluice.throttle.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;

/**
 * One reserved chunk waiting on one limiter: its deadline, and the rate that deadline is priced at.
 *
 * <p>It listens to the limiter from before the reservation until the wait ends. A callback ignores the
 * rates it is given and converts the deadline from the rate it is priced at to the limiter's rate now,
 * so repeated, late or out-of-order callbacks do no harm and no change is applied twice. A reservation
 * whose rate changes while it is made is given back and made again, so the price is always known.
 *
 * <p>A switch to {@link DataRate#UNLIMITED} drops the limiter's backlog, this reservation included: from
 * then on it is {@linkplain #forgiven() forgiven}, and giving it back would free budget nobody holds.
 */
final class WaitingReservation implements RateLimiter.Listener {

    private final RateLimiter limiter;
    private final long bytes;
    private final Ticker ticker;
    private final Runnable onRetimed;

    // guarded by this
    private boolean armed;
    private boolean closed;
    private boolean forgiven;
    private int unlimitedSwitches;
    private DataRate pricedAt;
    private long deadline;

    private WaitingReservation(RateLimiter limiter, long bytes, Ticker ticker, Runnable onRetimed) {
        this.limiter = limiter;
        this.bytes = bytes;
        this.ticker = ticker;
        this.onRetimed = onRetimed;
    }

    /**
     * Reserves {@code bytes} on {@code limiter}. Returns {@code null} if they may go now; otherwise a
     * waiting reservation that calls {@code onRetimed} (outside its lock) whenever its deadline moves.
     */
    static WaitingReservation reserve(RateLimiter limiter, long bytes, Ticker ticker, Runnable onRetimed) {
        WaitingReservation waiting = new WaitingReservation(limiter, bytes, ticker, onRetimed);
        limiter.addListener(waiting);
        while (true) {
            int switches = waiting.unlimitedSwitches();
            DataRate before = limiter.rate();
            long wait = limiter.reserve(bytes);
            DataRate after = limiter.rate();
            if (waiting.unlimitedSwitches() != switches) {
                // the limit went off (and maybe on again) around the reservation: it may or may not have been
                // dropped, so do not give it back (never free budget nobody holds) and reserve again
                continue;
            }
            if (!before.equals(after)) {
                limiter.giveBack(bytes); // priced at one of two rates: start over at a known one
                continue;
            }
            if (wait == 0) {
                limiter.removeListener(waiting);
                return null;
            }
            waiting.arm(after, ticker.read() + wait, switches);
            return waiting;
        }
    }

    private synchronized int unlimitedSwitches() {
        return unlimitedSwitches;
    }

    private void arm(DataRate rate, long deadline, int switchesAtReservation) {
        synchronized (this) {
            this.pricedAt = rate;
            this.deadline = deadline;
            this.armed = true;
            if (unlimitedSwitches != switchesAtReservation) {
                forgiven = true; // the limit went off after the reservation was made
            }
        }
        rateChanged(rate, rate); // catch a change that came between the reservation and now
    }

    @Override
    public void rateChanged(DataRate previous, DataRate current) {
        synchronized (this) {
            if (current.isUnlimited()) {
                unlimitedSwitches++;
                forgiven |= armed; // the backlog was dropped, even if the limit is back by the time we look
            }
            if (!armed || closed) {
                return;
            }
            DataRate now = limiter.rate();
            long time = ticker.read();
            if (forgiven) {
                if (deadline - time <= 0) {
                    return;
                }
                deadline = time;
            } else if (!now.equals(pricedAt)) {
                deadline = time + Retiming.scale(deadline - time, pricedAt, now);
            } else {
                return;
            }
            pricedAt = now;
        }
        onRetimed.run();
    }

    /** Nanoseconds until the deadline; zero or less when it has passed. */
    synchronized long remaining() {
        return deadline - ticker.read();
    }

    /** Whether a switch to unlimited has dropped this reservation from the limiter's backlog. */
    synchronized boolean forgiven() {
        return forgiven;
    }

    /**
     * Stops listening; the reservation is kept (it was granted). Returns whether it is still part of the
     * limiter's backlog, i.e. whether giving it back later would be right.
     */
    boolean granted() {
        return close();
    }

    /** Stops listening and gives the reservation back, unless the limiter already dropped it. */
    void abandon() {
        if (close()) {
            limiter.giveBack(bytes);
        }
    }

    /** Closes once; returns whether the reservation is still part of the limiter's backlog. */
    private boolean close() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
        }
        limiter.removeListener(this);
        return !forgiven();
    }
}
