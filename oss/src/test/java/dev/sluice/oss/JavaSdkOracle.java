package dev.sluice.oss;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.common.auth.DefaultCredentials;
import com.aliyun.oss.common.comm.RequestMessage;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.internal.signer.OSSSignerBase;
import com.aliyun.oss.internal.signer.OSSSignerParams;
import com.aliyun.oss.model.GenericRequest;
import dev.sluice.api.Credentials;
import dev.sluice.oss.internal.QueryParameter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;

/**
 * The official Java SDK ({@code com.aliyun.oss:aliyun-sdk-oss} 3.18.5, test scope) signing an
 * {@link OracleCase} with its own signer classes. Its header signers read the wall clock plus a tick
 * offset, so the offset is set to land in the middle of the wanted second and the date the SDK used is
 * checked (and the call repeated on the rare second-boundary miss); its V4 presigner reads the wall clock
 * with no offset, so callers take the instant and expiry it chose from the URL and sign with those.
 */
final class JavaSdkOracle {

    private static final DateTimeFormatter ISO_BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private JavaSdkOracle() {
    }

    /** The SDK's V4 {@code Authorization} header for {@code c} signed at {@code at}. */
    static String v4Authorization(OracleCase c, Instant at) {
        return signHeader(c, at, SignVersion.V4, "x-oss-date", ISO_BASIC.format(at));
    }

    /** The SDK's V1 {@code Authorization} header for {@code c} signed at {@code at}. */
    static String v1Authorization(OracleCase c, Instant at) {
        return signHeader(c, at, SignVersion.V1, "Date", RFC_1123.format(at));
    }

    /** The query parameters the SDK's V4 presigner adds for {@code c}, valid for about {@code seconds}. */
    static Map<String, String> v4Presign(OracleCase c, long seconds) {
        OSSSignerParams params = params(c);
        params.setExpiration(new Date(System.currentTimeMillis() + seconds * 1000 + 500));
        params.setAdditionalHeaderNames(new LinkedHashSet<>(c.additionalHeaders));
        RequestMessage message = message(c);
        OSSSignerBase.createRequestPresigner(SignVersion.V4, params).presign(message);
        return message.getParameters();
    }

    /** The query parameters the SDK's V1 presigner adds for {@code c}, expiring at {@code expires}. */
    static Map<String, String> v1Presign(OracleCase c, Instant expires) {
        OSSSignerParams params = params(c);
        params.setExpiration(Date.from(expires));
        RequestMessage message = message(c);
        OSSSignerBase.createRequestPresigner(SignVersion.V1, params).presign(message);
        return message.getParameters();
    }

    /** The instant of an {@code x-oss-date} value. */
    static Instant parseIsoBasic(String value) {
        return Instant.from(ISO_BASIC.parse(value));
    }

    private static String signHeader(OracleCase c, Instant at, SignVersion version, String dateHeader, String expectedDate) {
        for (int attempt = 0; attempt < 5; attempt++) {
            OSSSignerParams params = params(c);
            params.setTickOffset(at.toEpochMilli() + 500 - System.currentTimeMillis());
            RequestMessage message = message(c);
            OSSSignerBase.createRequestSigner(version, params).sign(message);
            if (expectedDate.equals(message.getHeaders().get(dateHeader))) {
                return message.getHeaders().get("Authorization");
            }
        }
        throw new IllegalStateException("the SDK did not sign at " + expectedDate + " in five attempts");
    }

    private static OSSSignerParams params(OracleCase c) {
        Credentials credentials = c.credentials;
        DefaultCredentials sdkCredentials = credentials.securityToken().isPresent()
                ? new DefaultCredentials(credentials.accessKeyId(), credentials.accessKeySecret(), credentials.securityToken().get())
                : new DefaultCredentials(credentials.accessKeyId(), credentials.accessKeySecret());
        OSSSignerParams params = new OSSSignerParams(c.resourcePath(), sdkCredentials);
        params.setRegion("cn-hangzhou");
        params.setProduct("oss");
        return params;
    }

    private static RequestMessage message(OracleCase c) {
        GenericRequest original = new GenericRequest(c.bucket, c.key);
        original.setAdditionalHeaderNames(new LinkedHashSet<>(c.additionalHeaders));
        RequestMessage message = new RequestMessage(original, c.bucket, c.key);
        message.setMethod(HttpMethod.valueOf(c.method));
        message.setEndpoint(URI.create(c.bucket == null ? "https://oss-cn-hangzhou.aliyuncs.com"
                : "https://" + c.bucket + ".oss-cn-hangzhou.aliyuncs.com"));
        for (String[] header : c.headers) {
            message.addHeader(header[0], header[1]);
        }
        for (QueryParameter parameter : c.query) {
            message.addParameter(parameter.name(), parameter.value());
        }
        return message;
    }
}
