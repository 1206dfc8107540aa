package dev.sluice.oss;

import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A GetObject response whose body has not been read: the metadata, and the bytes as a publisher that
 * can be subscribed to once. For a whole-object download the publisher ends with a
 * {@link Crc64MismatchException} instead of completing when the bytes do not match the CRC-64 OSS
 * announced, so a subscriber that sees {@code onComplete} has verified bytes. Subscribe (or cancel) to
 * release the connection.
 *
 * @param metadata the response headers
 * @param body the bytes, paced by the client's download pacer if it has one
 */
public record ObjectContent(ObjectMetadata metadata, Flow.Publisher<ByteBuffer> body) {
}
