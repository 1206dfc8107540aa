package dev.sluice.oss;

import dev.sluice.oss.internal.Addressing;
import dev.sluice.oss.internal.Rfc3986;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an OSS request addresses, as both signatures see it: the whole region (ListBuckets, the
 * resource-pool QoS APIs), a bucket, or an object in a bucket. Its {@link #resourcePath()} is
 * {@code /bucket/key}, {@code /bucket/} or {@code /} whatever the wire addressing (virtual-hosted,
 * path-style or a custom domain), which is why a signer needs it besides the request URI.
 *
 * <pre>{@code
 * OssResource.object("examplebucket", "photos/2025/cat.jpg").resourcePath(); // "/examplebucket/photos/2025/cat.jpg"
 * OssResource.bucket("examplebucket").resourcePath();                         // "/examplebucket/"
 * OssResource.region().resourcePath();                                        // "/"
 * }</pre>
 */
public final class OssResource {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Labels of a region endpoint, {@code oss-<region>.aliyuncs.com} or {@code oss-<region>-internal.aliyuncs.com}. */
    private static final int REGION_ENDPOINT_LABELS = 3;
    private static final int MAX_KEY_BYTES = 1023;
    private static final OssResource REGION = new OssResource(null, null);

    private final String bucket;
    private final String key;

    private OssResource(String bucket, String key) {
        this.bucket = bucket;
        this.key = key;
    }

    /** A region-level request, no bucket: ListBuckets, the resource-pool QoS APIs. */
    public static OssResource region() {
        return REGION;
    }

    /**
     * A bucket-level request (bucket ACL, ListObjects, multipart listings).
     *
     * @throws IllegalArgumentException if the name breaks the OSS rules: 3..63 characters, lower-case
     *     letters, digits and hyphens, not starting or ending with a hyphen
     */
    public static OssResource bucket(String bucket) {
        return new OssResource(requireBucket(bucket), null);
    }

    /**
     * An object.
     *
     * @throws IllegalArgumentException if the bucket name breaks the OSS rules, or the key is empty,
     *     longer than 1023 UTF-8 bytes or starts with {@code /} or {@code \}
     */
    public static OssResource object(String bucket, String key) {
        return new OssResource(requireBucket(bucket), requireKey(key));
    }

    /**
     * The resource of {@code uri}, for the {@link dev.sluice.api.Signer} methods that get only a request.
     * The rule, which matches how Sluice's client addresses buckets:
     * <ul>
     * <li>IP literal or {@code localhost} host: path-style, the first path segment is the bucket and the
     * rest of the path the key ({@code http://127.0.0.1:8080/examplebucket/a/b.txt});</li>
     * <li>any other host with more labels than a region endpoint {@code oss-<region>.aliyuncs.com}
     * (three): virtual-hosted style, the first label is the bucket and the path the key
     * ({@code https://examplebucket.oss-cn-hangzhou.aliyuncs.com/a/b.txt});</li>
     * <li>otherwise a region-level request ({@code https://oss-cn-hangzhou.aliyuncs.com/?resourcePool}),
     * whose path must be {@code /}.</li>
     * </ul>
     * The path is percent-decoded as UTF-8 ({@code %2B} is {@code +}, {@code %20} a space; a literal
     * {@code +} stays a {@code +}). A custom domain bound to a bucket (CNAME, {@code https://img.example.com/cat.jpg})
     * or any other addressing cannot be told from the URI: sign such requests with an explicit
     * {@code OssResource}.
     *
     * @throws IllegalArgumentException if the URI has no host, or the inferred names break the OSS rules
     */
    public static OssResource inferFrom(URI uri) {
        if (uri == null || uri.getHost() == null) {
            throw new IllegalArgumentException("cannot infer the OSS bucket and key of " + uri + ": it has no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String path = Rfc3986.decode(rawPath.startsWith("/") ? rawPath.substring(1) : rawPath);
        if (host.startsWith("[") || IPV4.matcher(host).matches() || host.equals("localhost")) {
            int slash = path.indexOf('/');
            if (path.isEmpty()) {
                return REGION;
            }
            if (slash < 0 || slash == path.length() - 1) {
                return bucket(slash < 0 ? path : path.substring(0, slash));
            }
            return object(path.substring(0, slash), path.substring(slash + 1));
        }
        String[] labels = host.split("\\.");
        if (labels.length > REGION_ENDPOINT_LABELS) {
            return path.isEmpty() ? bucket(labels[0]) : object(labels[0], path);
        }
        if (!path.isEmpty()) {
            throw new IllegalArgumentException("cannot infer the OSS bucket of " + uri + ": host " + host
                    + " has no bucket label (a custom domain?); sign with an explicit OssResource");
        }
        return REGION;
    }

    /** The bucket, absent for a region-level request. */
    public Optional<String> bucketName() {
        return Optional.ofNullable(bucket);
    }

    /** The object key, absent for bucket- and region-level requests. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /**
     * Where this resource is on {@code endpoint}, with {@code query}: by the rule {@link OssClient} follows, the
     * bucket goes in the first host label of a domain endpoint
     * ({@code https://examplebucket.oss-cn-hangzhou.aliyuncs.com/a/b.txt}) and in the first path segment of an
     * IP, {@code localhost} or {@code *.localhost} one ({@code http://127.0.0.1:9000/examplebucket/a/b.txt});
     * {@link #inferFrom(URI)} reads the resource back from IP, {@code localhost} and domain endpoints. A region-level
     * resource is the endpoint itself ({@code https://oss-cn-hangzhou.aliyuncs.com/?resourcePool}). The key is
     * percent-encoded as UTF-8 with its {@code /} kept.
     *
     * <pre>{@code
     * OssResource.bucket("examplebucket").uri(URI.create("https://oss-cn-hangzhou.aliyuncs.com"), OssQuery.of("qosInfo"));
     * // https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?qosInfo
     * }</pre>
     *
     * @param endpoint the region endpoint: scheme, host and optional port
     * @param query the query, {@link OssQuery#none()} for none
     * @throws IllegalArgumentException if {@code endpoint} is not an http or https URI with a host and no
     *     path, query or user info, or {@code query} is null
     */
    public URI uri(URI endpoint, OssQuery query) {
        Addressing.requireEndpoint(endpoint);
        if (query == null) {
            throw new IllegalArgumentException("query must not be null (use OssQuery.none() for none)");
        }
        return Addressing.uri(endpoint, bucket, key == null ? "" : key, query.isEmpty() ? null : query.toString());
    }

    /** The unencoded {@code /bucket/key}, {@code /bucket/} or {@code /} both signatures start from. */
    public String resourcePath() {
        if (bucket == null) {
            return "/";
        }
        return "/" + bucket + "/" + (key == null ? "" : key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OssResource && Objects.equals(((OssResource) o).bucket, bucket)
                && Objects.equals(((OssResource) o).key, key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucket, key);
    }

    /** The resource path, e.g. {@code OssResource[/examplebucket/a.txt]}. */
    @Override
    public String toString() {
        return "OssResource[" + resourcePath() + "]";
    }

    private static String requireBucket(String bucket) {
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("bucket name must not be empty; OSS bucket names are 3..63 characters"
                    + " of lower-case letters, digits and hyphens");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bucket name \"" + bucket + "\" (" + bucket.length()
                    + " characters) is not a valid OSS bucket name: 3..63 characters of lower-case letters,"
                    + " digits and hyphens, not starting or ending with a hyphen");
        }
        return bucket;
    }

    private static String requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("object key must not be empty (use OssResource.bucket for a bucket-level request)");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("object key of " + bytes + " UTF-8 bytes is outside 1..1023 bytes");
        }
        if (key.startsWith("/") || key.startsWith("\\")) {
            throw new IllegalArgumentException("object key \"" + key + "\" must not start with / or \\");
        }
        return key;
    }
}
