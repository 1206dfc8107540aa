package dev.sluice.jmh;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * The receiver of the pacing check: keeps every byte in memory (so the payload can be checked intact) and
 * records each write, as it arrives, in a {@link ReleaseLog} stamped with {@link System#nanoTime()}.
 *
 * <p>Two optional behaviours serve the extra metrics. <b>Idle:</b> once the first {@code mainBytes} have
 * arrived, the write that completed them stalls for {@code idleNanos} before it returns, so the sender's
 * limiter sees exactly what an application that pauses between two writes shows it (no call for that
 * long); later writes go to a second log, {@link #afterIdleLog()}. <b>Link:</b> with a link rate, every
 * write is held until the bytes would have crossed a link of that rate (one byte after the other, as a
 * socket with no send buffer left), and is stamped when it arrives at the far end; a sender that sleeps its
 * whole interval after a blocking write then falls behind the limit.
 */
final class TimestampingSink extends OutputStream {

    private final byte[] received;
    private final ReleaseLog log;
    private final ReleaseLog afterIdleLog;
    private final long mainBytes;
    private final long idleNanos;
    private final double linkBytesPerSecond;
    private int size;
    private long linkFreeAtNanos;
    private long mainDoneCpuNanos = -1;

    /** A sink for exactly {@code capacity} bytes, each write recorded as one release; no idle, no link. */
    TimestampingSink(int capacity, int expectedWrites) {
        this(capacity, expectedWrites, capacity, 0, 0);
    }

    /**
     * A sink for {@code capacity} bytes that stalls {@code idleNanos} once {@code mainBytes} have arrived
     * and holds each write for the time a link of {@code linkBytesPerSecond} takes (0: no link).
     */
    TimestampingSink(int capacity, int expectedWrites, long mainBytes, long idleNanos, double linkBytesPerSecond) {
        this.received = new byte[capacity];
        this.log = new ReleaseLog(expectedWrites);
        this.afterIdleLog = new ReleaseLog(16);
        this.mainBytes = mainBytes;
        this.idleNanos = idleNanos;
        this.linkBytesPerSecond = linkBytesPerSecond;
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
        long now = linkBytesPerSecond > 0 ? crossLink(length) : System.nanoTime();
        if (length > received.length - size) {
            throw new IllegalStateException("sink holds " + received.length + " B; " + (size + length) + " B written");
        }
        System.arraycopy(buffer, offset, received, size, length);
        boolean main = size < mainBytes;
        size += length;
        (main ? log : afterIdleLog).record(now, length);
        if (main && size >= mainBytes) {
            mainDoneCpuNanos = threadCpuNanos();
            if (size < received.length) {
                sleepUntil(System.nanoTime() + idleNanos);
            }
        }
    }

    /** Holds the caller until {@code length} more bytes have crossed the link; returns their arrival. */
    private long crossLink(int length) {
        long now = System.nanoTime();
        long start = Math.max(now, linkFreeAtNanos);
        linkFreeAtNanos = start + (long) Math.ceil(length * 1e9 / linkBytesPerSecond);
        sleepUntil(linkFreeAtNanos);
        return System.nanoTime();
    }

    private static void sleepUntil(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * The CPU time of the JVM's live Java threads so far (sender, receiver, Sluice's scheduler and the
     * peers' threads; not the JVM's own GC and compiler threads), in nanoseconds, from {@link ThreadMXBean}
     * (nanosecond resolution, where the process CPU time ticks in 10 ms steps); -1 where it is not
     * supported. Threads that end between two readings take their time with them, so compare readings
     * taken around work whose threads outlive it.
     */
    static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            return -1;
        }
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu > 0) {
                sum += cpu;
            }
        }
        return sum;
    }

    /** How long the sink stalls once the main payload has arrived (0 without an idle phase), ns. */
    long idleNanos() {
        return idleNanos;
    }

    /** The releases of the first {@code mainBytes} (all of them without an idle phase). */
    ReleaseLog log() {
        return log;
    }

    /** The releases after the idle stall; empty without one. */
    ReleaseLog afterIdleLog() {
        return afterIdleLog;
    }

    /** The threads' CPU time ({@link #threadCpuNanos}) when the first {@code mainBytes} had arrived; -1 before then. */
    synchronized long mainDoneCpuNanos() {
        return mainDoneCpuNanos;
    }

    /** Whether the sink received exactly {@code payload}, byte for byte. */
    synchronized boolean holdsExactly(byte[] payload) {
        return size == payload.length && Arrays.equals(received, 0, size, payload, 0, payload.length);
    }
}
