package dev.sluice.transport.jdkhttp.internal;

import dev.sluice.api.Ticker;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What a response body knows of its exchange: the name its errors carry, and how long it may wait for the
 * network while its reader is waiting for bytes (the body idle timeout). The checks run on the JDK's shared
 * delay timer and then on the client's executor, so a body costs one pending timer task, not a thread.
 */
final class BodyWatch {

    /** No name and no timeout: errors as the JDK reports them, and waits without limit. */
    static final BodyWatch NONE = new BodyWatch(null, null, Runnable::run);

    private final String exchange;
    private final Duration idle;
    private final Executor executor;
    private final Ticker ticker = Ticker.system();

    /**
     * @param exchange the exchange as errors name it ({@link ExchangeNames#of}), or null for none
     * @param idle the body idle timeout, or null for none
     * @param executor where the checks run once due
     */
    BodyWatch(String exchange, Duration idle, Executor executor) {
        this.exchange = exchange;
        this.idle = idle;
        this.executor = executor;
    }

    /** Whether a body waiting for the network ever times out. */
    boolean timesOut() {
        return idle != null;
    }

    /** The body idle timeout in nanoseconds; only when {@link #timesOut()}. */
    long idleNanos() {
        return idle.toNanos();
    }

    /** Now, on the clock the idle time is measured with. */
    long now() {
        return ticker.read();
    }

    /** Runs {@code check} in {@code nanos}; not at all if the client's executor was shut down meanwhile. */
    void after(long nanos, Runnable check) {
        try {
            CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, executor).execute(check);
        } catch (RejectedExecutionException closed) {
            // the transport is closed, and with it the exchanges its client was running
        }
    }

    /** The error of a body that waited {@link #idleNanos()} for the network. */
    IOException stalled() {
        return new IOException((exchange == null ? "a response" : exchange) + ": no response body bytes for "
                + ExchangeNames.format(idle) + " (the body idle timeout); the exchange is cancelled");
    }

    /** {@code error} naming the exchange, as {@link ExchangeNames#named} does. */
    Throwable named(Throwable error) {
        return exchange == null ? error : ExchangeNames.named(exchange, error);
    }
}
