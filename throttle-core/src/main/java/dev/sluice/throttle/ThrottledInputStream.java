package dev.sluice.throttle;

import dev.sluice.throttle.internal.PacedIo;
import dev.sluice.throttle.internal.Progress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * An {@link InputStream} read no faster than its {@link Pacer} allows. Each read asks for at most one
 * chunk, waits for it, reads, and gives back what the read did not return, so a short read or the end of
 * the stream costs no budget. Skipped bytes are paced like read ones.
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
        if (length == 0) {
            return super.read(buffer, offset, length);
        }
        if (!progress.transferring()) {
            return in.read(buffer, offset, length);
        }
        int wanted = (int) Math.min(length, pacer.chunkSize());
        acquire(wanted);
        int n;
        try {
            n = in.read(buffer, offset, wanted);
        } catch (IOException | RuntimeException e) {
            pacer.giveBack(wanted);
            progress.failed(e);
            throw e;
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
    public long skip(long count) throws IOException {
        if (count <= 0 || !progress.transferring()) {
            return in.skip(count);
        }
        long wanted = Math.min(count, pacer.chunkSize());
        acquire(wanted);
        long skipped;
        try {
            skipped = in.skip(wanted);
        } catch (IOException | RuntimeException e) {
            pacer.giveBack(wanted);
            progress.failed(e);
            throw e;
        }
        pacer.giveBack(wanted - Math.max(skipped, 0));
        progress.moved(skipped);
        return skipped;
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

    static <T> T requireNonNull(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ThrottledInputStream(" + in + ", " + pacer + ")";
    }
}
