package dev.sluice.jmh;

import java.io.OutputStream;
import java.util.Objects;

/**
 * The receiver of the fairness check: one {@link ReleaseLog} for the streams together (the aggregate rate)
 * and a byte count per stream. A stream's share counts only the writes made while every stream was still
 * sending (up to and including the write that completes the first stream to finish), since a stream that
 * has finished leaves the budget to the others, and only from {@code settleNanos} after the first write on:
 * threads that wake late from the common start give the first ones a head start of a few chunks, a race of
 * the start, not of the limiter. Timestamps are taken under the sink's lock, so the log's
 * instants are in order whatever thread writes.
 */
final class FairnessSink {

    private final ReleaseLog log;
    private final long[] whileAllSent;
    private final long[] total;
    private final long bytesPerStream;
    private final long settleNanos;
    private boolean oneFinished;
    private long firstNanos;

    /**
     * A sink for {@code streams} streams of {@code bytesPerStream} each, whose shares count from
     * {@code settleNanos} after the first write.
     */
    FairnessSink(int streams, long bytesPerStream, long settleNanos, int expectedWrites) {
        this.settleNanos = settleNanos;
        this.log = new ReleaseLog(expectedWrites);
        this.whileAllSent = new long[streams];
        this.total = new long[streams];
        this.bytesPerStream = bytesPerStream;
    }

    /** Records {@code length} bytes of stream {@code stream} arriving now. */
    synchronized void arrived(int stream, int length) {
        long now = System.nanoTime();
        if (log.releases() == 0) {
            firstNanos = now;
        }
        log.record(now, length);
        total[stream] += length;
        if (!oneFinished && now - firstNanos >= settleNanos) {
            whileAllSent[stream] += length;
        }
        oneFinished |= total[stream] >= bytesPerStream;
    }

    /** Stream {@code stream}'s end, as an output stream that discards the bytes after recording them. */
    OutputStream stream(int stream) {
        Objects.checkIndex(stream, total.length);
        return new OutputStream() {
            @Override
            public void write(int b) {
                arrived(stream, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) {
                Objects.checkFromIndexSize(offset, length, buffer.length);
                if (length > 0) {
                    arrived(stream, length);
                }
            }
        };
    }

    ReleaseLog log() {
        return log;
    }

    /** Each stream's bytes while every stream was sending, from the settling time on. */
    synchronized long[] bytesWhileAllSent() {
        return whileAllSent.clone();
    }

    /** Whether every stream delivered all its bytes. */
    synchronized boolean complete() {
        for (long t : total) {
            if (t != bytesPerStream) {
                return false;
            }
        }
        return true;
    }
}
