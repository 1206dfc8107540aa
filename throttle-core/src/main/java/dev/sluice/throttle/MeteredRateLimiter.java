package dev.sluice.throttle;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.internal.Retiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link RateLimiter} that counts what another one grants: bytes granted and given back, the waits it
 * imposed, the grants still waiting, and the rate of grants over the last second. It answers exactly as
 * the limiter it wraps; use it in the wrapped limiter's place. Statistics need no library: the
 * {@code sluice-throttle-micrometer} module publishes them as Micrometer meters.
 *
 * <pre>{@code
 * MeteredRateLimiter uploads = MeteredRateLimiter.of(LeakyBucket.of(DataRate.ofBitsPerSecond(819_200)));
 * Pacer pacer = Pacer.of(uploads);
 * ...
 * uploads.statistics().bytesGranted();
 * }</pre>
 *
 * <p><b>What is counted.</b> A grant is a {@code reserve}, or a {@code tryReserve} that did not refuse.
 * Its wait is counted as the limiter priced it when granting; re-timing by a later rate change is not
 * added or taken off the total. It is "waiting" until its deadline, which follows rate changes the way
 * {@link Pacer}'s waits do; a wait that is abandoned (and its bytes given back) still counts as waiting
 * until its deadline, because a give-back does not say which grant it ends.
 *
 * <p>Give it the limiter's own {@link Ticker}, so that deadlines and the measured rate use the same time.
 * Thread-safe; counting costs a few adders, plus a short lock for grants that wait.
 *
 * <p><b>Closing.</b> It listens to the wrapped limiter's rate changes, so the limiter keeps a reference to
 * it: {@link #close()} a wrapper of a long-lived, shared limiter once it is no longer used, or each wrapper
 * made stays reachable (and is re-timed on every rate change) as long as the limiter does.
 */
public final class MeteredRateLimiter implements RateLimiter, AutoCloseable {

    private static final Duration MEASURING_WINDOW = Duration.ofSeconds(1);

    private final RateLimiter delegate;
    private final Ticker ticker;
    private final RateTracker grants;
    private final LongAdder bytesGranted = new LongAdder();
    private final LongAdder bytesGivenBack = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final PriorityQueue<Long> deadlines = new PriorityQueue<>(); // guarded by itself
    private final Listener retimer = this::retime; // one instance, so that close() removes what was added
    private final AtomicBoolean closed = new AtomicBoolean();

    private MeteredRateLimiter(RateLimiter delegate, Ticker ticker) {
        this.delegate = delegate;
        this.ticker = ticker;
        this.grants = RateTracker.slidingWindow(MEASURING_WINDOW, ticker);
    }

    /** Counts what {@code delegate} grants, on the system ticker. */
    public static MeteredRateLimiter of(RateLimiter delegate) {
        return of(delegate, Ticker.system());
    }

    /**
     * Counts what {@code delegate} grants, on {@code ticker} (the one {@code delegate} reads).
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static MeteredRateLimiter of(RateLimiter delegate, Ticker ticker) {
        if (delegate == null || ticker == null) {
            throw new IllegalArgumentException("limiter and ticker must not be null");
        }
        MeteredRateLimiter metered = new MeteredRateLimiter(delegate, ticker);
        delegate.addListener(metered.retimer);
        return metered;
    }

    /** The limiter whose grants are counted. */
    public RateLimiter delegate() {
        return delegate;
    }

    /** What has been counted so far, and the rates now. */
    public LimiterStatistics statistics() {
        return new LimiterStatistics(delegate.rate(), grants.bytesPerSecond(), bytesGranted.sum(),
                bytesGivenBack.sum(), Duration.ofNanos(waitNanos.sum()), waiters());
    }

    @Override
    public long reserve(long bytes) {
        long wait = delegate.reserve(bytes);
        count(bytes, wait);
        return wait;
    }

    @Override
    public long tryReserve(long bytes, long maxWaitNanos) {
        long wait = delegate.tryReserve(bytes, maxWaitNanos);
        if (wait != REFUSED) {
            count(bytes, wait);
        }
        return wait;
    }

    @Override
    public long waitEstimate(long bytes) {
        return delegate.waitEstimate(bytes);
    }

    @Override
    public void giveBack(long bytes) {
        delegate.giveBack(bytes);
        bytesGivenBack.add(bytes);
    }

    @Override
    public DataRate rate() {
        return delegate.rate();
    }

    @Override
    public void setRate(DataRate rate) {
        delegate.setRate(rate);
    }

    @Override
    public DataSize burst() {
        return delegate.burst();
    }

    @Override
    public void addListener(Listener listener) {
        delegate.addListener(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        delegate.removeListener(listener);
    }

    /**
     * Stops listening to the wrapped limiter's rate changes, so the limiter no longer keeps this wrapper.
     * It still passes calls on and counts them, but waits counted from then on no longer follow rate
     * changes. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            delegate.removeListener(retimer);
        }
    }

    @Override
    public String toString() {
        return "Metered[" + delegate + "]";
    }

    private void count(long bytes, long wait) {
        bytesGranted.add(bytes);
        grants.record(bytes);
        if (wait > 0) {
            waitNanos.add(wait);
            synchronized (deadlines) {
                long now = ticker.read();
                dropPassed(now);
                deadlines.add(now + wait);
            }
        }
    }

    private int waiters() {
        synchronized (deadlines) {
            dropPassed(ticker.read());
            return deadlines.size();
        }
    }

    /** Moves every waiting deadline as the limiter moves its backlog: the bytes ahead stay the same. */
    private void retime(DataRate previous, DataRate current) {
        synchronized (deadlines) {
            long now = ticker.read();
            dropPassed(now);
            List<Long> retimed = new ArrayList<>(deadlines.size());
            for (long deadline : deadlines) {
                retimed.add(now + Retiming.scale(deadline - now, previous, current));
            }
            deadlines.clear();
            deadlines.addAll(retimed);
        }
    }

    private void dropPassed(long now) {
        while (!deadlines.isEmpty() && deadlines.peek() - now <= 0) {
            deadlines.poll();
        }
    }
}
