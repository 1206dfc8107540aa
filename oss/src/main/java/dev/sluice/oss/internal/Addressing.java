package dev.sluice.oss.internal;

import java.net.URI;
import java.util.Locale;

/**
 * Where a bucket and key live on the wire. Domain endpoints use virtual-hosted style
 * ({@code https://bucket.oss-cn-hangzhou.aliyuncs.com/key}); IP and {@code localhost} endpoints use path
 * style ({@code http://127.0.0.1:9000/bucket/key}), because a bucket label cannot precede an address and
 * the JDK client cannot set {@code Host} itself. The official SDKs make the same choice.
 */
public final class Addressing {

    private Addressing() {
    }

    /** Whether requests to {@code host} name the bucket in the path rather than in the host. */
    public static boolean isPathStyle(String host) {
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("[") || h.contains(":")
                || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /**
     * {@code endpoint} if it is an http or https URI with a host and no path, query or user info: only
     * scheme, host and port make a request URI, so anything else would be silently dropped.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static URI requireEndpoint(URI endpoint) {
        if (endpoint == null || !endpoint.isAbsolute() || endpoint.getHost() == null
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                || endpoint.getRawUserInfo() != null || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null
                || !(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() || endpoint.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("endpoint must be an http or https URI with a host and no path, query"
                    + " or user info, was " + endpoint);
        }
        return endpoint;
    }

    /**
     * The URI of {@code key} in {@code bucket} ({@code key} empty for the bucket itself, {@code bucket} null
     * too for a region-level request) on {@code endpoint}, with {@code rawQuery} (already encoded, or null)
     * appended.
     */
    public static URI uri(URI endpoint, String bucket, String key, String rawQuery) {
        StringBuilder uri = new StringBuilder(endpoint.getScheme()).append("://");
        boolean pathStyle = isPathStyle(endpoint.getHost());
        if (!pathStyle && bucket != null) {
            uri.append(bucket).append('.');
        }
        uri.append(endpoint.getHost());
        if (endpoint.getPort() >= 0) {
            uri.append(':').append(endpoint.getPort());
        }
        uri.append('/');
        if (pathStyle && bucket != null) {
            uri.append(bucket).append('/');
        }
        uri.append(Rfc3986.encode(key, true));
        if (rawQuery != null && !rawQuery.isEmpty()) {
            uri.append('?').append(rawQuery);
        }
        return URI.create(uri.toString());
    }

    /**
     * The object key a request addresses, decoded ("" for bucket or service requests), read from its
     * path by the same rule that {@link #uri} writes it with.
     */
    public static String keyOf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String rest = path.startsWith("/") ? path.substring(1) : path;
        if (isPathStyle(uri.getHost())) {
            int slash = rest.indexOf('/');
            return slash < 0 ? "" : rest.substring(slash + 1);
        }
        return rest;
    }
}
