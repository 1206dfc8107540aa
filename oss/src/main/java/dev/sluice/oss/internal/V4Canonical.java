package dev.sluice.oss.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The four steps of OSS Signature V4 ({@code OSS4-HMAC-SHA256}): canonical request, string to sign,
 * signing key, signature. Pure functions of their arguments, kept apart from the {@code Signer} so each
 * step can be checked against the reference's worked examples.
 */
public final class V4Canonical {

    /** The algorithm name, in the string to sign, the Authorization header and presigned URLs. */
    public static final String ALGORITHM = "OSS4-HMAC-SHA256";
    /** The payload hash OSS accepts: the body is not hashed. */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    /** The last element of the scope. */
    public static final String TERMINATOR = "aliyun_v4_request";

    private V4Canonical() {
    }

    /**
     * The canonical request: method, canonical URI, canonical query, canonical headers, additional
     * headers and hashed payload, joined by LF.
     *
     * @param method upper-case HTTP method
     * @param resourcePath the unencoded {@code /bucket/key}, {@code /bucket/} or {@code /}
     * @param query the decoded query parameters, the presign parameters included
     * @param signedHeaders lower-case name to trimmed value, sorted by name
     * @param additionalHeaders the {@code ;}-joined sorted additional header names, or empty
     * @param hashedPayload the payload hash, {@code UNSIGNED-PAYLOAD}
     */
    public static String canonicalRequest(String method, String resourcePath, List<QueryParameter> query,
            SortedMap<String, String> signedHeaders, String additionalHeaders, String hashedPayload) {
        StringBuilder out = new StringBuilder(256);
        out.append(method).append('\n');
        out.append(Rfc3986.encode(resourcePath, true)).append('\n');
        out.append(canonicalQuery(query)).append('\n');
        for (Map.Entry<String, String> header : signedHeaders.entrySet()) {
            out.append(header.getKey()).append(':').append(header.getValue()).append('\n');
        }
        out.append('\n');
        out.append(additionalHeaders).append('\n');
        out.append(hashedPayload);
        return out.toString();
    }

    /**
     * Encoded names (and values), sorted by encoded name in byte order, {@code name} alone when the value
     * is absent or empty, joined by {@code &}.
     */
    public static String canonicalQuery(List<QueryParameter> query) {
        List<String[]> encoded = new ArrayList<>(query.size());
        for (QueryParameter parameter : query) {
            encoded.add(new String[] {Rfc3986.encode(parameter.name(), false),
                    parameter.hasValue() ? Rfc3986.encode(parameter.value(), false) : null});
        }
        // encoded names are ASCII, so String order is byte order (upper case before lower case)
        encoded.sort(Comparator.comparing((String[] pair) -> pair[0]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : encoded) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]);
            if (pair[1] != null) {
                out.append('=').append(pair[1]);
            }
        }
        return out.toString();
    }

    /** {@code <yyyyMMdd>/<region>/<product>/aliyun_v4_request}. */
    public static String scope(String day, String region, String product) {
        return day + "/" + region + "/" + product + "/" + TERMINATOR;
    }

    /** The four lines: algorithm, timestamp, scope, hex SHA-256 of the canonical request. */
    public static String stringToSign(String timestamp, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + Hashing.sha256Hex(canonicalRequest);
    }

    /** The signing key, derived from the secret through day, region, product and terminator. */
    public static byte[] signingKey(String secret, String day, String region, String product) {
        byte[] key = Hashing.hmacSha256(("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = Hashing.hmacSha256(key, region);
        key = Hashing.hmacSha256(key, product);
        return Hashing.hmacSha256(key, TERMINATOR);
    }

    /** The 64 lower-case hex characters of the signature. */
    public static String signature(byte[] signingKey, String stringToSign) {
        return Hashing.hex(Hashing.hmacSha256(signingKey, stringToSign));
    }
}
