package dev.sluice.oss;

import dev.sluice.api.Credentials;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Signer;
import dev.sluice.oss.internal.QueryParameter;
import dev.sluice.oss.internal.SigningChecks;
import dev.sluice.oss.internal.V4Canonical;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * OSS Signature V4 ({@code OSS4-HMAC-SHA256}): the {@code Authorization} header and presigned URLs,
 * byte for byte as the official SDKs (Go v2, Python v2, Java 3.18) compute them. Pure: no clock, no I/O.
 *
 * <pre>{@code
 * Signer signer = OssV4Signer.builder().region("cn-hangzhou").build();
 * Request signed = signer.sign(request, credentials, Instant.now());
 * URI url = signer.presign(Request.of("GET", uri), credentials, Instant.now(), Duration.ofMinutes(15));
 * }</pre>
 *
 * <p>The canonical URI is the {@link OssResource#resourcePath() /bucket/key}, not the wire path. The
 * {@link Signer} methods infer it from the request URI with {@link OssResource#inferFrom(URI)}, which
 * reads virtual-hosted ({@code bucket.oss-<region>.aliyuncs.com}), path-style (IP or {@code localhost}) and
 * region-level endpoints; for a custom domain (CNAME) or any other addressing use the overloads that
 * take an explicit {@link OssResource}.
 *
 * <p>Signed headers: every {@code x-oss-*} header, {@code Content-Type} and {@code Content-MD5} when
 * present, and the configured additional headers that the request carries (names lower-cased, values
 * trimmed, inner whitespace kept). As in the Go and Java SDKs, an additional header the request does not
 * carry is left out, {@code host} included: to sign {@code host}, put a {@code Host} header with the value
 * the client will send into the request (for a presigned URL, into the request given to {@link #presign}).
 */
public final class OssV4Signer implements Signer {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final long MAX_EXPIRES_SECONDS = 604_800;
    private static final Set<String> PRESIGN_PARAMETERS = Set.of("x-oss-signature-version", "x-oss-credential",
            "x-oss-date", "x-oss-expires", "x-oss-additional-headers", "x-oss-signature");

    private final String region;
    private final String product;
    private final Set<String> additionalHeaders;

    private OssV4Signer(Builder builder) {
        this.region = builder.region;
        this.product = builder.product;
        this.additionalHeaders = builder.additionalHeaders;
    }

    /** A builder; {@link Builder#region(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The region id in the scope, without the {@code oss-} prefix ({@code cn-hangzhou}). */
    public String region() {
        return region;
    }

    /** The product in the scope, {@code oss} unless configured. */
    public String product() {
        return product;
    }

    /**
     * The request with {@code x-oss-date}, {@code x-oss-content-sha256: UNSIGNED-PAYLOAD}, the
     * {@code x-oss-security-token} of STS credentials and the {@code Authorization} header set; the
     * resource is inferred from the URI ({@link OssResource#inferFrom(URI)}).
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
        String timestamp = TIMESTAMP.format(now);
        Headers headers = request.headers().without("Authorization")
                .with("x-oss-date", timestamp)
                .with("x-oss-content-sha256", V4Canonical.UNSIGNED_PAYLOAD);
        if (credentials.securityToken().isPresent()) {
            headers = headers.with("x-oss-security-token", credentials.securityToken().get());
        }
        Set<String> additional = presentAdditionalHeaders(headers);
        String additionalText = String.join(";", additional);
        String scope = V4Canonical.scope(timestamp.substring(0, 8), region, product);
        String signature = signature(request.method(), resource, query, signedHeaders(headers, additional),
                additionalText, V4Canonical.UNSIGNED_PAYLOAD, timestamp, scope, credentials);
        String authorization = V4Canonical.ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + (additional.isEmpty() ? "" : ",AdditionalHeaders=" + additionalText) + ",Signature=" + signature;
        return request.withHeaders(headers.with("Authorization", authorization));
    }

    /**
     * A presigned URL valid for {@code expiry} (1 s .. 7 days) from {@code now}; the resource is inferred
     * from the URI ({@link OssResource#inferFrom(URI)}). The headers the request carries that V4 signs
     * ({@code Content-Type}, {@code x-oss-*}, additional headers) must be sent with exactly these values by
     * whoever uses the URL. To pace a download server-side, put {@code x-oss-traffic-limit} in the query
     * before presigning: it is signed like any parameter.
     *
     * @throws IllegalArgumentException if the expiry is outside 1..604800 s, or as {@link #sign(Request, Credentials, Instant)}
     */
    @Override
    public URI presign(Request request, Credentials credentials, Instant now, Duration expiry) {
        return presign(request, request == null ? null : OssResource.inferFrom(request.uri()), credentials, now, expiry);
    }

    /**
     * Like {@link #presign(Request, Credentials, Instant, Duration)}, with the bucket and key given: use it
     * for custom domains (CNAME) and whenever the URI does not name the bucket the way
     * {@link OssResource#inferFrom(URI)} reads it.
     */
    public URI presign(Request request, OssResource resource, Credentials credentials, Instant now, Duration expiry) {
        SigningChecks.requireInputs(request, resource, credentials, now);
        long expires = SigningChecks.expirySeconds(expiry, "x-oss-expires", 1, MAX_EXPIRES_SECONDS, " (7 days)");
        List<QueryParameter> query = QueryParameter.parse(request.uri().getRawQuery());
        for (QueryParameter parameter : query) {
            if (PRESIGN_PARAMETERS.contains(parameter.name())) {
                throw new IllegalArgumentException("request URI already carries " + parameter.name() + "; presign the unsigned request");
            }
        }
        SigningChecks.checkTrafficLimit(request, query);
        String timestamp = TIMESTAMP.format(now);
        String scope = V4Canonical.scope(timestamp.substring(0, 8), region, product);
        Set<String> additional = presentAdditionalHeaders(request.headers());
        List<QueryParameter> added = new ArrayList<>();
        added.add(new QueryParameter("x-oss-signature-version", V4Canonical.ALGORITHM));
        added.add(new QueryParameter("x-oss-credential", credentials.accessKeyId() + "/" + scope));
        added.add(new QueryParameter("x-oss-date", timestamp));
        added.add(new QueryParameter("x-oss-expires", Long.toString(expires)));
        if (!additional.isEmpty()) {
            added.add(new QueryParameter("x-oss-additional-headers", String.join(";", additional)));
        }
        credentials.securityToken().ifPresent(token -> added.add(new QueryParameter("x-oss-security-token", token)));
        List<QueryParameter> all = new ArrayList<>(query);
        all.addAll(added);
        String payload = request.headers().first("x-oss-content-sha256").map(String::trim)
                .filter(v -> !v.isEmpty()).orElse(V4Canonical.UNSIGNED_PAYLOAD);
        String signature = signature(request.method(), resource, all, signedHeaders(request.headers(), additional),
                String.join(";", additional), payload, timestamp, scope, credentials);
        added.add(new QueryParameter("x-oss-signature", signature));
        return withQuery(request.uri(), added);
    }

    /** The configuration, never a secret: {@code OssV4Signer[region=cn-hangzhou, product=oss, additionalHeaders=[host]]}. */
    @Override
    public String toString() {
        return "OssV4Signer[region=" + region + ", product=" + product + ", additionalHeaders=" + additionalHeaders + "]";
    }

    private String signature(String method, OssResource resource, List<QueryParameter> query,
            SortedMap<String, String> signedHeaders, String additional, String payload, String timestamp,
            String scope, Credentials credentials) {
        String canonical = V4Canonical.canonicalRequest(method, resource.resourcePath(), query, signedHeaders, additional, payload);
        byte[] key = V4Canonical.signingKey(credentials.accessKeySecret(), timestamp.substring(0, 8), region, product);
        return V4Canonical.signature(key, V4Canonical.stringToSign(timestamp, scope, canonical));
    }

    /** The configured additional headers the request carries. */
    private Set<String> presentAdditionalHeaders(Headers headers) {
        Set<String> present = new TreeSet<>();
        for (String name : additionalHeaders) {
            if (headers.contains(name)) {
                present.add(name);
            }
        }
        return present;
    }

    private static SortedMap<String, String> signedHeaders(Headers headers, Set<String> additional) {
        SortedMap<String, String> signed = new TreeMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (isSignedByDefault(lower) || additional.contains(lower)) {
                List<String> trimmed = new ArrayList<>();
                headers.all(name).forEach(v -> trimmed.add(v.trim()));
                signed.put(lower, String.join(",", trimmed));
            }
        }
        return signed;
    }

    private static boolean isSignedByDefault(String lowerCaseName) {
        return lowerCaseName.startsWith("x-oss-") || lowerCaseName.equals("content-type") || lowerCaseName.equals("content-md5");
    }

    private static URI withQuery(URI uri, List<QueryParameter> added) {
        StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        for (QueryParameter parameter : added) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(parameter.toWire());
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + "?" + query);
    }

    /** Configures an {@link OssV4Signer}. */
    public static final class Builder {

        private String region;
        private String product = "oss";
        private Set<String> additionalHeaders = Set.of();

        private Builder() {
        }

        /**
         * The region id of the bucket ({@code cn-hangzhou}); a leading {@code oss-} is dropped, since the
         * scope carries the bare id. With an acceleration or global endpoint, still the bucket's region.
         */
        public Builder region(String region) {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("region must not be blank: OSS V4 signs with the bucket's region id, e.g. cn-hangzhou");
            }
            String bare = region.startsWith("oss-") ? region.substring(4) : region;
            if (!REGION.matcher(bare).matches()) {
                throw new IllegalArgumentException("region \"" + region + "\" is not an OSS region id"
                        + " (lower-case letters, digits and hyphens, e.g. cn-hangzhou)");
            }
            this.region = bare;
            return this;
        }

        /** The product in the scope: {@code oss} (the default), or {@code oss-cloudbox} with a CloudBox id as region. */
        public Builder product(String product) {
            if (product == null || !REGION.matcher(product).matches()) {
                throw new IllegalArgumentException("product \"" + product + "\" must be lower-case letters, digits and hyphens, e.g. oss");
            }
            this.product = product;
            return this;
        }

        /**
         * Headers to sign besides the default ones ({@code x-oss-*}, {@code Content-Type},
         * {@code Content-MD5}, which are dropped from this list). Names are lower-cased; a name the request
         * does not carry is skipped, as the Go and Java SDKs do.
         */
        public Builder additionalHeaders(String... names) {
            Set<String> lower = new TreeSet<>();
            for (String name : names) {
                if (name == null) {
                    throw new IllegalArgumentException("additional header name must not be null");
                }
                Headers.of(name, ""); // refuses names that are not HTTP tokens, with a message naming them
                String n = name.toLowerCase(Locale.ROOT);
                if (!isSignedByDefault(n)) {
                    lower.add(n);
                }
            }
            this.additionalHeaders = Collections.unmodifiableSet(lower);
            return this;
        }

        /**
         * The signer.
         *
         * @throws IllegalArgumentException if no region was given
         */
        public OssV4Signer build() {
            if (region == null) {
                throw new IllegalArgumentException("region is required for OSS V4 signing (the bucket's region id, e.g. cn-hangzhou)");
            }
            return new OssV4Signer(this);
        }
    }
}
