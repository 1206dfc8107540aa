package dev.sluice.throttle.internal;

import dev.sluice.throttle.Pacer;
import java.io.InterruptedIOException;

/** Blocking pacing for I/O decorators: an interrupted wait becomes an {@link InterruptedIOException}. */
public final class PacedIo {

    private PacedIo() {
    }

    /**
     * {@link Pacer#acquire(long)} for stream and channel code.
     *
     * @throws InterruptedIOException if interrupted; nothing stays reserved and the flag stays set
     */
    public static void acquire(Pacer pacer, long bytes) throws InterruptedIOException {
        try {
            pacer.acquire(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while waiting to transfer " + bytes + " B");
            io.initCause(e);
            throw io;
        }
    }
}
