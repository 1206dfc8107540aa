package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Pacer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * One scale run ({@link ScaleMain}): {@code streams} asynchronous paced streams, each a chain of
 * {@link Pacer#acquireAsync} grants of 8 KiB on its own pacer, all over one leaky bucket at {@code rate},
 * for {@code seconds}; consumers only count bytes (no socket). At the deadline no stream asks again and the
 * grants still waiting are cancelled (which gives their budget back).
 */
final class ScaleRun {

    private static final long CHUNK = PacingPath.CHUNK_BYTES;

    private final int streams;
    private final DataRate rate;
    private final long durationNanos;
    private final ReleaseLog log;
    private final long[] perStream;
    private final AtomicReferenceArray<CompletableFuture<Void>> pending;
    private volatile boolean stopped;
    private volatile long deadline;

    ScaleRun(int streams, DataRate rate, long durationNanos) {
        this.streams = streams;
        this.rate = rate;
        this.durationNanos = durationNanos;
        this.log = new ReleaseLog((int) Math.min(1 << 22, rate.bytesIn(durationNanos) / CHUNK + streams + 16));
        this.perStream = new long[streams];
        this.pending = new AtomicReferenceArray<>(streams);
    }

    /** Runs the streams until the deadline and returns the figures. */
    ScaleResult run() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        int threadsBefore = threads.getThreadCount();
        threads.resetPeakThreadCount();
        LeakyBucket shared = LeakyBucket.of(rate);
        long start = System.nanoTime();
        deadline = start + durationNanos;
        for (int s = 0; s < streams; s++) {
            next(s, Pacer.of(shared));
        }
        // half-way, every stream holds a waiting grant (or is between two): the state that scale costs
        sleepUntil(start + durationNanos / 2);
        System.gc();
        long heapDuring = memory.getHeapMemoryUsage().getUsed();
        int threadsDuring = threads.getThreadCount();
        sleepUntil(deadline);
        stopped = true;
        for (int s = 0; s < streams; s++) {
            CompletableFuture<Void> waiting = pending.get(s);
            if (waiting != null) {
                waiting.cancel(false);
            }
        }
        int peak = threads.getPeakThreadCount();
        long[] shares;
        synchronized (this) {
            shares = perStream.clone();
        }
        double achieved = log.releases() > 1 ? log.achievedBytesPerSecond(PathResult.T0_TOLERANCE_NANOS) : Double.NaN;
        return new ScaleResult(streams, rate, durationNanos / 1e9, log.releases(), log.totalBytes(), achieved,
                PathResult.errorPercent(achieved, rate), threadsBefore, threadsDuring, peak,
                (heapDuring - heapBefore) / (double) streams, Fairness.jainIndex(shares));
    }

    private void next(int stream, Pacer pacer) {
        if (stopped) {
            return;
        }
        CompletableFuture<Void> grant = pacer.acquireAsync(CHUNK);
        pending.set(stream, grant);
        grant.whenComplete((ok, failure) -> {
            if (failure != null) {
                return; // cancelled at the deadline
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return;
            }
            synchronized (this) {
                log.record(Math.max(now, log.releases() == 0 ? now : log.lastNanos()), CHUNK);
                perStream[stream] += CHUNK;
            }
            next(stream, pacer);
        });
    }

    private static void sleepUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }
}
