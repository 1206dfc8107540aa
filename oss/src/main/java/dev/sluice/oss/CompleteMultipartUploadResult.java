package dev.sluice.oss;

import java.util.OptionalLong;

/**
 * The answer to CompleteMultipartUpload.
 *
 * @param location the URL of the object
 * @param bucket the bucket
 * @param key the key
 * @param etag the ETag of the object (derived from the parts' ETags, not an MD5 of the object)
 * @param crc64 the CRC-64 of the whole object, if OSS sent it; checked against the parts' CRCs combined
 */
public record CompleteMultipartUploadResult(String location, String bucket, String key, String etag, OptionalLong crc64) {
}
