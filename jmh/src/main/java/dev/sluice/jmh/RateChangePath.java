package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.ThrottledOutputStream;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okio.Buffer;
import okio.Okio;
import okio.Sink;
import okio.Throttler;

/**
 * One sender whose rate is changed mid-run by the rate-change check ({@link RateChangeMain}), through the
 * library's own call: Sluice's {@code LeakyBucket.setRate} (blocking stream and async chain), Guava's
 * {@code setRate}, Bucket4j's {@code replaceConfiguration} (tokens inherited as they are) and Okio's
 * {@code Throttler.bytesPerSecond}.
 */
enum RateChangePath {

    SLUICE_BLOCKING("sluice-blocking", false) {
        @Override
        Sender create(DataRate rate, DataSize burst) {
            LeakyBucket bucket = LeakyBucket.builder().rate(rate).burst(burst).build();
            return new Sender(bucket::setRate, (out, bytes) -> {
                byte[] write = new byte[PacingPath.WRITE_BYTES];
                try (OutputStream throttled = new ThrottledOutputStream(out, Pacer.of(bucket))) {
                    for (long sent = 0; sent < bytes; sent += write.length) {
                        throttled.write(write, 0, (int) Math.min(write.length, bytes - sent));
                    }
                }
            });
        }
    },

    SLUICE_ASYNC("sluice-async", false) {
        @Override
        Sender create(DataRate rate, DataSize burst) {
            LeakyBucket bucket = LeakyBucket.builder().rate(rate).burst(burst).build();
            return new Sender(bucket::setRate, (out, bytes) -> {
                CompletableFuture<Void> done = new CompletableFuture<>();
                AsyncChain.send(Pacer.of(bucket), out, bytes, done);
                done.get(10 * rate.nanosToSend(bytes) + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
            });
        }
    },

    GUAVA("guava", true) {
        @Override
        Sender create(DataRate rate, DataSize burst) {
            com.google.common.util.concurrent.RateLimiter limiter =
                    com.google.common.util.concurrent.RateLimiter.create(rate.bytesPerSecond());
            return new Sender(r -> limiter.setRate(r.bytesPerSecond()), (out, bytes) -> chunks(out, bytes, limiter::acquire));
        }
    },

    /** Bucket4j with Sluice's burst as capacity; the new configuration keeps the tokens as they are. */
    BUCKET4J_FAIR("bucket4j-fair", true) {
        @Override
        Sender create(DataRate rate, DataSize burst) {
            long capacity = Math.max(burst.bytes(), PacingPath.CHUNK_BYTES);
            Bucket bucket = Bucket.builder().addLimit(limit -> limit.capacity(capacity)
                    .refillGreedy(capacity, Duration.ofNanos(rate.nanosToSend(capacity)))).build();
            return new Sender(r -> bucket.replaceConfiguration(BucketConfiguration.builder()
                            .addLimit(limit -> limit.capacity(capacity)
                                    .refillGreedy(capacity, Duration.ofNanos(r.nanosToSend(capacity))))
                            .build(), TokensInheritanceStrategy.AS_IS),
                    (out, bytes) -> chunks(out, bytes, n -> bucket.asBlocking().consume(n)));
        }
    },

    /** Okio's {@code Throttler} with Sluice's burst as its maximum grant, its rate set again mid-run. */
    OKIO_FAIR("okio-fair", true) {
        @Override
        Sender create(DataRate rate, DataSize burst) {
            Throttler throttler = new Throttler();
            long max = Math.max(burst.bytes(), PacingPath.CHUNK_BYTES);
            throttler.bytesPerSecond(PeerPaths.wholeBytesPerSecond(rate), PeerPaths.OKIO_DEFAULT_WAIT_BYTES, max);
            return new Sender(r -> throttler.bytesPerSecond(PeerPaths.wholeBytesPerSecond(r),
                    PeerPaths.OKIO_DEFAULT_WAIT_BYTES, max), (out, bytes) -> {
                        try (Sink sink = throttler.sink(Okio.sink(out))) {
                            byte[] write = new byte[PacingPath.WRITE_BYTES];
                            for (long sent = 0; sent < bytes; sent += write.length) {
                                int n = (int) Math.min(write.length, bytes - sent);
                                sink.write(new Buffer().write(write, 0, n), n);
                            }
                        }
                    });
        }
    };

    private final String id;
    private final boolean peer;

    RateChangePath(String id, boolean peer) {
        this.id = id;
        this.peer = peer;
    }

    String id() {
        return id;
    }

    boolean isPeer() {
        return peer;
    }

    /** A fresh sender at {@code rate}. */
    abstract Sender create(DataRate rate, DataSize burst);

    /** The path called {@code id}. @throws IllegalArgumentException naming the value and the known paths */
    static RateChangePath byId(String id) {
        for (RateChangePath path : values()) {
            if (path.id.equals(id)) {
                return path;
            }
        }
        throw new IllegalArgumentException("unknown path \"" + id + "\"; allowed: " + allIds());
    }

    static String allIds() {
        return Arrays.stream(values()).map(RateChangePath::id).collect(Collectors.joining(","));
    }

    /** Changes a running sender's rate. */
    interface RateSetter {
        void set(DataRate rate);
    }

    /** Sends {@code bytes} to {@code out}, paced. */
    interface Body {
        void send(OutputStream out, long bytes) throws Exception;
    }

    private interface ChunkGate {
        void take(int bytes) throws Exception;
    }

    /** A sender and the call that changes its rate. */
    record Sender(RateSetter rate, Body body) {
    }

    private static void chunks(OutputStream out, long bytes, ChunkGate gate) throws Exception {
        byte[] chunk = new byte[PacingPath.CHUNK_BYTES];
        for (long sent = 0; sent < bytes; sent += chunk.length) {
            int n = (int) Math.min(chunk.length, bytes - sent);
            gate.take(n);
            out.write(chunk, 0, n);
        }
    }
}
