package dev.sluice.emulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** A multipart upload in progress: its parts by number (an upload of the same number replaces the part). */
final class MultipartUpload {

    /**
     * A stored part.
     *
     * @param number 1..10000
     * @param content the bytes and digests
     * @param lastModified when it was uploaded
     */
    record Part(int number, StoredContent content, Instant lastModified) {
    }

    private final String bucket;
    private final String key;
    private final String contentType;
    private final Map<Integer, Part> parts = new ConcurrentSkipListMap<>();

    MultipartUpload(String bucket, String key, String contentType) {
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
    }

    String bucket() {
        return bucket;
    }

    String key() {
        return key;
    }

    String contentType() {
        return contentType;
    }

    void put(Part part) {
        Part previous = parts.put(part.number(), part);
        if (previous != null) {
            previous.content().blob().delete();
        }
    }

    Part part(int number) {
        return parts.get(number);
    }

    /** The parts in ascending order. */
    List<Part> parts() {
        return new ArrayList<>(parts.values());
    }

    /** Frees the bytes of every part not in {@code kept}. */
    void deleteAllBut(List<Part> kept) {
        for (Part part : parts.values()) {
            if (!kept.contains(part)) {
                part.content().blob().delete();
            }
        }
    }
}
