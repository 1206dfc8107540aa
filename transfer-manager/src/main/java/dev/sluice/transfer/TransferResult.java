package dev.sluice.transfer;

/**
 * A transfer that succeeded.
 *
 * @param bucket the bucket
 * @param key the object key
 * @param bytes the object's size in bytes
 * @param crc64 the CRC-64 of the bytes sent or received, combined over the parts
 * @param parts the number of parts (1 for a single PutObject or GetObject)
 * @param etag the object's ETag as OSS reported it, quotes included
 * @param crcChecked whether {@code crc64} was checked against the {@code x-oss-hash-crc64ecma} OSS reported
 *     for the whole object (its HEAD for a download, its CompleteMultipartUpload or PutObject answer for an
 *     upload). False when OSS sent no such header (some gateways and OSS-compatible stores do not). Each
 *     part's own CRC-64 is checked regardless, whenever OSS reports one.
 */
public record TransferResult(String bucket, String key, long bytes, long crc64, int parts, String etag, boolean crcChecked) {
}
