package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.ThrottledOutputStream;
import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.Bucket;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One way for several streams to share one budget in the fairness check ({@link FairnessMain}): every
 * stream sends the same number of bytes, all start together, each through its own wrapper or loop over
 * one shared limiter. Blocking paths run one platform thread per stream; the async path none.
 */
enum FairnessPath {

    /** One {@link ThrottledOutputStream} per stream (its own {@link Pacer}) over one shared leaky bucket. */
    SLUICE_OUTPUT_STREAMS("sluice-output-streams", false) {
        @Override
        void run(Run run) throws Exception {
            LeakyBucket shared = LeakyBucket.builder().rate(run.rate).burst(run.burst).build();
            byte[] write = new byte[PacingPath.WRITE_BYTES];
            onThreads(run, stream -> {
                try (OutputStream out = new ThrottledOutputStream(run.sink.stream(stream), Pacer.of(shared))) {
                    for (long sent = 0; sent < run.bytesPerStream; sent += write.length) {
                        out.write(write, 0, (int) Math.min(write.length, run.bytesPerStream - sent));
                    }
                }
            });
        }
    },

    /** One chain of {@link Pacer#acquireAsync} per stream (8 KiB at a time) over one shared leaky bucket. */
    SLUICE_ASYNC("sluice-async", false) {
        @Override
        void run(Run run) throws Exception {
            LeakyBucket shared = LeakyBucket.builder().rate(run.rate).burst(run.burst).build();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int stream = 0; stream < run.streams; stream++) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                AsyncChain.send(Pacer.of(shared), run.sink.stream(stream), run.bytesPerStream, done);
                all.add(done);
            }
            long timeout = 2 * run.rate.nanosToSend(run.bytesPerStream * run.streams) + TimeUnit.SECONDS.toNanos(30);
            CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(timeout, TimeUnit.NANOSECONDS);
        }
    },

    /** Guava's {@code RateLimiter} shared by the streams' threads, {@code acquire(8 KiB)} per chunk. */
    GUAVA("guava", true) {
        @Override
        void run(Run run) throws Exception {
            com.google.common.util.concurrent.RateLimiter shared =
                    com.google.common.util.concurrent.RateLimiter.create(run.rate.bytesPerSecond());
            chunks(run, shared::acquire);
        }
    },

    /** Bucket4j's blocking bucket at its defaults (one second of capacity, starting full), shared. */
    BUCKET4J_DEFAULT("bucket4j-default", true) {
        @Override
        void run(Run run) throws Exception {
            BlockingBucket shared = bucket4j(run, PeerPaths.oneSecondOfBytes(run.rate));
            chunks(run, shared::consume);
        }
    },

    /** Bucket4j's blocking bucket with Sluice's burst as capacity, shared. */
    BUCKET4J_FAIR("bucket4j-fair", true) {
        @Override
        void run(Run run) throws Exception {
            BlockingBucket shared = bucket4j(run, Math.max(run.burst.bytes(), PacingPath.CHUNK_BYTES));
            chunks(run, shared::consume);
        }
    };

    private final String id;
    private final boolean peer;

    FairnessPath(String id, boolean peer) {
        this.id = id;
        this.peer = peer;
    }

    String id() {
        return id;
    }

    /** Whether the path runs another library's limiter (measured, never judged). */
    boolean isPeer() {
        return peer;
    }

    /** Sends every stream's bytes into {@code run.sink}; returns when all are done. */
    abstract void run(Run run) throws Exception;

    /** The path called {@code id}. @throws IllegalArgumentException naming the value and the known paths */
    static FairnessPath byId(String id) {
        for (FairnessPath path : values()) {
            if (path.id.equals(id)) {
                return path;
            }
        }
        throw new IllegalArgumentException("unknown path \"" + id + "\"; allowed: " + allIds());
    }

    static String allIds() {
        return Arrays.stream(values()).map(FairnessPath::id).collect(Collectors.joining(","));
    }

    /** What a run gets: the streams, each one's bytes, the shared budget and the receiver. */
    record Run(int streams, long bytesPerStream, DataRate rate, DataSize burst, FairnessSink sink) {
    }

    private interface StreamBody {
        void send(int stream) throws Exception;
    }

    private interface ChunkGate {
        void take(int bytes) throws Exception;
    }

    private static BlockingBucket bucket4j(Run run, long capacity) {
        long refillNanos = run.rate.nanosToSend(capacity);
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofNanos(refillNanos)))
                .build()
                .asBlocking();
    }

    /** Every stream on its own thread: take a chunk from the shared gate, then write it. */
    private static void chunks(Run run, ChunkGate gate) throws Exception {
        byte[] chunk = new byte[PacingPath.CHUNK_BYTES];
        onThreads(run, stream -> {
            OutputStream out = run.sink.stream(stream);
            for (long sent = 0; sent < run.bytesPerStream; sent += chunk.length) {
                int n = (int) Math.min(chunk.length, run.bytesPerStream - sent);
                gate.take(n);
                out.write(chunk, 0, n);
            }
        });
    }

    /** Runs {@code body} for every stream on its own platform thread, all released at once; rethrows a failure. */
    private static void onThreads(Run run, StreamBody body) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Exception[] failure = new Exception[1];
        List<Thread> threads = new ArrayList<>();
        for (int stream = 0; stream < run.streams; stream++) {
            int s = stream;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    body.send(s);
                } catch (Exception e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "fairness-stream-" + stream);
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }
}
