package dev.sluice.throttle;

import static dev.sluice.throttle.internal.Arguments.requireNonNull;

import dev.sluice.throttle.internal.PacedIo;
import dev.sluice.throttle.internal.Progress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A {@link ReadableByteChannel} read no faster than its {@link Pacer} allows, the channel twin of
 * {@link ThrottledInputStream}. Each read reads at most one chunk and then waits until the pacer grants
 * the bytes it got, so a short read costs only its bytes, and a read of nothing from a non-blocking
 * channel or the end of the stream costs nothing.
 *
 * <pre>{@code
 * Pacer pacer = Pacer.of(LeakyBucket.of(DataRate.ofBitsPerSecond(819_200)));
 * try (ReadableByteChannel in = new ThrottledReadableByteChannel(FileChannel.open(path), pacer)) {
 *     while (in.read(buffer) >= 0) { ... }      // 100 KiB/s
 * }
 * }</pre>
 *
 * <p>A read interrupted while it waits throws {@link InterruptedIOException} with nothing reserved and the
 * interrupt flag set; the bytes it had read are kept for the next read, and the underlying channel stays
 * open. While {@link #transferring(boolean)
 * transferring(false)} is in force, reads are neither paced nor counted.
 */
public final class ThrottledReadableByteChannel implements ReadableByteChannel {

    private final ReadableByteChannel channel;
    private final Pacer pacer;
    private final Progress progress;
    /** Bytes read whose wait was interrupted; handed out first by the next read. */
    private ByteBuffer pending = ByteBuffer.allocate(0);

    /** Paces {@code channel} with {@code pacer}. */
    public ThrottledReadableByteChannel(ReadableByteChannel channel, Pacer pacer) {
        this(channel, pacer, TransferListener.none());
    }

    /** Paces {@code channel} with {@code pacer} and reports progress to {@code listener}. */
    public ThrottledReadableByteChannel(ReadableByteChannel channel, Pacer pacer, TransferListener listener) {
        this.channel = requireNonNull(channel, "channel");
        this.pacer = requireNonNull(pacer, "pacer");
        this.progress = new Progress(listener);
    }

    /** Switches pacing and counting on (the default) or off, e.g. while the content is hashed. */
    public void transferring(boolean transferring) {
        progress.transferring(transferring);
    }

    /** The bytes read while transferring. */
    public long bytesTransferred() {
        return progress.bytes();
    }

    /**
     * Reads at most one chunk into {@code dst} (as much as fits while every limiter of the pacer is switched
     * off), then waits until the pacer grants the bytes read.
     *
     * @return the bytes read, possibly 0, or -1 at the end of the stream
     * @throws InterruptedIOException if interrupted while waiting; the bytes read are taken out of
     *     {@code dst} again and handed out by the next read, nothing is reserved, the flag stays set
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (pending.hasRemaining() && dst.hasRemaining()) {
            return readPending(dst);
        }
        if (!dst.hasRemaining() || !progress.transferring()) {
            return channel.read(dst);
        }
        int start = dst.position();
        int limit = dst.limit();
        boolean whole = pacer.unlimited();
        int n;
        try {
            dst.limit(whole ? limit : start + (int) Math.min(dst.remaining(), pacer.chunkSize()));
            n = channel.read(dst);
        } catch (IOException | RuntimeException e) {
            progress.failed(e);
            throw e;
        } finally {
            dst.limit(limit);
        }
        if (n < 0) {
            progress.done();
            return n;
        }
        try {
            if (!whole || !pacer.grantWholeIfUnlimited(n)) {
                acquire(n);
            }
        } catch (InterruptedIOException e) {
            pending = ByteBuffer.allocate(n).put(dst.duplicate().position(start).limit(start + n)).flip();
            dst.position(start);
            throw e;
        }
        progress.moved(n);
        return n;
    }

    /** Serves bytes read before an interrupted wait: they are paid for now, and nothing is lost. */
    private int readPending(ByteBuffer dst) throws InterruptedIOException {
        int n = Math.min(dst.remaining(), pending.remaining());
        if (progress.transferring()) {
            acquire(n);
            progress.moved(n);
        }
        ByteBuffer slice = pending.duplicate();
        slice.limit(slice.position() + n);
        dst.put(slice);
        pending.position(pending.position() + n);
        return n;
    }

    private void acquire(int bytes) throws InterruptedIOException {
        try {
            PacedIo.acquire(pacer, bytes);
        } catch (InterruptedIOException e) {
            progress.failed(e);
            throw e;
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the underlying channel. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "ThrottledReadableByteChannel(" + channel + ", " + pacer + ")";
    }
}
