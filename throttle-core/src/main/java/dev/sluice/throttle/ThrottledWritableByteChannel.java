package dev.sluice.throttle;

import static dev.sluice.throttle.internal.Arguments.requireNonNull;

import dev.sluice.throttle.internal.PacedIo;
import dev.sluice.throttle.internal.Progress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;

/**
 * A {@link WritableByteChannel} written no faster than its {@link Pacer} allows, the channel twin of
 * {@link ThrottledOutputStream}. A write has blocking-channel semantics: it writes all of {@code src},
 * chunk by chunk, each chunk after its grant (in one piece, granted whole, while every limiter of the
 * pacer is switched off; a limit switched on paces the next write). If the underlying channel takes less
 * than a chunk (a non-blocking channel whose socket buffer is full), the write gives back what was not
 * taken and returns early with the count written, as a non-blocking channel would.
 *
 * <pre>{@code
 * Pacer pacer = Pacer.of(LeakyBucket.of(DataRate.ofBitsPerSecond(819_200)));
 * try (WritableByteChannel out = new ThrottledWritableByteChannel(socketChannel, pacer)) {
 *     out.write(buffer);                        // 100 KiB/s
 * }
 * }</pre>
 *
 * <p>A write interrupted while it waits throws {@link InterruptedIOException} whose
 * {@code bytesTransferred} says how much went out, with nothing reserved and the interrupt flag set;
 * {@code src}'s position is just past those bytes. While {@link #transferring(boolean)
 * transferring(false)} is in force, writes are neither paced nor counted. {@link #close()} reports the
 * transfer done.
 */
public final class ThrottledWritableByteChannel implements WritableByteChannel {

    private final WritableByteChannel channel;
    private final Pacer pacer;
    private final Progress progress;

    /** Paces {@code channel} with {@code pacer}. */
    public ThrottledWritableByteChannel(WritableByteChannel channel, Pacer pacer) {
        this(channel, pacer, TransferListener.none());
    }

    /** Paces {@code channel} with {@code pacer} and reports progress to {@code listener}. */
    public ThrottledWritableByteChannel(WritableByteChannel channel, Pacer pacer, TransferListener listener) {
        this.channel = requireNonNull(channel, "channel");
        this.pacer = requireNonNull(pacer, "pacer");
        this.progress = new Progress(listener);
    }

    /** Switches pacing and counting on (the default) or off. */
    public void transferring(boolean transferring) {
        progress.transferring(transferring);
    }

    /** The bytes written while transferring. */
    public long bytesTransferred() {
        return progress.bytes();
    }

    /**
     * Writes {@code src} chunk by chunk, each after its grant, until it is empty or the underlying channel
     * takes less than offered.
     *
     * @return the bytes written
     * @throws InterruptedIOException if interrupted while waiting; nothing stays reserved, the flag stays set
     */
    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!src.hasRemaining() || !progress.transferring()) {
            return channel.write(src);
        }
        if (!channel.isOpen()) {
            throw new ClosedChannelException(); // before waiting for budget it could not use
        }
        int whole = src.remaining();
        if (pacer.grantWholeIfUnlimited(whole)) {
            int n = writeWhole(src);
            pacer.giveBackWhole(whole - n);
            progress.moved(n);
            return n;
        }
        int written = 0;
        while (src.hasRemaining()) {
            int chunk = (int) Math.min(src.remaining(), pacer.chunkSize());
            try {
                PacedIo.acquire(pacer, chunk);
            } catch (InterruptedIOException e) {
                e.bytesTransferred = written;
                progress.failed(e);
                throw e;
            }
            int n = writeChunk(src, chunk);
            pacer.giveBack(chunk - n);
            progress.moved(n);
            written += n;
            if (n < chunk) {
                break;
            }
        }
        return written;
    }

    /** Writes a whole grant of {@link Pacer#grantWholeIfUnlimited}; on failure gives it back as that grant. */
    private int writeWhole(ByteBuffer src) throws IOException {
        int whole = src.remaining();
        try {
            return channel.write(src);
        } catch (IOException | RuntimeException e) {
            pacer.giveBackWhole(whole);
            progress.failed(e);
            throw e;
        }
    }

    private int writeChunk(ByteBuffer src, int chunk) throws IOException {
        int limit = src.limit();
        try {
            src.limit(src.position() + chunk);
            return channel.write(src);
        } catch (IOException | RuntimeException e) {
            pacer.giveBack(chunk);
            progress.failed(e);
            throw e;
        } finally {
            src.limit(limit);
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the underlying channel and reports the transfer done. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } catch (IOException e) {
            progress.failed(e);
            throw e;
        }
        progress.done();
    }

    @Override
    public String toString() {
        return "ThrottledWritableByteChannel(" + channel + ", " + pacer + ")";
    }
}
