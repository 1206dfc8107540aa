package dev.sluice.emulator.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that drops the connection after a number of bytes, as a fault asks. */
final class FaultyInputStream extends FilterInputStream {

    private final long resetAfter;
    private long read;

    FaultyInputStream(InputStream in, long resetAfter) {
        super(in);
        this.resetAfter = resetAfter;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (read >= resetAfter) {
            throw new ConnectionReset("injected fault: connection dropped after " + read + " B of the request body");
        }
        int n = super.read(buffer, offset, (int) Math.min(length, resetAfter - read));
        if (n > 0) {
            read += n;
        }
        return n;
    }
}
