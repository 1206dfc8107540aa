package dev.sluice.oss;

import java.util.Optional;

/**
 * The answer to PutObject. The CRC-64 of the bytes sent is checked against the one OSS reports
 * ({@code x-oss-hash-crc64ecma}); a server that reports none leaves it unchecked, which {@code crcConfirmed} says.
 *
 * @param etag the ETag OSS gave the object, quotes included
 * @param crc64 the CRC-64 of the bytes sent
 * @param crcConfirmed whether OSS reported a CRC-64 and it matched {@code crc64} (a mismatch fails the upload)
 * @param versionId the version id, for a versioned bucket
 * @param requestId the id OSS gave the request
 */
public record PutObjectResult(String etag, long crc64, boolean crcConfirmed, Optional<String> versionId, String requestId) {
}
