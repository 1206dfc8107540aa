package dev.sluice.throttle;

import static dev.sluice.throttle.internal.Arguments.requireNonNull;

import dev.sluice.throttle.internal.PacedIo;
import dev.sluice.throttle.internal.Progress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An {@link InputStream} read no faster than its {@link Pacer} allows. Each read takes at most one chunk
 * from the underlying stream and then waits until the pacer grants the bytes it actually got, so a short
 * read costs only its bytes and the end of the stream costs nothing. The source is thus read at most one
 * chunk ahead of the pacing. If the wait is interrupted, the bytes already read are kept and handed out
 * by the next read: nothing is lost. Skipped bytes are paced like read ones. While every limiter of the
 * pacer is switched off, a read takes as much as asked and is granted at once (a limit switched on
 * between the read and its grant makes that read wait for all of it, in chunks).
 *
 * <pre>{@code
 * Pacer pacer = Pacer.of(LeakyBucket.of(DataRate.ofBitsPerSecond(819_200)));
 * try (InputStream in = new ThrottledInputStream(Files.newInputStream(path), pacer)) {
 *     in.transferTo(out);                      // 100 KiB/s
 * }
 * }</pre>
 *
 * <p>While {@link #transferring(boolean) transferring(false)} is in force (a signer or hasher reading
 * the body before it is sent), reads are neither paced nor reported to the listener.
 */
public final class ThrottledInputStream extends FilterInputStream {

    private final Pacer pacer;
    private final Progress progress;
    /** Bytes read from {@code in} whose wait was interrupted; handed out first by the next read. */
    private byte[] pending = new byte[0];

    /** Paces {@code in} with {@code pacer}. */
    public ThrottledInputStream(InputStream in, Pacer pacer) {
        this(in, pacer, TransferListener.none());
    }

    /** Paces {@code in} with {@code pacer} and reports progress to {@code listener}. */
    public ThrottledInputStream(InputStream in, Pacer pacer, TransferListener listener) {
        super(requireNonNull(in, "input stream"));
        this.pacer = requireNonNull(pacer, "pacer");
        this.progress = new Progress(listener);
    }

    /** Switches pacing and counting on (the default) or off, e.g. while the body is hashed. */
    public void transferring(boolean transferring) {
        progress.transferring(transferring);
    }

    /** The bytes read while transferring. */
    public long bytesTransferred() {
        return progress.bytes();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == 1 ? one[0] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (pending.length > 0) {
            return readPending(buffer, offset, length);
        }
        if (!progress.transferring()) {
            return in.read(buffer, offset, length);
        }
        boolean whole = pacer.unlimited();
        int n;
        try {
            n = in.read(buffer, offset, whole ? length : (int) Math.min(length, pacer.chunkSize()));
        } catch (IOException | RuntimeException e) {
            progress.failed(e);
            throw e;
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
            pending = Arrays.copyOfRange(buffer, offset, offset + n);
            throw e;
        }
        progress.moved(n);
        return n;
    }

    /** Serves bytes read before an interrupted wait: they are paid for now, and nothing is lost. */
    private int readPending(byte[] buffer, int offset, int length) throws InterruptedIOException {
        int n = Math.min(length, pending.length);
        if (progress.transferring()) {
            acquire(n);
            progress.moved(n);
        }
        System.arraycopy(pending, 0, buffer, offset, n);
        pending = Arrays.copyOfRange(pending, n, pending.length);
        return n;
    }

    /**
     * Skips at most one chunk, then waits until the pacer grants the bytes skipped (a skipped byte of a
     * download still crossed the network). If that wait is interrupted, the skip stands, nothing stays
     * reserved and the interrupt flag is set, so the next read reports it.
     */
    @Override
    public long skip(long count) throws IOException {
        if (count <= 0) {
            return 0;
        }
        if (pending.length > 0) {
            int n = (int) Math.min(count, pending.length);
            return readPending(new byte[n], 0, n);
        }
        if (!progress.transferring()) {
            return in.skip(count);
        }
        long skipped;
        try {
            skipped = in.skip(Math.min(count, pacer.chunkSize()));
        } catch (IOException | RuntimeException e) {
            progress.failed(e);
            throw e;
        }
        if (skipped <= 0) {
            return skipped;
        }
        try {
            PacedIo.acquire(pacer, skipped);
            progress.moved(skipped);
        } catch (InterruptedIOException e) {
            // the bytes are skipped whatever happens; the flag stays set for the next read to report
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return pending.length > 0 ? pending.length : in.available();
    }

    /** Mark and reset would re-read bytes the pacer already paid for; not supported. */
    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readLimit) {
        // not supported, see markSupported()
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("mark/reset is not supported by " + getClass().getSimpleName());
    }

    private void acquire(long bytes) throws InterruptedIOException {
        try {
            PacedIo.acquire(pacer, bytes);
        } catch (InterruptedIOException e) {
            progress.failed(e);
            throw e;
        }
    }

    @Override
    public String toString() {
        return "ThrottledInputStream(" + in + ", " + pacer + ")";
    }
}
