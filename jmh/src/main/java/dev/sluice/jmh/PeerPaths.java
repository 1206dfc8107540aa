package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import okio.Buffer;
import okio.Okio;
import okio.Sink;
import okio.Throttler;
import org.apache.commons.io.input.ThrottledInputStream;

/**
 * The peers' pacing paths, each through the library's own public API, at the check's rate in bytes (one
 * token or permit per byte). Every peer builds a fresh limiter per run, as the Sluice paths do, and writes
 * into the same {@link TimestampingSink}: blocking peers take {@link PacingPath#CHUNK_BYTES} chunks, the
 * stream wrappers see the same writes and reads as Sluice's streams.
 */
final class PeerPaths {

    /** Okio's {@code Throttler} defaults: it waits for 8 KiB and grants at most 256 KiB at once. */
    static final long OKIO_DEFAULT_WAIT_BYTES = 8 * 1024;

    private PeerPaths() {
    }

    /**
     * Bucket4j's own bucket: greedy refill at the rate, {@code capacity} tokens, starting full (its default),
     * on its default millisecond clock and lock-free strategy; {@code asBlocking().consume(chunk)} per chunk.
     * A blocking consume above the capacity is refused ("reservation overflow"), so the capacity must hold a
     * chunk.
     */
    static void bucket4j(PacingPath.Transfer transfer, long capacity) throws InterruptedException {
        long refillNanos = transfer.rate().nanosToSend(capacity);
        Bucket bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofNanos(refillNanos)))
                .build();
        BlockingBucket blocking = bucket.asBlocking();
        byte[] payload = transfer.payload();
        for (int offset = 0; offset < payload.length; offset += PacingPath.CHUNK_BYTES) {
            int n = Math.min(PacingPath.CHUNK_BYTES, payload.length - offset);
            blocking.consume(n);
            transfer.sink().write(payload, offset, n);
        }
    }

    /**
     * Resilience4j's {@code AtomicRateLimiter}: {@code limitForPeriod} permits (bytes) at the start of each
     * refresh period, the period chosen so that the rate holds; the default 5 s timeout. Permits do not
     * accumulate across periods and periods count from the limiter's creation, so its granularity is the
     * period: the whole {@code limitForPeriod} may go at once at each period's start.
     */
    static void resilience4j(PacingPath.Transfer transfer, int limitForPeriod) {
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(limitForPeriod)
                .limitRefreshPeriod(Duration.ofNanos(transfer.rate().nanosToSend(limitForPeriod)))
                .build();
        RateLimiter limiter = RateLimiter.of("pacing-check", config);
        byte[] payload = transfer.payload();
        for (int offset = 0; offset < payload.length; offset += PacingPath.CHUNK_BYTES) {
            int n = Math.min(PacingPath.CHUNK_BYTES, payload.length - offset);
            if (!limiter.acquirePermission(n)) {
                throw new IllegalStateException("resilience4j refused " + n + " permits within its "
                        + config.getTimeoutDuration() + " timeout");
            }
            transfer.sink().write(payload, offset, n);
        }
    }

    /**
     * Okio's {@code Throttler} on the sink, written in {@link PacingPath#WRITE_BYTES} writes as Sluice's
     * output stream is. {@code maxBytes} is 0 for Okio's defaults ({@code bytesPerSecond(rate)} alone: wait
     * for 8 KiB, at most 256 KiB at once), else {@code bytesPerSecond(rate, 8 KiB, maxBytes)}.
     */
    static void okio(PacingPath.Transfer transfer, long maxBytes) throws IOException {
        Throttler throttler = new Throttler();
        long bytesPerSecond = wholeBytesPerSecond(transfer.rate());
        if (maxBytes == 0) {
            throttler.bytesPerSecond(bytesPerSecond);
        } else {
            throttler.bytesPerSecond(bytesPerSecond, OKIO_DEFAULT_WAIT_BYTES, maxBytes);
        }
        byte[] payload = transfer.payload();
        try (Sink sink = throttler.sink(Okio.sink(transfer.sink()))) {
            for (int offset = 0; offset < payload.length; offset += PacingPath.WRITE_BYTES) {
                int n = Math.min(PacingPath.WRITE_BYTES, payload.length - offset);
                Buffer buffer = new Buffer().write(payload, offset, n);
                sink.write(buffer, n);
            }
        }
    }

    /**
     * Commons IO's {@code ThrottledInputStream} over the payload, read in {@link PacingPath#CHUNK_BYTES}
     * reads as Sluice's input stream is. It has no burst setting: before each read it sleeps until the
     * average since the stream was built is back at the rate (millisecond clock and sleeps).
     */
    static void commonsIo(PacingPath.Transfer transfer) throws IOException {
        byte[] buffer = new byte[PacingPath.CHUNK_BYTES];
        // per second only: the overloads with other units scale the rate wrongly (see the anchors, 2.8)
        try (InputStream in = ThrottledInputStream.builder()
                .setInputStream(new ByteArrayInputStream(transfer.payload()))
                .setMaxBytes(wholeBytesPerSecond(transfer.rate()), ChronoUnit.SECONDS)
                .get()) {
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                transfer.sink().write(buffer, 0, n);
            }
        }
    }

    /** The rate in whole bytes per second (the peers take integers), at least 1. */
    static long wholeBytesPerSecond(DataRate rate) {
        return Math.max(1, Math.round(rate.bytesPerSecond()));
    }

    /**
     * The rate's one second of bytes as an {@code int} (Resilience4j's permits and Bucket4j's usual
     * capacity), at least one chunk.
     *
     * @throws IllegalArgumentException if one second of bytes does not fit an {@code int}
     */
    static int oneSecondOfBytes(DataRate rate) {
        long bytes = wholeBytesPerSecond(rate);
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rate " + rate + " is above what the peers take as permits per second ("
                    + Integer.MAX_VALUE + " B/s)");
        }
        return (int) Math.max(bytes, PacingPath.CHUNK_BYTES);
    }
}
