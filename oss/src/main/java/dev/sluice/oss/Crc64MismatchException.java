package dev.sluice.oss;

import java.io.IOException;

/**
 * The bytes that arrived are not the bytes that were sent: the CRC-64 computed locally differs from the
 * {@code x-oss-hash-crc64ecma} OSS reported. An {@link IOException}, like any other corrupted transfer;
 * retrying the whole transfer is the remedy.
 */
public final class Crc64MismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long computed;
    private final long reported;

    /**
     * A mismatch for {@code what}, e.g. "PutObject oss://bucket/key".
     *
     * @param what the operation and object, for the message
     * @param computed the CRC-64 of the bytes this side saw
     * @param reported the CRC-64 OSS reported
     */
    public Crc64MismatchException(String what, long computed, long reported) {
        super("CRC-64 mismatch on " + what + ": computed " + Crc64.toDecimal(computed) + " locally but OSS reported "
                + Crc64.toDecimal(reported) + " (x-oss-hash-crc64ecma); the data is corrupt");
        this.computed = computed;
        this.reported = reported;
    }

    /** The CRC-64 of the bytes this side sent or received. */
    public long computed() {
        return computed;
    }

    /** The CRC-64 OSS reported. */
    public long reported() {
        return reported;
    }
}
