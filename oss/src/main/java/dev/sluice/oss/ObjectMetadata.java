package dev.sluice.oss;

import dev.sluice.api.Headers;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What OSS says about an object in the headers of HeadObject and GetObject.
 *
 * @param contentLength the bytes of this response's body (of the range, for a ranged GET), -1 if not said
 * @param etag the ETag, quotes included, "" if absent
 * @param crc64 the CRC-64 of the whole object ({@code x-oss-hash-crc64ecma}), if OSS sent it
 * @param headers every response header, for what has no accessor
 */
public record ObjectMetadata(long contentLength, String etag, OptionalLong crc64, Headers headers) {

    /**
     * The metadata in {@code headers}.
     *
     * @throws IllegalArgumentException if {@code Content-Length} or {@code x-oss-hash-crc64ecma} is malformed
     */
    public static ObjectMetadata of(Headers headers) {
        long length = headers.first("Content-Length").map(Long::parseLong).orElse(-1L);
        OptionalLong crc = headers.first("x-oss-hash-crc64ecma").map(v -> OptionalLong.of(Crc64.parseDecimal(v)))
                .orElse(OptionalLong.empty());
        return new ObjectMetadata(length, headers.first("ETag").orElse(""), crc, headers);
    }

    /** The {@code Content-Type}, if any. */
    public Optional<String> contentType() {
        return headers.first("Content-Type");
    }

    /** The version id of a versioned bucket's object, if any. */
    public Optional<String> versionId() {
        return headers.first("x-oss-version-id");
    }

    /** The id OSS gave the request. */
    public Optional<String> requestId() {
        return headers.first("x-oss-request-id");
    }
}
