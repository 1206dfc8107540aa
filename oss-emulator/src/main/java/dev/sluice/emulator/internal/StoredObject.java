package dev.sluice.emulator.internal;

import java.time.Instant;

/**
 * An object as OSS describes it.
 *
 * @param blob the bytes
 * @param etag the quoted ETag
 * @param crc64 the CRC-64/XZ of the whole object
 * @param contentType the type given at upload
 * @param lastModified when it was written
 */
record StoredObject(Blob blob, String etag, long crc64, String contentType, Instant lastModified) {
}
