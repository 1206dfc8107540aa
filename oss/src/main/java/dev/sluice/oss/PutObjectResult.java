package dev.sluice.oss;

import java.util.Optional;

/**
 * The answer to PutObject, whose CRC-64 has been checked against the bytes sent.
 *
 * @param etag the ETag OSS gave the object, quotes included
 * @param crc64 the CRC-64 of the object, as computed and as confirmed by OSS
 * @param versionId the version id, for a versioned bucket
 * @param requestId the id OSS gave the request
 */
public record PutObjectResult(String etag, long crc64, Optional<String> versionId, String requestId) {
}
