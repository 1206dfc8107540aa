package dev.sluice.oss.internal;

import java.nio.charset.StandardCharsets;

/** Checks bucket names, object keys and part numbers before anything is sent. */
public final class ObjectNames {

    /** The longest key OSS accepts, in bytes of UTF-8. */
    public static final int MAX_KEY_BYTES = 1023;

    private ObjectNames() {
    }

    /**
     * @throws IllegalArgumentException unless {@code bucket} is 3 to 63 lower-case letters, digits and
     *     hyphens, starting and ending with a letter or digit
     */
    public static String requireBucket(String bucket) {
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("bucket name must not be empty");
        }
        if (!bucket.matches("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("bucket name \"" + bucket + "\" is invalid: OSS bucket names are 3 to 63"
                    + " lower-case letters, digits and hyphens, starting and ending with a letter or digit");
        }
        return bucket;
    }

    /** @throws IllegalArgumentException unless {@code key} is 1..1023 bytes of UTF-8 not starting with / or \ */
    public static String requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("object key must not be empty");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("object key is " + bytes + " bytes of UTF-8, above the OSS maximum of "
                    + MAX_KEY_BYTES + " bytes");
        }
        if (key.startsWith("/") || key.startsWith("\\")) {
            throw new IllegalArgumentException("object key \"" + key + "\" must not start with '/' or '\\'");
        }
        return key;
    }

    /** @throws IllegalArgumentException unless {@code partNumber} is within 1..10000 */
    public static int requirePartNumber(int partNumber) {
        if (partNumber < 1 || partNumber > 10_000) {
            throw new IllegalArgumentException("part number " + partNumber + " is outside the OSS range 1..10000");
        }
        return partNumber;
    }

    /** @throws IllegalArgumentException if {@code uploadId} is null or blank */
    public static String requireUploadId(String uploadId) {
        if (uploadId == null || uploadId.isBlank()) {
            throw new IllegalArgumentException("upload id must not be empty");
        }
        return uploadId;
    }
}
