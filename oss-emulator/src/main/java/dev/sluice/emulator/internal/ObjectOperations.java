package dev.sluice.emulator.internal;

import dev.sluice.oss.Crc64;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** PutBucket, PutObject, GetObject (ranges), HeadObject, DeleteObject. */
final class ObjectOperations {

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Storage storage;
    private final Clock clock;

    ObjectOperations(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    void putBucket(OssRequest request, Reply reply) throws IOException {
        storage.createBucket(request.bucket());
        reply.headers().set("Location", "/" + request.bucket());
        reply.send(200, 0, null);
    }

    void putObject(OssRequest request, Reply reply) throws IOException {
        storage.bucket(request.bucket());
        StoredContent content = storage.blobs().write(reply.requestBody());
        requireDigest(request, content);
        String type = request.header("Content-Type");
        storage.put(request.bucket(), request.key(), new StoredObject(content.blob(), content.etag(), content.crc64(),
                type == null ? "application/octet-stream" : type, clock.instant()));
        reply.headers().set("ETag", content.etag());
        reply.headers().set("Content-MD5", Base64.getEncoder().encodeToString(content.md5()));
        reply.headers().set("x-oss-hash-crc64ecma", Crc64.toDecimal(content.crc64()));
        reply.send(200, 0, null);
    }

    void getObject(OssRequest request, Reply reply) throws IOException {
        StoredObject object = object(request);
        long size = object.blob().size();
        long[] range = Ranges.parse(request.header("Range"), size);
        describe(object, reply);
        reply.headers().set("Accept-Ranges", "bytes");
        if (range == null) {
            reply.send(200, size, object.blob().open(0, size));
            return;
        }
        long length = range[1] - range[0] + 1;
        reply.headers().set("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
        reply.send(206, length, object.blob().open(range[0], length));
    }

    void headObject(OssRequest request, Reply reply) throws IOException {
        StoredObject object = object(request);
        describe(object, reply);
        reply.send(200, object.blob().size(), InputStream.nullInputStream());
    }

    void deleteObject(OssRequest request, Reply reply) throws IOException {
        StoredObject removed = storage.bucket(request.bucket()).remove(request.key());
        if (removed != null) {
            removed.blob().delete();
        }
        reply.send(204, 0, null);
    }

    /** Checks {@code Content-MD5} when the request has one; a mismatch frees the bytes and answers InvalidDigest. */
    static void requireDigest(OssRequest request, StoredContent content) {
        String md5 = request.header("Content-MD5");
        if (md5 != null && !md5.trim().equals(Base64.getEncoder().encodeToString(content.md5()))) {
            content.blob().delete();
            throw new OssError(400, "InvalidDigest", "The Content-MD5 you specified is not valid.", ErrorCodes.EC_INVALID_DIGEST);
        }
    }

    private StoredObject object(OssRequest request) {
        Map<String, StoredObject> bucket = storage.bucket(request.bucket());
        StoredObject object = bucket.get(request.key());
        if (object == null) {
            throw ErrorCodes.noSuchKey();
        }
        return object;
    }

    private static void describe(StoredObject object, Reply reply) {
        reply.headers().set("ETag", object.etag());
        reply.headers().set("x-oss-hash-crc64ecma", Crc64.toDecimal(object.crc64()));
        reply.headers().set("Content-Type", object.contentType());
        reply.headers().set("Last-Modified", RFC_1123.format(object.lastModified()));
        reply.headers().set("x-oss-object-type", object.blob() instanceof CompositeBlob ? "Multipart" : "Normal");
    }
}
