package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.ThrottledInputStream;
import dev.sluice.throttle.ThrottledOutputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One way of pushing the payload through a rate limit into a {@link TimestampingSink}. Each path builds a
 * fresh limiter, so no path inherits another's debt or credit. Peers run at their defaults ({@code -default})
 * and, where the library has a burst setting, at a fair configuration ({@code -fair}: the same burst as
 * Sluice's bucket, {@code --burst}, at least one chunk); see {@link PeerPaths}. Peers are measured, never
 * judged: {@link #isPeer()}.
 */
enum PacingPath {

    /** {@link ThrottledOutputStream} over the sink, written in 64 KiB writes (paced in 8 KiB chunks). */
    BLOCKING_OUTPUT_STREAM("blocking-output-stream") {
        @Override
        void transfer(Transfer transfer) throws Exception {
            Pacer pacer = Pacer.of(transfer.newBucket());
            byte[] payload = transfer.payload();
            try (OutputStream out = new ThrottledOutputStream(transfer.sink(), pacer)) {
                for (int offset = 0; offset < payload.length; offset += WRITE_BYTES) {
                    out.write(payload, offset, Math.min(WRITE_BYTES, payload.length - offset));
                }
            }
        }
    },

    /** {@link ThrottledInputStream} over a {@link ByteArrayInputStream}, read in 8 KiB reads until the end. */
    BLOCKING_INPUT_STREAM("blocking-input-stream") {
        @Override
        void transfer(Transfer transfer) throws Exception {
            Pacer pacer = Pacer.of(transfer.newBucket());
            byte[] buffer = new byte[CHUNK_BYTES];
            try (InputStream in = new ThrottledInputStream(new ByteArrayInputStream(transfer.payload()), pacer)) {
                int n;
                while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                    transfer.sink().write(buffer, 0, n);
                }
            }
        }
    },

    /** {@link Pacer#acquireAsync(long)} chained chunk after chunk on the shared scheduler; no thread waits. */
    ASYNC_PACER("async-pacer") {
        @Override
        void transfer(Transfer transfer) throws Exception {
            Pacer pacer = Pacer.of(transfer.newBucket());
            CompletableFuture<Void> done = new CompletableFuture<>();
            sendFrom(0, pacer, transfer, done);
            DataRate rate = transfer.rate();
            long expected = rate.nanosToSend(transfer.payload().length);
            // the sink's idle stall holds the chain too: wait for it on top of the transfer
            done.get(2 * expected + transfer.sink().idleNanos() + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
        }

        private void sendFrom(int offset, Pacer pacer, Transfer transfer, CompletableFuture<Void> done) {
            byte[] payload = transfer.payload();
            if (offset >= payload.length) {
                done.complete(null);
                return;
            }
            int n = Math.min(CHUNK_BYTES, payload.length - offset);
            // a grant that is due at once completes here, on this thread; only the burst does, so the
            // recursion stays as shallow as the burst is in chunks
            pacer.acquireAsync(n).whenComplete((granted, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                    return;
                }
                try {
                    transfer.sink().write(payload, offset, n);
                    sendFrom(offset + n, pacer, transfer, done);
                } catch (RuntimeException e) {
                    // thrown on the scheduler's thread it would only fail a future nobody reads
                    done.completeExceptionally(e);
                }
            });
        }
    },

    /**
     * Guava's {@code RateLimiter} at the same rate in permits (bytes) per second, 8 KiB a chunk. Its burst
     * (one second of stored permits) cannot be set, so it has one configuration.
     */
    GUAVA("guava", Owner.PEER) {
        @Override
        void transfer(Transfer transfer) {
            com.google.common.util.concurrent.RateLimiter limiter =
                    com.google.common.util.concurrent.RateLimiter.create(transfer.rate().bytesPerSecond());
            byte[] payload = transfer.payload();
            for (int offset = 0; offset < payload.length; offset += CHUNK_BYTES) {
                int n = Math.min(CHUNK_BYTES, payload.length - offset);
                limiter.acquire(n);
                transfer.sink().write(payload, offset, n);
            }
        }
    },

    /** Bucket4j's own blocking bucket at its defaults: capacity one second of tokens, starting full. */
    BUCKET4J_DEFAULT("bucket4j-default", Owner.PEER) {
        @Override
        void transfer(Transfer transfer) throws Exception {
            PeerPaths.bucket4j(transfer, PeerPaths.oneSecondOfBytes(transfer.rate()));
        }
    },

    /** Bucket4j's own blocking bucket with the fair burst as its capacity. */
    BUCKET4J_FAIR("bucket4j-fair", Owner.PEER) {
        @Override
        void transfer(Transfer transfer) throws Exception {
            PeerPaths.bucket4j(transfer, transfer.fairBurstBytes());
        }
    },

    /** Resilience4j's {@code RateLimiter} written the usual way: one second's permits every second. */
    RESILIENCE4J_DEFAULT("resilience4j-default", Owner.PEER) {
        @Override
        void transfer(Transfer transfer) {
            PeerPaths.resilience4j(transfer, PeerPaths.oneSecondOfBytes(transfer.rate()));
        }
    },

    /** Resilience4j's {@code RateLimiter} with the fair burst per period (16 KiB every 160 ms at 100 KiB/s). */
    RESILIENCE4J_FAIR("resilience4j-fair", Owner.PEER) {
        @Override
        void transfer(Transfer transfer) {
            PeerPaths.resilience4j(transfer, transfer.fairBurstBytes());
        }
    },

    /** Okio's {@code Throttler} at its defaults: 8 KiB waits, at most 256 KiB at once. */
    OKIO_DEFAULT("okio-default", Owner.PEER) {
        @Override
        void transfer(Transfer transfer) throws Exception {
            PeerPaths.okio(transfer, 0);
        }
    },

    /** Okio's {@code Throttler} with the fair burst as its maximum grant. */
    OKIO_FAIR("okio-fair", Owner.PEER) {
        @Override
        void transfer(Transfer transfer) throws Exception {
            PeerPaths.okio(transfer, transfer.fairBurstBytes());
        }
    },

    /** Commons IO's {@code ThrottledInputStream}: its one setting is the rate, so only its defaults. */
    COMMONS_IO_DEFAULT("commons-io-default", Owner.PEER) {
        @Override
        void transfer(Transfer transfer) throws Exception {
            PeerPaths.commonsIo(transfer);
        }
    },

    /** Netty's {@code GlobalTrafficShapingHandler} over loopback TCP, its default 1 s check interval. */
    NETTY_DEFAULT("netty-default", Owner.PEER) {
        @Override
        void transfer(Transfer transfer) throws Exception {
            NettyPath.send(transfer, 0);
        }
    },

    /** Netty's {@code GlobalTrafficShapingHandler} counting over the fair burst's time (160 ms). */
    NETTY_FAIR("netty-fair", Owner.PEER) {
        @Override
        void transfer(Transfer transfer) throws Exception {
            NettyPath.send(transfer, NettyPath.fairCheckIntervalMillis(transfer));
        }
    };

    /** Whose limiter a path runs. */
    enum Owner {
        /** Sluice's own code: the pacing check judges it. */
        SLUICE,
        /** Another library: measured side by side, never judged. */
        PEER
    }

    /** The chunk of the input stream, the async pacer and the blocking peers. */
    static final int CHUNK_BYTES = 8 * 1024;
    /** The size of one write to the throttled output stream. */
    static final int WRITE_BYTES = 64 * 1024;

    private final String id;
    private final Owner owner;

    PacingPath(String id) {
        this(id, Owner.SLUICE);
    }

    PacingPath(String id, Owner owner) {
        this.id = id;
        this.owner = owner;
    }

    /** Whether the path runs another library's limiter (measured, not held to Sluice's bounds). */
    boolean isPeer() {
        return owner == Owner.PEER;
    }

    /** The name used by {@code --paths} and in the report. */
    String id() {
        return id;
    }

    /** Pushes the whole payload into the sink; returns when the transfer is complete. */
    abstract void transfer(Transfer transfer) throws Exception;

    /**
     * The path called {@code id}.
     *
     * @throws IllegalArgumentException naming the value and the known paths
     */
    static PacingPath byId(String id) {
        for (PacingPath path : values()) {
            if (path.id.equals(id)) {
                return path;
            }
        }
        throw new IllegalArgumentException("unknown path \"" + id + "\"; allowed: " + allIds());
    }

    /** The known path names, comma-separated, in run order. */
    static String allIds() {
        return Arrays.stream(values()).map(PacingPath::id).collect(Collectors.joining(","));
    }

    /** What one path gets: the payload, the limit and the receiver. */
    static final class Transfer {
        private final byte[] payload;
        private final DataRate rate;
        private final DataSize burst;
        private final TimestampingSink sink;

        Transfer(byte[] payload, DataRate rate, DataSize burst, TimestampingSink sink) {
            this.payload = payload;
            this.rate = rate;
            this.burst = burst;
            this.sink = sink;
        }

        byte[] payload() {
            return payload;
        }

        DataRate rate() {
            return rate;
        }

        /** The peers' fair burst: Sluice's burst, but at least one chunk (a peer cannot grant less at once). */
        int fairBurstBytes() {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(burst.bytes(), CHUNK_BYTES));
        }

        TimestampingSink sink() {
            return sink;
        }

        /** A bucket that starts full, as a fresh transfer does. */
        LeakyBucket newBucket() {
            return LeakyBucket.builder().rate(rate).burst(burst).build();
        }
    }
}
