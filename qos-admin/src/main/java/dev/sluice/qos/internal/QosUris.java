package dev.sluice.qos.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The URIs of the QoS operations: region-level ones on the endpoint itself ({@code oss-<region>.aliyuncs.com/?...}),
 * bucket-level ones virtual-hosted on domain endpoints ({@code bucket.oss-<region>.aliyuncs.com/?...}) and
 * path-style on IP and {@code localhost} endpoints ({@code 127.0.0.1:9000/bucket/?...}), the rule the
 * {@code oss} module's client follows.
 */
public final class QosUris {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final URI endpoint;

    /** URIs on {@code endpoint}: scheme, host, optional port. */
    public QosUris(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** A region-level request with {@code query}. */
    public URI region(Query query) {
        return URI.create(origin(null) + "/?" + query);
    }

    /** A bucket-level request with {@code query}. */
    public URI bucket(String bucket, Query query) {
        boolean pathStyle = isPathStyle(endpoint.getHost());
        return URI.create(origin(pathStyle ? null : bucket) + (pathStyle ? "/" + bucket + "/" : "/") + "?" + query);
    }

    private String origin(String bucketLabel) {
        StringBuilder origin = new StringBuilder(endpoint.getScheme()).append("://");
        if (bucketLabel != null) {
            origin.append(bucketLabel).append('.');
        }
        origin.append(endpoint.getHost());
        if (endpoint.getPort() >= 0) {
            origin.append(':').append(endpoint.getPort());
        }
        return origin.toString();
    }

    static boolean isPathStyle(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("[") || h.contains(":")
                || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** A query string in the documented parameter order: valueless flags without {@code =}, values percent-encoded. */
    public static final class Query {

        private final StringBuilder text = new StringBuilder();

        private Query(String flag) {
            text.append(flag);
        }

        /** A query starting with the sub-resource {@code flag} ({@code requesterQosInfo}). */
        public static Query of(String flag) {
            return new Query(flag);
        }

        /** Adds {@code name=value}. */
        public Query with(String name, String value) {
            text.append('&').append(name).append('=').append(encode(value));
            return this;
        }

        /** Adds {@code name=value} unless {@code value} is null or empty (the first page has no token). */
        public Query withOptional(String name, String value) {
            return value == null || value.isEmpty() ? this : with(name, value);
        }

        @Override
        public String toString() {
            return text.toString();
        }

        private static String encode(String value) {
            StringBuilder out = new StringBuilder(value.length() + 8);
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_' || c == '.' || c == '~') {
                    out.append((char) c);
                } else {
                    out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xf]);
                }
            }
            return out.toString();
        }
    }
}
