package dev.sluice.cli.internal;

import java.util.Optional;

/**
 * An object named {@code oss://bucket/key} on the command line.
 *
 * @param bucket the bucket
 * @param key the key, empty for {@code oss://bucket/} (the caller picks a name)
 */
record OssLocation(String bucket, String key) {

    static final String SCHEME = "oss://";

    /** The location {@code text} names, or empty if it does not start with {@code oss://}. */
    static Optional<OssLocation> parse(String text) {
        if (!text.startsWith(SCHEME)) {
            return Optional.empty();
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" names no bucket: write oss://bucket/key");
        }
        return Optional.of(new OssLocation(bucket, slash < 0 ? "" : rest.substring(slash + 1)));
    }

    /** This location with {@code name} appended when the key is empty or ends with {@code /}. */
    OssLocation orIn(String name) {
        return key.isEmpty() || key.endsWith("/") ? new OssLocation(bucket, key + name) : this;
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}
