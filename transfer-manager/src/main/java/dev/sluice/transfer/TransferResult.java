package dev.sluice.transfer;

/**
 * A transfer that succeeded.
 *
 * @param bucket the bucket
 * @param key the object key
 * @param bytes the object's size in bytes
 * @param crc64 the CRC-64 of the object, checked against the {@code x-oss-hash-crc64ecma} OSS reported
 * @param parts the number of parts (1 for a single PutObject or GetObject)
 * @param etag the object's ETag as OSS reported it, quotes included
 */
public record TransferResult(String bucket, String key, long bytes, long crc64, int parts, String etag) {
}
