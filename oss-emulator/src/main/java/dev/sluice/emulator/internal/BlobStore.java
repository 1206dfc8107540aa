package dev.sluice.emulator.internal;

import dev.sluice.oss.Crc64;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Where object and part bytes live: memory or files in a folder. */
abstract class BlobStore implements Closeable {

    private static final int BUFFER = 64 * 1024;

    /** Stores everything {@code in} yields, computing MD5 and CRC-64 on the way. */
    final StoredContent write(InputStream in) throws IOException {
        MessageDigest md5 = md5();
        Crc64 crc = new Crc64();
        Sink sink = newSink();
        boolean done = false;
        try {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md5.update(buffer, 0, n);
                crc.update(buffer, 0, n);
                sink.out().write(buffer, 0, n);
            }
            Blob blob = sink.finish();
            done = true;
            return new StoredContent(blob, md5.digest(), crc.getValue());
        } finally {
            if (!done) {
                sink.abandon();
            }
        }
    }

    /** A place the next blob is written to. */
    abstract Sink newSink() throws IOException;

    /** Frees everything stored. */
    @Override
    public abstract void close();

    /** Bytes being written. */
    interface Sink {

        OutputStream out();

        /** The bytes written, as a blob. */
        Blob finish() throws IOException;

        /** Drops what was written: the upload failed. */
        void abandon();
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
