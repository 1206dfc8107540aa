package dev.sluice.throttle.internal;

import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.Parker;
import java.util.List;

/**
 * The limiters one transfer obeys, and the rule for taking a chunk from all of them: queue at the
 * bottleneck (the limiter that would make the chunk wait longest), then take the others without waiting,
 * or give the bottleneck's grant back and start over. No budget is held while waiting on another limiter.
 */
public final class LimiterSet {

    private final RateLimiter[] limiters;
    private final Ticker ticker;

    public LimiterSet(List<RateLimiter> limiters, Ticker ticker) {
        this.limiters = limiters.toArray(new RateLimiter[0]);
        this.ticker = ticker;
    }

    public List<RateLimiter> all() {
        return List.of(limiters);
    }

    Ticker ticker() {
        return ticker;
    }

    RateLimiter get(int index) {
        return limiters[index];
    }

    /** The index of the limiter that would make {@code bytes} wait longest now. */
    int bottleneck(long bytes) {
        if (limiters.length == 1) {
            return 0;
        }
        int worst = 0;
        long worstWait = -1;
        for (int i = 0; i < limiters.length; i++) {
            long wait = limiters[i].waitEstimate(bytes);
            if (wait > worstWait) {
                worst = i;
                worstWait = wait;
            }
        }
        return worst;
    }

    /**
     * Reserves {@code bytes} on every limiter but {@code served} (-1: on all) if none of them has to wait;
     * else takes nothing.
     */
    boolean takeOthersNow(int served, long bytes) {
        return takeNow(served, bytes, false);
    }

    /**
     * With every limiter switched off ({@link dev.sluice.api.DataRate#UNLIMITED}), takes {@code bytes} from
     * all of them at once, without waiting, and returns {@code true}; otherwise takes nothing and returns
     * {@code false}. The limiters are still asked (with a zero wait bound), because a limiter may count its
     * grants or wake up on them; a limit switched on since the check grants only what may go at once. When
     * one refuses, the grants already taken are rolled back as {@link #giveBackWhereUnlimited} does: one
     * taken free from a limiter that has been switched on since must not be credited to it.
     */
    public boolean takeAllNowIfUnlimited(long bytes) {
        return allUnlimited() && takeNow(-1, bytes, true);
    }

    private boolean takeNow(int served, long bytes, boolean grantedWhileUnlimited) {
        for (int i = 0; i < limiters.length; i++) {
            if (i != served && limiters[i].tryReserve(bytes, 0) == RateLimiter.REFUSED) {
                for (int j = 0; j < i; j++) {
                    if (j != served && (!grantedWhileUnlimited || limiters[j].rate().isUnlimited())) {
                        limiters[j].giveBack(bytes);
                    }
                }
                return false;
            }
        }
        return true;
    }

    /**
     * With a single limiter, takes {@code bytes} from it if they may go now and returns {@code true};
     * otherwise takes nothing and returns {@code false}. It commits nothing when it would wait, so it needs
     * no listener and no reservation object. With several limiters it always returns {@code false}: taking
     * them one by one may have to give a grant back, and only a listener tells whether a switch to
     * unlimited dropped it meanwhile (see {@link #acquireBlocking}).
     */
    public boolean takeAloneNow(long bytes) {
        return limiters.length == 1 && limiters[0].tryReserve(bytes, 0) != RateLimiter.REFUSED;
    }

    /** Whether every limiter is switched off now. */
    public boolean allUnlimited() {
        for (RateLimiter limiter : limiters) {
            if (!limiter.rate().isUnlimited()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Gives back a grant of {@link #takeAllNowIfUnlimited}, to each limiter that is still off. A grant taken
     * while a limit was off cost it nothing, so giving it back after the limit came on would free budget
     * nobody holds; a limiter switched on in between keeps it (at worst a few bytes paced that were not sent).
     */
    public void giveBackWhereUnlimited(long bytes) {
        if (bytes == 0) {
            return;
        }
        for (RateLimiter limiter : limiters) {
            if (limiter.rate().isUnlimited()) {
                limiter.giveBack(bytes);
            }
        }
    }

    /** Gives {@code bytes} back to every limiter. */
    public void giveBack(long bytes) {
        if (bytes == 0) {
            return;
        }
        for (RateLimiter limiter : limiters) {
            limiter.giveBack(bytes);
        }
    }

    /**
     * Blocks until one chunk of {@code bytes} is granted by every limiter.
     *
     * @throws InterruptedException with nothing of this chunk held
     */
    public void acquireBlocking(long bytes, Parker parker) throws InterruptedException {
        while (true) {
            int served = bottleneck(bytes);
            // alone, a chunk that may go now needs no listener, no wake-up callback and no reservation
            // object: try it bounded at zero first, which commits nothing when it would wait. With several
            // limiters the reservation may have to be given back below, and only a listener tells whether a
            // switch to unlimited dropped it meanwhile, so they always take the listening path.
            if (limiters.length == 1 && limiters[0].tryReserve(bytes, 0) != RateLimiter.REFUSED) {
                return;
            }
            boolean held = true;
            WaitingReservation waiting = waitOn(limiters[served], bytes, parker);
            if (waiting != null) {
                try {
                    for (long remaining; (remaining = waiting.remaining()) > 0; ) {
                        parker.park(remaining);
                    }
                } catch (InterruptedException e) {
                    waiting.abandon();
                    throw e;
                }
                held = waiting.granted();
            }
            if (takeOthersNow(served, bytes)) {
                return;
            }
            if (held) {
                limiters[served].giveBack(bytes);
            }
        }
    }

    /** Reserves {@code bytes} on {@code limiter} with a listener that wakes this thread when the wait is re-timed. */
    private WaitingReservation waitOn(RateLimiter limiter, long bytes, Parker parker) {
        Thread thread = Thread.currentThread();
        return WaitingReservation.reserve(limiter, bytes, ticker, () -> parker.unpark(thread));
    }
}
