package dev.sluice.jmh;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The receiver of the pacing check: keeps every byte in memory (so the payload can be checked intact) and
 * records each write, as it arrives, in a {@link ReleaseLog} stamped with {@link System#nanoTime()}.
 */
final class TimestampingSink extends OutputStream {

    private final byte[] received;
    private final ReleaseLog log;
    private int size;

    /** A sink for exactly {@code capacity} bytes, each write recorded as one release. */
    TimestampingSink(int capacity, int expectedWrites) {
        this.received = new byte[capacity];
        this.log = new ReleaseLog(expectedWrites);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return;
        }
        // stamp first: the copy is part of what the receiver does after the bytes arrived
        long now = System.nanoTime();
        if (length > received.length - size) {
            throw new IllegalStateException("sink holds " + received.length + " B; " + (size + length) + " B written");
        }
        System.arraycopy(buffer, offset, received, size, length);
        size += length;
        log.record(now, length);
    }

    /** The releases recorded so far. */
    ReleaseLog log() {
        return log;
    }

    /** Whether the sink received exactly {@code payload}, byte for byte. */
    synchronized boolean holdsExactly(byte[] payload) {
        return size == payload.length && Arrays.equals(received, 0, size, payload, 0, payload.length);
    }
}
