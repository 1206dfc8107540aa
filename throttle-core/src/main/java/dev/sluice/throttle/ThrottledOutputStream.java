package dev.sluice.throttle;

import static dev.sluice.throttle.internal.Arguments.requireNonNull;

import dev.sluice.throttle.internal.PacedIo;
import dev.sluice.throttle.internal.Progress;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * An {@link OutputStream} written no faster than its {@link Pacer} allows: each write is split into
 * chunks, and each chunk waits for its grant before it goes to the underlying stream. While every limiter
 * of the pacer is switched off ({@link dev.sluice.api.DataRate#UNLIMITED}), a write is granted whole and
 * goes in one piece; a limit switched on paces the next write.
 *
 * <p>While {@link #transferring(boolean) transferring(false)} is in force, writes are neither paced nor
 * reported. {@link #close()} reports the transfer done.
 */
public final class ThrottledOutputStream extends FilterOutputStream {

    private final Pacer pacer;
    private final Progress progress;

    /** Paces {@code out} with {@code pacer}. */
    public ThrottledOutputStream(OutputStream out, Pacer pacer) {
        this(out, pacer, TransferListener.none());
    }

    /** Paces {@code out} with {@code pacer} and reports progress to {@code listener}. */
    public ThrottledOutputStream(OutputStream out, Pacer pacer, TransferListener listener) {
        super(requireNonNull(out, "output stream"));
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

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        if (!progress.transferring()) {
            out.write(buffer, offset, length);
            return;
        }
        if (length > 0 && pacer.grantWholeIfUnlimited(length)) {
            try {
                out.write(buffer, offset, length);
            } catch (IOException | RuntimeException e) {
                pacer.giveBackWhole(length);
                progress.failed(e);
                throw e;
            }
            progress.moved(length);
            return;
        }
        int written = 0;
        while (written < length) {
            int chunk = (int) Math.min(length - written, pacer.chunkSize());
            try {
                PacedIo.acquire(pacer, chunk);
            } catch (InterruptedIOException e) {
                e.bytesTransferred = written;
                progress.failed(e);
                throw e;
            }
            try {
                out.write(buffer, offset + written, chunk);
            } catch (IOException | RuntimeException e) {
                pacer.giveBack(chunk);
                progress.failed(e);
                throw e;
            }
            written += chunk;
            progress.moved(chunk);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } catch (IOException e) {
            progress.failed(e);
            throw e;
        }
        progress.done();
    }

    @Override
    public String toString() {
        return "ThrottledOutputStream(" + out + ", " + pacer + ")";
    }
}
