package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Credentials;
import dev.sluice.api.Request;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is refused before anything is computed, with messages naming value, unit and range; secrets never show. */
class SigningBadInputTest {

    private static final OssV4Signer V4 = OssV4Signer.builder().region("cn-hangzhou").build();
    private static final Credentials CREDENTIALS = Credentials.of("ak", "SECRET-sk-0001", "SECRET-token-0001");
    private static final Instant AT = Instant.parse("2026-03-14T09:26:53Z");
    private static final Request GET = Request.of("GET", URI.create("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k"));

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void v4ExpiryOutsideOneSecondToSevenDaysIsRefused() {
        assertEquals("x-oss-expires 0 s is outside 1..604800 s (7 days)",
                message(() -> V4.presign(GET, CREDENTIALS, AT, Duration.ZERO)));
        assertEquals("x-oss-expires 604801 s is outside 1..604800 s (7 days)",
                message(() -> V4.presign(GET, CREDENTIALS, AT, Duration.ofSeconds(604_801))));
        assertEquals("x-oss-expires -5 s is outside 1..604800 s (7 days)",
                message(() -> V4.presign(GET, CREDENTIALS, AT, Duration.ofSeconds(-5))));
        assertEquals("x-oss-expires 1500 ms is not a whole number of seconds (1..604800 s (7 days))",
                message(() -> V4.presign(GET, CREDENTIALS, AT, Duration.ofMillis(1500))));
        assertEquals("x-oss-expires must not be null (1..604800 s (7 days))", message(() -> V4.presign(GET, CREDENTIALS, AT, null)));
    }

    @Test
    void v4ExpiryBoundsOneSecondAndSevenDaysAreAccepted() {
        assertEquals("1", QueryOf.raw(V4.presign(GET, CREDENTIALS, AT, Duration.ofSeconds(1))).get("x-oss-expires"));
        assertEquals("604800", QueryOf.raw(V4.presign(GET, CREDENTIALS, AT, Duration.ofDays(7))).get("x-oss-expires"));
    }

    @Test
    void v1ExpiryUnderOneSecondIsRefused() {
        assertEquals("Expires 0 s after signing is not a whole number of seconds of at least 1 s",
                message(() -> OssV1Signer.create().presign(GET, CREDENTIALS, AT, Duration.ZERO)));
    }

    @Test
    void missingCredentialsAreRefusedByBothSigners() {
        String expected = "credentials must not be null: OSS requests are signed with an access key";
        assertEquals(expected, message(() -> V4.sign(GET, null, AT)));
        assertEquals(expected, message(() -> V4.presign(GET, null, AT, Duration.ofMinutes(1))));
        assertEquals(expected, message(() -> OssV1Signer.create().sign(GET, null, AT)));
        assertEquals(expected, message(() -> OssV1Signer.create().presign(GET, null, AT, Duration.ofMinutes(1))));
    }

    @Test
    void missingRegionIsRefusedWhenBuildingTheV4Signer() {
        assertEquals("region is required for OSS V4 signing (the bucket's region id, e.g. cn-hangzhou)",
                message(() -> OssV4Signer.builder().build()));
        assertEquals("region must not be blank: OSS V4 signs with the bucket's region id, e.g. cn-hangzhou",
                message(() -> OssV4Signer.builder().region(" ")));
        assertEquals("region \"cn_hangzhou\" is not an OSS region id (lower-case letters, digits and hyphens, e.g. cn-hangzhou)",
                message(() -> OssV4Signer.builder().region("cn_hangzhou")));
    }

    @Test
    void trafficLimitAsHeaderAndQueryTogetherIsRefused() {
        Request both = Request.of("GET", URI.create("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k?x-oss-traffic-limit=819200"))
                .withHeader("x-oss-traffic-limit", "819200");
        String expected = "x-oss-traffic-limit is set both as a header (819200 bit/s) and as a query parameter (819200 bit/s);"
                + " OSS refuses the request (EC 0004-00000501): never both on one request";
        assertEquals(expected, message(() -> V4.sign(both, CREDENTIALS, AT)));
        assertEquals(expected, message(() -> V4.presign(both, CREDENTIALS, AT, Duration.ofMinutes(1))));
        assertEquals(expected, message(() -> OssV1Signer.create().sign(both, CREDENTIALS, AT)));
    }

    @Test
    void trafficLimitOutsideTheOssRangeIsRefusedBeforeSigning() {
        Request slow = Request.of("GET", URI.create("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k?x-oss-traffic-limit=500000"));
        assertEquals("x-oss-traffic-limit 500000 bit/s is below the OSS minimum of 819200 bit/s (100 KiB/s)",
                message(() -> V4.presign(slow, CREDENTIALS, AT, Duration.ofMinutes(1))));
        Request word = GET.withHeader("x-oss-traffic-limit", "fast");
        assertEquals("x-oss-traffic-limit \"fast\" is not a whole number of bit/s (819200..838860800 bit/s)",
                message(() -> V4.sign(word, CREDENTIALS, AT)));
    }

    @Test
    void repeatedQueryNamesAreRefusedBecauseSdksDisagree() {
        Request twice = Request.of("GET", URI.create("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?prefix=a&prefix=b"));
        assertEquals("query parameter \"prefix\" appears more than once; OSS signers disagree on repeated names, so Sluice refuses to sign them",
                message(() -> V4.sign(twice, CREDENTIALS, AT)));
    }

    @Test
    void alreadyPresignedRequestIsRefused() {
        Request signed = Request.of("GET", V4.presign(GET, CREDENTIALS, AT, Duration.ofMinutes(1)));
        assertEquals("request URI already carries x-oss-signature-version; presign the unsigned request",
                message(() -> V4.presign(signed, CREDENTIALS, AT, Duration.ofMinutes(1))));
    }

    @Test
    void secretsAppearInNoTextTheSignersProduce() {
        Request signed = V4.sign(GET, CREDENTIALS, AT);
        Request signedV1 = OssV1Signer.create().sign(GET, CREDENTIALS, AT);
        for (String text : new String[] {V4.toString(), OssV1Signer.create().toString(), signed.headers().toString(),
                signedV1.headers().toString(), signed.toString(), message(() -> V4.presign(GET, CREDENTIALS, AT, Duration.ZERO)),
                message(() -> V4.sign(Request.of("GET", URI.create("https://img.example.com/a")), CREDENTIALS, AT))}) {
            assertFalse(text.contains("SECRET"), text);
        }
        assertEquals("OssV4Signer[region=cn-hangzhou, product=oss, additionalHeaders=[]]", V4.toString());
    }

    @Test
    void presignedUrlKeepsTheOriginalQueryAndAppendsTheSignatureLast() {
        Request throttled = Request.of("GET", URI.create("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/v.mp4?x-oss-traffic-limit=819200"));
        Map<String, String> query = QueryOf.raw(V4.presign(throttled, Credentials.of("ak", "sk"), AT, Duration.ofMinutes(15)));
        assertEquals("[x-oss-traffic-limit, x-oss-signature-version, x-oss-credential, x-oss-date, x-oss-expires, x-oss-signature]",
                query.keySet().toString());
        assertEquals("819200", query.get("x-oss-traffic-limit"));
    }
}
