package dev.sluice.oss;

import java.util.OptionalLong;

/**
 * One part of a multipart upload, as UploadPart returned it or ListParts listed it.
 *
 * @param partNumber 1..10000
 * @param etag the part's ETag, quotes included, as CompleteMultipartUpload needs it
 * @param crc64 the part's CRC-64, if known
 * @param size the part's size in bytes, -1 if unknown
 */
public record UploadedPart(int partNumber, String etag, OptionalLong crc64, long size) {
}
