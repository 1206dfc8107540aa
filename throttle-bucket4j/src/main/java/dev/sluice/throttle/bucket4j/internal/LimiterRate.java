package dev.sluice.throttle.bucket4j.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.RateLimiter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;

/**
 * A Bucket4j limiter's rate and its listeners: a change is checked, applied under the limiter's lock,
 * and told to the listeners after the lock is released, so that a listener may call back into the
 * limiter. Reading the rate takes no lock.
 */
public final class LimiterRate {

    /** What a limiter does under its lock to move from {@code previous} to a different {@code rate}. */
    @FunctionalInterface
    public interface Change {

        /** Applies the change; throwing leaves the rate as it was and tells no listener. */
        void apply(DataRate previous, DataRate rate);
    }

    private final Lock lock;
    private final Set<RateLimiter.Listener> listeners = ConcurrentHashMap.newKeySet();
    private volatile DataRate rate;

    /** {@code rate} at first, changed under {@code lock}. */
    public LimiterRate(DataRate rate, Lock lock) {
        this.rate = rate;
        this.lock = lock;
    }

    /** The current rate. */
    public DataRate get() {
        return rate;
    }

    /**
     * Changes the rate to {@code rate} through {@code change} unless it is already {@code rate}; then tells
     * the listeners.
     *
     * @throws IllegalArgumentException if {@code rate} is null or finite and above {@link ByteBandwidth#FASTEST}
     */
    public void set(DataRate rate, Change change) {
        ByteBandwidth.requireSupported(rate);
        DataRate previous;
        lock.lock();
        try {
            previous = this.rate;
            if (previous.equals(rate)) {
                return;
            }
            change.apply(previous, rate);
            this.rate = rate;
        } finally {
            lock.unlock();
        }
        for (RateLimiter.Listener listener : listeners) {
            listener.rateChanged(previous, rate);
        }
    }

    /** Adds {@code listener}; adding it twice keeps one. */
    public void addListener(RateLimiter.Listener listener) {
        listeners.add(listener);
    }

    /** Removes {@code listener} if present. */
    public void removeListener(RateLimiter.Listener listener) {
        listeners.remove(listener);
    }
}
