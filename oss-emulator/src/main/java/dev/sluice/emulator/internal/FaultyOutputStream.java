package dev.sluice.emulator.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/** A response body that drops the connection or stalls after a number of bytes, as faults ask. */
final class FaultyOutputStream extends FilterOutputStream {

    private final long resetAfter;
    private final long stallAfter;
    private final Duration stall;
    private long written;
    private boolean stalled;

    /** {@code resetAfter} and {@code stallAfter} are -1 when that fault is absent. */
    FaultyOutputStream(OutputStream out, long resetAfter, long stallAfter, Duration stall) {
        super(out);
        this.resetAfter = resetAfter;
        this.stallAfter = stallAfter;
        this.stall = stall;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        int off = offset;
        int left = length;
        while (left > 0) {
            long limit = nextEvent();
            int n = limit < 0 ? left : (int) Math.min(left, limit - written);
            if (n > 0) {
                out.write(buffer, off, n);
                written += n;
                off += n;
                left -= n;
            }
            fireDue();
        }
    }

    /** Lets a zero-byte reset or stall fire before any body byte. */
    void start() throws IOException {
        fireDue();
    }

    private long nextEvent() {
        long next = -1;
        if (resetAfter >= 0) {
            next = resetAfter;
        }
        if (stallAfter >= 0 && !stalled && (next < 0 || stallAfter < next)) {
            next = stallAfter;
        }
        return next;
    }

    private void fireDue() throws IOException {
        if (stallAfter >= 0 && !stalled && written >= stallAfter) {
            stalled = true;
            out.flush();
            Waiting.waitFor(stall);
        }
        if (resetAfter >= 0 && written >= resetAfter) {
            out.flush();
            throw new ConnectionReset("injected fault: connection dropped after " + written + " B of the response body");
        }
    }
}
