package dev.sluice.emulator.internal;

import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Buckets, their objects and the multipart uploads in progress. */
final class Storage implements Closeable {

    private final BlobStore blobs;
    private final Map<String, Map<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    private final Map<String, MultipartUpload> uploads = new ConcurrentHashMap<>();

    Storage(BlobStore blobs, List<String> initialBuckets) {
        this.blobs = blobs;
        initialBuckets.forEach(this::createBucket);
    }

    BlobStore blobs() {
        return blobs;
    }

    boolean hasBucket(String name) {
        return buckets.containsKey(name);
    }

    void createBucket(String name) {
        buckets.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
    }

    /** The objects of {@code bucket}; NoSuchBucket when it does not exist. */
    Map<String, StoredObject> bucket(String bucket) {
        Map<String, StoredObject> objects = buckets.get(bucket);
        if (objects == null) {
            throw ErrorCodes.noSuchBucket(bucket);
        }
        return objects;
    }

    /** Stores {@code object} under {@code key}, freeing the bytes it replaces. */
    void put(String bucket, String key, StoredObject object) {
        StoredObject previous = bucket(bucket).put(key, object);
        if (previous != null) {
            previous.blob().delete();
        }
    }

    Map<String, MultipartUpload> uploads() {
        return uploads;
    }

    /** The upload {@code uploadId} of {@code bucket/key}; NoSuchUpload otherwise. */
    MultipartUpload upload(String uploadId, String bucket, String key) {
        MultipartUpload upload = uploadId == null ? null : uploads.get(uploadId);
        if (upload == null || !upload.bucket().equals(bucket) || !upload.key().equals(key)) {
            throw ErrorCodes.noSuchUpload();
        }
        return upload;
    }

    @Override
    public void close() {
        blobs.close();
    }
}
