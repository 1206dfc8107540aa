package dev.sluice.throttle.bucket4j.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.RateLimiter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A limiter's rate-change listeners: safe to add and remove while a change is being told, and told
 * outside the limiter's lock so that a listener may call back into it.
 */
public final class Listeners {

    private final Set<RateLimiter.Listener> listeners = ConcurrentHashMap.newKeySet();

    /** Adds {@code listener}; adding it twice keeps one. */
    public void add(RateLimiter.Listener listener) {
        listeners.add(listener);
    }

    /** Removes {@code listener} if present. */
    public void remove(RateLimiter.Listener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener that the rate changed from {@code previous} to {@code rate}. */
    public void rateChanged(DataRate previous, DataRate rate) {
        for (RateLimiter.Listener listener : listeners) {
            listener.rateChanged(previous, rate);
        }
    }
}
