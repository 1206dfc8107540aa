package dev.sluice.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A received request as OSS reads it: the bucket from the {@code Host} header's first label when that is a
 * bucket name (virtual-hosted style), else from the first path segment (path-style); the key is the rest
 * of the path, percent-decoded.
 *
 * @param exchange the HTTP exchange
 * @param method the method, upper case
 * @param host the {@code Host} header, for {@code HostId} in errors
 * @param bucket the bucket, or null for a region-level request
 * @param key the object key, or null for bucket- and region-level requests
 * @param query the query
 * @param requestId the id sent back as {@code x-oss-request-id}
 */
record OssRequest(HttpExchange exchange, String method, String host, String bucket, String key, Query query,
        String requestId) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * Reads the addressing of {@code exchange}.
     *
     * @param knownBucket whether a bucket exists, so that a host label naming one wins over any other reading
     */
    static OssRequest of(HttpExchange exchange, String requestId, Predicate<String> knownBucket) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        host = host == null ? "" : host;
        String rawPath = exchange.getRequestURI().getRawPath();
        String path = Query.decode(rawPath == null || rawPath.isEmpty() ? "" : rawPath.substring(1));
        Query query = Query.parse(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String hostBucket = virtualHostBucket(host, knownBucket);
        if (hostBucket != null) {
            return new OssRequest(exchange, method, host, hostBucket, path.isEmpty() ? null : path, query, requestId);
        }
        if (path.isEmpty()) {
            return new OssRequest(exchange, method, host, null, null, query, requestId);
        }
        int slash = path.indexOf('/');
        if (slash < 0 || slash == path.length() - 1) {
            return new OssRequest(exchange, method, host, slash < 0 ? path : path.substring(0, slash), null, query, requestId);
        }
        return new OssRequest(exchange, method, host, path.substring(0, slash), path.substring(slash + 1), query, requestId);
    }

    /** The {@code bucket/key} faults match ({@code bucket/} for a bucket, {@code ""} for the region). */
    String bucketAndKey() {
        return bucket == null ? "" : bucket + "/" + (key == null ? "" : key);
    }

    /** A header of the request, or null. */
    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    private static String virtualHostBucket(String hostHeader, Predicate<String> knownBucket) {
        String host = hostHeader.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return null; // IPv6 literal
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        int dot = host.indexOf('.');
        if (dot < 0 || IPV4.matcher(host).matches()) {
            return null; // localhost, a bare name or an IP: path-style
        }
        String label = host.substring(0, dot);
        if (knownBucket.test(label)) {
            return label;
        }
        // oss-<region>.aliyuncs.com is the region endpoint, not a bucket
        return BUCKET.matcher(label).matches() && !label.startsWith("oss-") ? label : null;
    }
}
