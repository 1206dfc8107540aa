package dev.sluice.transfer.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The parts of one transfer, run on the manager's part pool. The first part that fails stops the others
 * (queued ones never start, running ones are interrupted), and {@link #ended()} completes only once every
 * part has really stopped, so that a multipart upload is aborted after its last part request, not while
 * one is still on the wire.
 */
final class PartGroup {

    /** The work of one part; it blocks, and an interrupt stops it. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException, InterruptedException;
    }

    private final List<PartTask> tasks = new ArrayList<>();
    private final AtomicInteger running;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    PartGroup(List<Work> parts) {
        this.running = new AtomicInteger(parts.size());
        for (Work work : parts) {
            tasks.add(new PartTask(work));
        }
        if (parts.isEmpty()) {
            ended.complete(null);
        }
    }

    /** Queues every part on {@code pool}. */
    void start(Executor pool) {
        for (PartTask task : tasks) {
            pool.execute(task);
        }
    }

    /** Stops every part: the queued never start, the running are interrupted. */
    void cancelAll() {
        for (PartTask task : tasks) {
            task.cancel();
        }
    }

    /** Completes when every part has ended, however. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    /** The first failure of a part, if any. */
    Throwable failure() {
        return failure.get();
    }

    private void partFailed(Throwable error) {
        if (failure.compareAndSet(null, error)) {
            cancelAll();
        }
    }

    private void partEnded() {
        if (running.decrementAndGet() == 0) {
            ended.complete(null);
        }
    }

    /**
     * One part on the pool. Its state and thread are guarded by its own lock, and an interrupt is sent only
     * while the part runs; the part clears the flag before its thread goes back to the pool, so an interrupt
     * meant for it never reaches the next task.
     */
    private final class PartTask implements Runnable {
        private final Work work;
        private boolean queued = true;
        private Thread thread;

        PartTask(Work work) {
            this.work = work;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (!queued) {
                    return; // cancelled before it started; already counted as ended
                }
                queued = false;
                thread = Thread.currentThread();
            }
            try {
                work.run();
            } catch (Throwable error) {
                partFailed(error);
            } finally {
                synchronized (this) {
                    thread = null;
                }
                Thread.interrupted();
                partEnded();
            }
        }

        void cancel() {
            boolean neverStarted;
            synchronized (this) {
                neverStarted = queued;
                queued = false;
                if (thread != null) {
                    thread.interrupt();
                }
            }
            if (neverStarted) {
                partEnded();
            }
        }
    }
}
