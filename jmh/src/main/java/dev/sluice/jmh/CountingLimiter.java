package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RateLimiter} that counts the grant calls ({@code reserve}, {@code tryReserve},
 * {@code waitEstimate}) it passes on to another: how many limiter calls a wrapper makes per MiB (anchors
 * B4).
 */
final class CountingLimiter implements RateLimiter {

    private final RateLimiter delegate;
    private final AtomicLong calls = new AtomicLong();

    CountingLimiter(RateLimiter delegate) {
        this.delegate = delegate;
    }

    /** The grant calls so far. */
    long calls() {
        return calls.get();
    }

    @Override
    public long reserve(long bytes) {
        calls.incrementAndGet();
        return delegate.reserve(bytes);
    }

    @Override
    public long tryReserve(long bytes, long maxWaitNanos) {
        calls.incrementAndGet();
        return delegate.tryReserve(bytes, maxWaitNanos);
    }

    @Override
    public long waitEstimate(long bytes) {
        calls.incrementAndGet();
        return delegate.waitEstimate(bytes);
    }

    @Override
    public void giveBack(long bytes) {
        delegate.giveBack(bytes);
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
}
