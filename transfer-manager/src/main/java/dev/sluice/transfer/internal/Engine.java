package dev.sluice.transfer.internal;

import dev.sluice.api.Ticker;
import dev.sluice.throttle.Parker;
import dev.sluice.transfer.TransferConfig;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the jobs of one manager share: the connection, the configuration, the part pool (exactly
 * {@link TransferConfig#maxConcurrency()} threads, first come first served, for every part of every
 * transfer) and the coordinator pool (one thread per running transfer, at most
 * {@link TransferConfig#maxConcurrency()} of them; further transfers wait in its queue, first come first
 * served). A coordinator mostly waits for its parts and sends the few control requests; it never holds a
 * part slot and never waits for another transfer, so a transfer waiting for a coordinator cannot block one
 * that has it. More coordinators than part threads would only queue more parts, not move more bytes.
 */
public final class Engine {

    private final Connection connection;
    private final TransferConfig config;
    private final Ticker ticker;
    private final Attempts attempts;
    private final ExecutorService parts;
    private final ExecutorService coordinators;

    /** An engine; it starts its threads on demand. */
    public Engine(Connection connection, TransferConfig config, Ticker ticker, Parker parker) {
        this.connection = connection;
        this.config = config;
        this.ticker = ticker;
        this.attempts = new Attempts(config.partAttempts(), config.retryBackoff(), parker, ticker);
        this.parts = new ThreadPoolExecutor(config.maxConcurrency(), config.maxConcurrency(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons("sluice-transfer-part-"));
        ((ThreadPoolExecutor) parts).allowCoreThreadTimeOut(true);
        this.coordinators = new ThreadPoolExecutor(config.maxConcurrency(), config.maxConcurrency(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons("sluice-transfer-"));
        ((ThreadPoolExecutor) coordinators).allowCoreThreadTimeOut(true);
    }

    /** Starts {@code job} on a coordinator thread. */
    public void start(Job job) {
        coordinators.execute(job);
    }

    /** Stops the threads once the jobs have ended. */
    public void shutdown() {
        parts.shutdown();
        coordinators.shutdown();
    }

    Connection connection() {
        return connection;
    }

    TransferConfig config() {
        return config;
    }

    Ticker ticker() {
        return ticker;
    }

    Attempts attempts() {
        return attempts;
    }

    ExecutorService parts() {
        return parts;
    }

    /** The transfers waiting for a coordinator. */
    int queuedTransfers() {
        return ((ThreadPoolExecutor) coordinators).getQueue().size();
    }

    /** Whether {@code thread} is one of this engine's coordinator or part threads. */
    public boolean owns(Thread thread) {
        return thread instanceof Worker && ((Worker) thread).engine == this;
    }

    private ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Worker(this, task, prefix + count.incrementAndGet());
            thread.setDaemon(true); // a forgotten manager must not keep the JVM alive
            return thread;
        };
    }

    /** A thread of an engine, so that a call from a subscriber callback can be told from any other. */
    private static final class Worker extends Thread {
        final Engine engine;

        Worker(Engine engine, Runnable task, String name) {
            super(task, name);
            this.engine = engine;
        }
    }
}
