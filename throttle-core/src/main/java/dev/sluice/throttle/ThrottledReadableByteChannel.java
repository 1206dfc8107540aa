package dev.sluice.throttle;

import static dev.sluice.throttle.ThrottledInputStream.requireNonNull;

import dev.sluice.throttle.internal.PacedIo;
import dev.sluice.throttle.internal.Progress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;

/**
 * A {@link ReadableByteChannel} read no faster than its {@link Pacer} allows, the channel twin of
 * {@link ThrottledInputStream}. Each read asks for at most one chunk, waits for it, reads at most that
 * much, and gives back what the read did not return, so a short read, a read of nothing from a
 * non-blocking channel, or the end of the stream costs no budget.
 *
 * <pre>{@code
 * Pacer pacer = Pacer.of(LeakyBucket.of(DataRate.ofBitsPerSecond(819_200)));
 * try (ReadableByteChannel in = new ThrottledReadableByteChannel(FileChannel.open(path), pacer)) {
 *     while (in.read(buffer) >= 0) { ... }      // 100 KiB/s
 * }
 * }</pre>
 *
 * <p>A read interrupted while it waits throws {@link InterruptedIOException} with nothing reserved and the
 * interrupt flag set; the underlying channel stays open. While {@link #transferring(boolean)
 * transferring(false)} is in force, reads are neither paced nor counted.
 */
public final class ThrottledReadableByteChannel implements ReadableByteChannel {

    private final ReadableByteChannel channel;
    private final Pacer pacer;
    private final Progress progress;

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
     * Reads at most one chunk into {@code dst}, after waiting for it.
     *
     * @return the bytes read, possibly 0, or -1 at the end of the stream
     * @throws InterruptedIOException if interrupted while waiting; nothing is read or reserved, the flag stays set
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining() || !progress.transferring()) {
            return channel.read(dst);
        }
        if (!channel.isOpen()) {
            throw new ClosedChannelException(); // before waiting for budget it could not use
        }
        int wanted = (int) Math.min(dst.remaining(), pacer.chunkSize());
        try {
            PacedIo.acquire(pacer, wanted);
        } catch (InterruptedIOException e) {
            progress.failed(e);
            throw e;
        }
        int limit = dst.limit();
        int n;
        try {
            dst.limit(dst.position() + wanted);
            n = channel.read(dst);
        } catch (IOException | RuntimeException e) {
            pacer.giveBack(wanted);
            progress.failed(e);
            throw e;
        } finally {
            dst.limit(limit);
        }
        pacer.giveBack(wanted - Math.max(n, 0));
        if (n < 0) {
            progress.done();
        } else {
            progress.moved(n);
        }
        return n;
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
