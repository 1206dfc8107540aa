package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sluice.api.Credentials;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Body;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The V4 values quoted in the official SDKs' unit tests: Go v2 {@code oss/signer/signer_test.go}
 * ({@code TestV4AuthHeader*}, {@code TestV4AuthQuery*}) and Python v2 {@code tests/unit/signer/test_v4.py}
 * (the same requests and signatures, plus {@code test_auth_query_long_expiration}). Inputs and expected
 * signatures are transcribed; the SDKs' request is a PUT of key {@code 1234+-/123/1.txt} in bucket
 * {@code bucket} with six query parameters, three of them valueless after decoding.
 */
class OssV4SignerSdkVectorsTest {

    private static final Credentials AK_SK = Credentials.of("ak", "sk");
    private static final Credentials AK_SK_TOKEN = Credentials.of("ak", "sk", "token");
    /** {@code url.Values.Encode()} of the SDK tests' parameters: {@code +} and {@code |} in names, empty values. */
    private static final String QUERY = "%2Bparam1=value3&%2Bparam2=&param1=value1&param2=&%7Cparam1=value4&%7Cparam2=";
    private static final URI OBJECT = URI.create("http://bucket.oss-cn-hangzhou.aliyuncs.com/1234%2B-/123/1.txt?" + QUERY);
    private static final OssV4Signer HANGZHOU = OssV4Signer.builder().region("cn-hangzhou").build();

    private static Request headerModeRequest(URI uri) {
        return new Request("PUT", uri, Headers.of("x-oss-head1", "value", "abc", "value", "ZAbc", "value", "XYZ", "value",
                "content-type", "text/plain", "x-oss-content-sha256", "UNSIGNED-PAYLOAD"), Body.empty());
    }

    private static Request queryModeRequest(URI uri) {
        return new Request("PUT", uri, Headers.of("x-oss-head1", "value", "abc", "value", "ZAbc", "value", "XYZ", "value",
                "content-type", "application/octet-stream"), Body.empty());
    }

    @Test
    void authorizationHeaderMatchesGoAndPythonForEncodedKeyAndValuelessParameters() {
        Request signed = HANGZHOU.sign(headerModeRequest(OBJECT), AK_SK, Instant.ofEpochSecond(1702743657));
        assertEquals("OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,"
                + "Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe",
                signed.headers().first("Authorization").orElseThrow());
        assertEquals("20231216T162057Z", signed.headers().first("x-oss-date").orElseThrow());
        assertEquals("UNSIGNED-PAYLOAD", signed.headers().first("x-oss-content-sha256").orElseThrow());
    }

    @Test
    void explicitResourceSignsTheSameAsTheInferredOneWhateverTheWirePath() {
        Request onRegionEndpoint = headerModeRequest(URI.create("http://bucket.oss-cn-hangzhou.aliyuncs.com/?" + QUERY));
        Request signed = HANGZHOU.sign(onRegionEndpoint, OssResource.object("bucket", "1234+-/123/1.txt"), AK_SK,
                Instant.ofEpochSecond(1702743657));
        assertEquals("OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,"
                + "Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe",
                signed.headers().first("Authorization").orElseThrow());
    }

    @Test
    void securityTokenIsAddedAsHeaderAndSignedLikeGoAndPython() {
        Request signed = HANGZHOU.sign(headerModeRequest(OBJECT), AK_SK_TOKEN, Instant.ofEpochSecond(1702784856));
        assertEquals("OSS4-HMAC-SHA256 Credential=ak/20231217/cn-hangzhou/oss/aliyun_v4_request,"
                + "Signature=b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea",
                signed.headers().first("Authorization").orElseThrow());
        assertEquals("token", signed.headers().first("x-oss-security-token").orElseThrow());
    }

    @Test
    void additionalHeadersAreLowerCasedSortedAndNamedInTheAuthorizationHeader() {
        OssV4Signer signer = OssV4Signer.builder().region("cn-hangzhou").additionalHeaders("ZAbc", "abc").build();
        Request signed = signer.sign(headerModeRequest(OBJECT), AK_SK, Instant.ofEpochSecond(1702747512));
        assertEquals("OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,"
                + "Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f",
                signed.headers().first("Authorization").orElseThrow());
    }

    @Test
    void additionalHeadersThatAreAbsentOrSignedByDefaultAreDropped() {
        OssV4Signer signer = OssV4Signer.builder().region("cn-hangzhou")
                .additionalHeaders("x-oss-no-exist", "ZAbc", "x-oss-head1", "abc").build();
        Request signed = signer.sign(headerModeRequest(OBJECT), AK_SK, Instant.ofEpochSecond(1702747512));
        assertEquals("OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,"
                + "Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f",
                signed.headers().first("Authorization").orElseThrow());
    }

