package dev.sluice.emulator.internal;

/**
 * Bytes written to a {@link BlobStore} with the digests OSS reports.
 *
 * @param blob the bytes
 * @param md5 the MD5 digest (16 bytes)
 * @param crc64 the CRC-64/XZ of the bytes
 */
record StoredContent(Blob blob, byte[] md5, long crc64) {

    /** {@code "<upper-case hex MD5>"}, quoted, as OSS returns the ETag of a single-part object or part. */
    String etag() {
        return "\"" + Hex.upper(md5) + "\"";
    }
}
