package dev.sluice.emulator.internal;

import dev.sluice.api.Credentials;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.oss.OssResource;
import dev.sluice.oss.OssV1Signer;
import dev.sluice.oss.OssV4Signer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks V4 and V1 header signatures and presigned URLs by signing the received request again with the
 * public signers of the {@code oss} module, for the same instant and resource, and comparing signatures in
 * constant time. One code path signs for clients and verifies for the emulator, so they cannot drift apart.
 */
final class Authenticator {

    private static final DateTimeFormatter V4_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final long MAX_V4_EXPIRES = 604_800;
    private static final String V4 = "OSS4-HMAC-SHA256";
    private static final Set<String> V4_PRESIGN = Set.of("x-oss-signature-version", "x-oss-credential", "x-oss-date",
            "x-oss-expires", "x-oss-additional-headers", "x-oss-signature");
    private static final Set<String> V1_PRESIGN = Set.of("OSSAccessKeyId", "Expires", "Signature");

    private final Map<String, Credentials> keys;
    private final String region;
    private final Clock clock;

    Authenticator(EmulatorConfig config) {
        this.keys = config.credentials();
        this.region = config.region();
        this.clock = config.clock();
    }

    /** Returns when the request is signed by a configured key and not expired; throws the OSS error otherwise. */
    void authenticate(OssRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.startsWith(V4 + " ")) {
            verifyV4Header(request, authorization);
        } else if (authorization != null && authorization.startsWith("OSS ")) {
            verifyV1Header(request, authorization);
        } else if (request.query().has("x-oss-signature")) {
            verifyV4Presigned(request);
        } else if (request.query().has("Signature")) {
            verifyV1Presigned(request);
        } else if (authorization != null) {
            throw ErrorCodes.invalidArgument("Authorization header is neither OSS4-HMAC-SHA256 nor OSS <AccessKeyId>:<Signature>");
        } else {
            throw ErrorCodes.accessDenied("Anonymous access is not allowed: sign the request (V4 or V1 header, or a presigned URL).", ErrorCodes.EC_ANONYMOUS);
        }
    }

    private void verifyV4Header(OssRequest request, String authorization) {
        String credential = null;
        String additional = "";
        String signature = null;
        for (String part : authorization.substring(V4.length() + 1).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring("Credential=".length());
            } else if (p.startsWith("AdditionalHeaders=")) {
                additional = p.substring("AdditionalHeaders=".length());
            } else if (p.startsWith("Signature=")) {
                signature = p.substring("Signature=".length());
            }
        }
        if (credential == null || signature == null) {
            throw ErrorCodes.invalidArgument("Authorization header lacks Credential or Signature");
        }
        Credentials key = key(credential.split("/", 2)[0]);
        String date = request.header("x-oss-date");
        if (date == null) {
            throw ErrorCodes.accessDenied("x-oss-date is required with OSS4-HMAC-SHA256", ErrorCodes.EC_SKEWED);
        }
        Instant signed = parse(date, V4_TIMESTAMP, "x-oss-date");
        requireNotSkewed(signed);
        String payload = request.header("x-oss-content-sha256");
        if (payload != null && !payload.trim().equals("UNSIGNED-PAYLOAD")) {
            throw new OssError(400, "InvalidArgument", "x-oss-content-sha256 must be UNSIGNED-PAYLOAD, was " + payload,
                    ErrorCodes.EC_CONTENT_SHA256);
        }
        Request resigned = signer(additional).sign(received(request, request.exchange().getRequestURI().getRawQuery(), true),
                resource(request), key, signed);
        String expected = resigned.headers().first("Authorization").orElse("");
        compare(expected.substring(expected.lastIndexOf("Signature=") + "Signature=".length()), signature);
    }

    private void verifyV4Presigned(OssRequest request) {
        Query query = request.query();
        if (!query.get("x-oss-signature-version").orElse("").equals(V4)) {
            throw ErrorCodes.invalidArgument("x-oss-signature-version must be " + V4);
        }
        String credential = query.get("x-oss-credential").orElse("");
        Credentials key = key(credential.split("/", 2)[0]);
        Instant signed = parse(query.get("x-oss-date").orElse(""), V4_TIMESTAMP, "x-oss-date");
        String expiresText = query.get("x-oss-expires").orElseThrow(() -> ErrorCodes.accessDenied(
                "x-oss-expires is required in a V4 presigned URL", ErrorCodes.EC_EXPIRES_MISSING));
        long expires = parseLong(expiresText);
        if (expires < 1 || expires > MAX_V4_EXPIRES) {
            throw ErrorCodes.accessDenied("x-oss-expires " + expiresText + " s is outside 1..604800 s (7 days)", ErrorCodes.EC_EXPIRES_RANGE);
        }
        if (clock.instant().isAfter(signed.plusSeconds(expires))) {
            throw ErrorCodes.accessDenied("Request has expired.", ErrorCodes.EC_EXPIRED);
        }
        Request unsigned = received(request, query.rawWithout(V4_PRESIGN), false);
        URI presigned = signer(query.get("x-oss-additional-headers").orElse(""))
                .presign(unsigned, resource(request), key, signed, Duration.ofSeconds(expires));
        compare(Query.parse(presigned.getRawQuery()).get("x-oss-signature").orElse(""), query.get("x-oss-signature").orElse(""));
    }

    private void verifyV1Header(OssRequest request, String authorization) {
        String rest = authorization.substring("OSS ".length()).trim();
        int colon = rest.lastIndexOf(':');
        if (colon < 0) {
            throw ErrorCodes.invalidArgument("Authorization header must be OSS <AccessKeyId>:<Signature>");
        }
        Credentials key = key(rest.substring(0, colon));
        String ossDate = request.header("x-oss-date");
        String date = request.header("Date");
        Instant signed;
        if (ossDate != null) {
            signed = date == null ? clock.instant() : parse(date, RFC_1123, "Date");
        } else if (date != null) {
            signed = parse(date, RFC_1123, "Date");
        } else {
            throw ErrorCodes.accessDenied("a V1 signature needs a Date or x-oss-date header", ErrorCodes.EC_SKEWED);
        }
        requireNotSkewed(signed);
        Request resigned = OssV1Signer.create().sign(received(request, request.exchange().getRequestURI().getRawQuery(), true),
                resource(request), key, signed);
        String expected = resigned.headers().first("Authorization").orElse("");
        compare(expected.substring(expected.lastIndexOf(':') + 1), rest.substring(colon + 1));
    }

    private void verifyV1Presigned(OssRequest request) {
        Query query = request.query();
        Credentials key = key(query.get("OSSAccessKeyId").orElse(""));
        long expires = parseLong(query.get("Expires").orElse(""));
        if (clock.instant().getEpochSecond() > expires) {
            throw ErrorCodes.accessDenied("Request has expired.", ErrorCodes.EC_EXPIRED);
        }
        // the signer writes Expires = now + expiry: sign one second before it for one second
        Request unsigned = received(request, query.rawWithout(V1_PRESIGN), false);
        URI presigned = OssV1Signer.create().presign(unsigned, resource(request), key, Instant.ofEpochSecond(expires - 1),
                Duration.ofSeconds(1));
        compare(Query.parse(presigned.getRawQuery()).get("Signature").orElse(""), query.get("Signature").orElse(""));
    }

    /** The received request as the signers take it: the query given, the headers but Authorization. */
    private static Request received(OssRequest request, String rawQuery, boolean headerSigned) {
        Headers headers = Headers.of();
        for (Map.Entry<String, List<String>> header : request.exchange().getRequestHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Authorization")) {
                continue;
            }
            for (String value : header.getValue()) {
                headers = headers.plus(header.getKey(), value);
            }
        }
        if (!headerSigned) {
            headers = headers.without("Date");
        }
        String rawPath = Optional.ofNullable(request.exchange().getRequestURI().getRawPath()).orElse("/");
        URI uri = URI.create("http://127.0.0.1" + (rawPath.isEmpty() ? "/" : rawPath) + (rawQuery == null ? "" : "?" + rawQuery));
        return Request.of(request.method(), uri).withHeaders(headers);
    }

    private OssV4Signer signer(String additionalHeaders) {
        OssV4Signer.Builder builder = OssV4Signer.builder().region(region);
        if (!additionalHeaders.isBlank()) {
            builder.additionalHeaders(additionalHeaders.split(";"));
        }
        return builder.build();
    }

    private static OssResource resource(OssRequest request) {
        try {
            if (request.bucket() == null) {
                return OssResource.region();
            }
            return request.key() == null ? OssResource.bucket(request.bucket()) : OssResource.object(request.bucket(), request.key());
        } catch (IllegalArgumentException e) {
            throw ErrorCodes.invalidArgument(e.getMessage());
        }
    }

    private Credentials key(String accessKeyId) {
        Credentials key = keys.get(accessKeyId);
        if (key == null) {
            throw new OssError(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.",
                    ErrorCodes.EC_UNKNOWN_KEY);
        }
        return key;
    }

    private void requireNotSkewed(Instant signed) {
        if (Duration.between(signed, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            throw new OssError(403, "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.", ErrorCodes.EC_SKEWED);
        }
    }

    private static void compare(String expected, String provided) {
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8))) {
            throw ErrorCodes.signatureMismatch();
        }
    }

    private static Instant parse(String text, DateTimeFormatter format, String what) {
        try {
            return Instant.from(format.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw ErrorCodes.accessDenied(what + " \"" + text + "\" is not a valid date", ErrorCodes.EC_SKEWED);
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ErrorCodes.accessDenied("\"" + text + "\" is not a whole number of seconds", ErrorCodes.EC_EXPIRES_RANGE);
        }
    }
}
