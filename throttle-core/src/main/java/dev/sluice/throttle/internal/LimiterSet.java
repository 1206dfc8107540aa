package dev.sluice.throttle.internal;

import dev.sluice.api.DataRate;
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

    /** Reserves {@code bytes} on every limiter but {@code served} if none of them has to wait; else takes nothing. */
    boolean takeOthersNow(int served, long bytes) {
        for (int i = 0; i < limiters.length; i++) {
            if (i != served && limiters[i].tryReserve(bytes, 0) == RateLimiter.REFUSED) {
                for (int j = 0; j < i; j++) {
                    if (j != served) {
                        limiters[j].giveBack(bytes);
                    }
                }
                return false;
            }
        }
        return true;
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
            awaitReservation(limiters[served], bytes, parker);
            if (takeOthersNow(served, bytes)) {
                return;
            }
            limiters[served].giveBack(bytes);
        }
    }

    private void awaitReservation(RateLimiter limiter, long bytes, Parker parker) throws InterruptedException {
        DataRate rateBefore = limiter.rate();
        long wait = limiter.reserve(bytes);
        if (wait == 0) {
            return;
        }
        BlockingWait blockingWait = new BlockingWait(Thread.currentThread(), parker, ticker, ticker.read() + wait);
        limiter.addListener(blockingWait);
        try {
            // a rate change between the reservation and addListener would otherwise be missed
            DataRate rateNow = limiter.rate();
            if (!rateNow.equals(rateBefore)) {
                blockingWait.rateChanged(rateBefore, rateNow);
            }
            blockingWait.await();
        } catch (InterruptedException e) {
            limiter.giveBack(bytes);
            throw e;
        } finally {
            limiter.removeListener(blockingWait);
        }
    }

    /** One parked thread's deadline, moved when the rate changes. */
    private static final class BlockingWait implements RateLimiter.Listener {
        private final Thread thread;
        private final Parker parker;
        private final Ticker ticker;
        private long deadline;

        BlockingWait(Thread thread, Parker parker, Ticker ticker, long deadline) {
            this.thread = thread;
            this.parker = parker;
            this.ticker = ticker;
            this.deadline = deadline;
        }

        void await() throws InterruptedException {
            while (true) {
                long remaining;
                synchronized (this) {
                    remaining = deadline - ticker.read();
                }
                if (remaining <= 0) {
                    return;
                }
                parker.park(remaining);
            }
        }

        @Override
        public void rateChanged(DataRate previous, DataRate current) {
            synchronized (this) {
                long now = ticker.read();
                deadline = now + Retiming.scale(deadline - now, previous, current);
            }
            parker.unpark(thread);
        }
    }
}
