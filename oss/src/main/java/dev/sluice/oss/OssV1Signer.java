package dev.sluice.oss;

import dev.sluice.api.Credentials;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Signer;
import dev.sluice.oss.internal.Hashing;
import dev.sluice.oss.internal.QueryParameter;
import dev.sluice.oss.internal.SigningChecks;
import dev.sluice.oss.internal.V1Canonical;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Legacy OSS V1 signing ({@code Authorization: OSS <AccessKeyId>:<signature>}, HMAC-SHA1) and V1
 * presigned URLs ({@code OSSAccessKeyId}, {@code Expires}, {@code Signature}). Prefer
 * {@link OssV4Signer}; V1 is here for endpoints and tools that only speak it. Pure: no clock, no I/O.
 *
 * <pre>{@code
 * Signer signer = OssV1Signer.create();
 * Request signed = signer.sign(request, credentials, Instant.now());
 * }</pre>
 *
 * <p>The canonical resource is the unencoded {@link OssResource#resourcePath() /bucket/key}, followed by
 * the signed sub-resources (the union of the official SDKs' lists: {@code acl}, {@code uploads},
 * {@code uploadId}, {@code partNumber}, {@code versionId}, {@code security-token}, the
 * {@code response-*} overrides, the QoS names and more; and any query name starting with {@code x-oss-},
 * so {@code x-oss-traffic-limit} in a presigned URL is signed). Other query parameters are not signed. The {@link Signer}
 * methods infer the resource from the URI with {@link OssResource#inferFrom(URI)}; for a custom domain
 * (CNAME) or any other addressing use the overloads that take an explicit {@link OssResource}.
 *
 * <p>The date line is the {@code Date} header this signer sets from the signing instant, or the value of
 * an {@code x-oss-date} header when the request carries one (the rule of the OSS documentation and the
 * Python v2 SDK; the Java SDK always uses {@code Date}). In a presigned URL it is the {@code Expires} value.
 */
public final class OssV1Signer implements Signer {

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final OssV1Signer INSTANCE = new OssV1Signer();

    private OssV1Signer() {
    }

    /** The V1 signer; it has no configuration. */
    public static OssV1Signer create() {
        return INSTANCE;
    }

    /**
     * The request with {@code Date}, the {@code x-oss-security-token} of STS credentials and the
     * {@code Authorization} header set; the resource is inferred from the URI ({@link OssResource#inferFrom(URI)}).
     *
     * @throws IllegalArgumentException if an argument is null, the URI cannot be read as an OSS resource,
     *     a query name repeats, or {@code x-oss-traffic-limit} is bad or both header and query parameter
     */
    @Override
    public Request sign(Request request, Credentials credentials, Instant now) {
        return sign(request, request == null ? null : OssResource.inferFrom(request.uri()), credentials, now);
    }

    /**
     * Like {@link #sign(Request, Credentials, Instant)}, with the bucket and key given: use it for custom
     * domains (CNAME) and whenever the URI does not name the bucket the way {@link OssResource#inferFrom(URI)} reads it.
     */
    public Request sign(Request request, OssResource resource, Credentials credentials, Instant now) {
        SigningChecks.requireInputs(request, resource, credentials, now);
        List<QueryParameter> query = QueryParameter.parse(request.uri().getRawQuery());
        SigningChecks.checkTrafficLimit(request, query);
        String date = RFC_1123.format(now);
        Headers headers = request.headers().without("Authorization").with("Date", date);
        if (credentials.securityToken().isPresent()) {
            headers = headers.with("x-oss-security-token", credentials.securityToken().get());
        }
        // the OSS documentation (and the Python v2 SDK) put x-oss-date on the date line when the request has it
        String dateLine = headers.first("x-oss-date").map(String::trim).orElse(date);
        String signature = signature(request.method(), headers, dateLine, resource, query, credentials);
        return request.withHeaders(headers.with("Authorization", "OSS " + credentials.accessKeyId() + ":" + signature));
    }

    /**
     * A presigned URL valid until {@code now + expiry} (the absolute {@code Expires} epoch second); the
     * resource is inferred from the URI ({@link OssResource#inferFrom(URI)}). {@code Content-Type},
     * {@code Content-MD5} and {@code x-oss-*} headers of the request are signed and must be sent as they
     * are. V1 has no documented maximum validity; at least 1 s is required.
     *
     * @throws IllegalArgumentException if the expiry is null, under 1 s or not whole seconds, or as
     *     {@link #sign(Request, Credentials, Instant)}
     */
    @Override
    public URI presign(Request request, Credentials credentials, Instant now, Duration expiry) {
        return presign(request, request == null ? null : OssResource.inferFrom(request.uri()), credentials, now, expiry);
    }

    /**
     * Like {@link #presign(Request, Credentials, Instant, Duration)}, with the bucket and key given: use
     * it for custom domains (CNAME) and whenever the URI does not name the bucket the way
     * {@link OssResource#inferFrom(URI)} reads it.
     */
    public URI presign(Request request, OssResource resource, Credentials credentials, Instant now, Duration expiry) {
        SigningChecks.requireInputs(request, resource, credentials, now);
        long seconds = SigningChecks.minimumExpirySeconds(expiry, "Expires");
        List<QueryParameter> query = QueryParameter.parse(request.uri().getRawQuery());
        for (QueryParameter parameter : query) {
            if (parameter.name().equals("Signature") || parameter.name().equals("OSSAccessKeyId")
                    || parameter.name().equals("Expires")) {
                throw new IllegalArgumentException("request URI already carries " + parameter.name() + "; presign the unsigned request");
            }
        }
        SigningChecks.checkTrafficLimit(request, query);
        String expires = Long.toString(now.getEpochSecond() + seconds);
        List<QueryParameter> added = new ArrayList<>();
        credentials.securityToken().ifPresent(token -> added.add(new QueryParameter("security-token", token)));
        List<QueryParameter> all = new ArrayList<>(query);
        all.addAll(added);
        String signature = signature(request.method(), request.headers(), expires, resource, all, credentials);
        added.add(new QueryParameter("Expires", expires));
        added.add(new QueryParameter("OSSAccessKeyId", credentials.accessKeyId()));
        added.add(new QueryParameter("Signature", signature));
        StringBuilder rawQuery = new StringBuilder(request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery());
        for (QueryParameter parameter : added) {
            rawQuery.append(rawQuery.length() == 0 ? "" : "&").append(parameter.toWire());
        }
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + rawQuery);
    }

    /** {@code OssV1Signer}: it holds no configuration and no secret. */
    @Override
    public String toString() {
        return "OssV1Signer";
    }

    private static String signature(String method, Headers headers, String date, OssResource resource,
            List<QueryParameter> query, Credentials credentials) {
        SortedMap<String, String> ossHeaders = new TreeMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-oss-")) {
                List<String> trimmed = new ArrayList<>();
                headers.all(name).forEach(v -> trimmed.add(v.trim()));
                ossHeaders.put(lower, String.join(",", trimmed));
            }
        }
        String stringToSign = V1Canonical.stringToSign(method, headers.first("Content-MD5").map(String::trim).orElse(""),
                headers.first("Content-Type").map(String::trim).orElse(""), date, ossHeaders,
                V1Canonical.canonicalResource(resource.resourcePath(), query));
        byte[] mac = Hashing.hmacSha1(credentials.accessKeySecret().getBytes(StandardCharsets.UTF_8), stringToSign);
        return Base64.getEncoder().encodeToString(mac);
    }
}