    @Test
    void cloudBoxProductAndIdGoIntoTheScope() {
        OssV4Signer signer = OssV4Signer.builder().region("cb-123").product("oss-cloudbox").build();
        URI uri = URI.create("http://bucket.cb-123.cn-hangzhou.oss-cloudbox.aliyuncs.com/1234%2B-/123/1.txt?" + QUERY);
        Request signed = signer.sign(headerModeRequest(uri), AK_SK, Instant.ofEpochSecond(1702743657));
        assertEquals("OSS4-HMAC-SHA256 Credential=ak/20231216/cb-123/oss-cloudbox/aliyun_v4_request,"
                + "Signature=94ce1f12c17d148ea681030275a94449d3357f5b5b21133996eec80af3e08a43",
                signed.headers().first("Authorization").orElseThrow());
    }

    @Test
    void presignedUrlMatchesGoAndPythonWithContentTypeAndXOssHeaderSigned() {
        URI url = HANGZHOU.presign(queryModeRequest(OBJECT), AK_SK, Instant.ofEpochSecond(1702781677), Duration.ofSeconds(599));
        Map<String, String> query = QueryOf.raw(url);
        assertEquals("OSS4-HMAC-SHA256", query.get("x-oss-signature-version"));
        assertEquals("20231217T025437Z", query.get("x-oss-date")); // as the SDKs quote for 1702781677
        assertEquals("599", query.get("x-oss-expires"));
        assertEquals("ak%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4_request", query.get("x-oss-credential"));
        assertEquals("a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe", query.get("x-oss-signature"));
        assertFalse(query.containsKey("x-oss-additional-headers"));
    }

    @Test
    void presignedUrlWithStsCarriesTheTokenAndMatchesGoAndPython() {
        URI url = HANGZHOU.presign(queryModeRequest(OBJECT), AK_SK_TOKEN, Instant.ofEpochSecond(1702785388),
                Duration.ofSeconds(599));
        Map<String, String> query = QueryOf.raw(url);
        assertEquals("20231217T035628Z", query.get("x-oss-date"));
        assertEquals("token", query.get("x-oss-security-token"));
        assertEquals("3817ac9d206cd6dfc90f1c09c00be45005602e55898f26f5ddb06d7892e1f8b5", query.get("x-oss-signature"));
    }

    @Test
    void presignedUrlNamesItsAdditionalHeadersAndMatchesGoAndPython() {
        for (String[] names : new String[][] {{"ZAbc", "abc"}, {"x-oss-no-exist", "abc", "x-oss-head1", "ZAbc"}}) {
            OssV4Signer signer = OssV4Signer.builder().region("cn-hangzhou").additionalHeaders(names).build();
            URI url = signer.presign(queryModeRequest(OBJECT), AK_SK, Instant.ofEpochSecond(1702783809), Duration.ofSeconds(599));
            Map<String, String> query = QueryOf.raw(url);
            assertEquals("20231217T033009Z", query.get("x-oss-date"));
            assertEquals("abc%3Bzabc", query.get("x-oss-additional-headers"));
            assertEquals("6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7", query.get("x-oss-signature"));
        }
    }

    @Test
    void presignedCloudBoxUrlsMatchGoAndPython() {
        OssV4Signer signer = OssV4Signer.builder().region("cb-123").product("oss-cloudbox").additionalHeaders("ZAbc", "abc").build();
        URI uri = URI.create("http://bucket.cb-123.cn-hangzhou.oss-cloudbox.aliyuncs.com/1234%2B-/123/1.txt?" + QUERY);
        Map<String, String> first = QueryOf.raw(signer.presign(queryModeRequest(uri), AK_SK,
                Instant.ofEpochSecond(1702781677), Duration.ofSeconds(599)));
        assertEquals("ak%2F20231217%2Fcb-123%2Foss-cloudbox%2Faliyun_v4_request", first.get("x-oss-credential"));
        assertEquals("07284191b9b4978ac3520cd39ee2dea2747eda454089359371ff463a6c7ba20f", first.get("x-oss-signature"));
        Map<String, String> second = QueryOf.raw(signer.presign(queryModeRequest(uri), AK_SK,
                Instant.ofEpochSecond(1702783809), Duration.ofSeconds(599)));
        assertEquals("16782cc8a7a554523db055eb804b508522e7e370073108ad88ee2f47496701dd", second.get("x-oss-signature"));
    }

    @Test
    void fiveDayPresignedUrlMatchesPython() {
        URI url = HANGZHOU.presign(queryModeRequest(OBJECT), AK_SK, Instant.ofEpochSecond(1702781677), Duration.ofDays(5));
        Map<String, String> query = QueryOf.raw(url);
        assertEquals("432000", query.get("x-oss-expires"));
        assertEquals("31029123dc7732d2d2cfd4006ea4fdb6cf86da6478f813e2bf8f87877c7b9fec", query.get("x-oss-signature"));
    }
}
