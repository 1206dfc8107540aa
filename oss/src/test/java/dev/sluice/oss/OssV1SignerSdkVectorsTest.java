package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Body;
import dev.sluice.api.Credentials;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The V1 values quoted in the official SDKs' unit tests: Go v2 {@code oss/signer/signer_test.go}
 * ({@code TestV1AuthHeader}, {@code TestV1AuthQuery}) and Python v2 {@code tests/unit/signer/test_v1.py},
 * which quote the same signatures and add a presigned URL with {@code response-content-disposition}.
 */
class OssV1SignerSdkVectorsTest {

    private static final Credentials AK_SK = Credentials.of("ak", "sk");
    private static final OssV1Signer V1 = OssV1Signer.create();
    /** Wed, 28 Dec 2022 10:27:41 GMT, the Go tests' signing time and x-oss-date. */
    private static final Instant DEC_28 = Instant.parse("2022-12-28T10:27:41Z");

    private static Request putNelson(String uri) {
        return new Request("PUT", URI.create(uri), Headers.of("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==",
                "Content-Type", "text/html", "x-oss-meta-author", "alice", "x-oss-meta-magic", "abracadabra",
                "x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT"), Body.empty());
    }

    private static Request getWithDate(String uri) {
        return new Request("GET", URI.create(uri), Headers.of("x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT"), Body.empty());
    }

    @Test
    void objectPutWithMd5TypeAndMetadataMatchesGoAndPython() {
        Request signed = V1.sign(putNelson("http://examplebucket.oss-cn-hangzhou.aliyuncs.com/nelson"), AK_SK, DEC_28);
        assertEquals("OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=", signed.headers().first("Authorization").orElseThrow());
        assertEquals("Wed, 28 Dec 2022 10:27:41 GMT", signed.headers().first("Date").orElseThrow());
    }

    @Test
    void xOssDateHeaderIsTheDateLineWhateverTheSigningInstantAsInPython() {
        // Python's test_auth_header_1 signs at 1702743657 (Dec 2023) and still gets the Dec 2022 signature
        Request signed = V1.sign(putNelson("http://examplebucket.oss-cn-hangzhou.aliyuncs.com/nelson"), AK_SK,
                Instant.ofEpochSecond(1702743657));
        assertEquals("OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=", signed.headers().first("Authorization").orElseThrow());
    }

    @Test
    void valuelessAclSubResourceIsSigned() {
        Request signed = V1.sign(putNelson("http://examplebucket.oss-cn-hangzhou.aliyuncs.com/nelson?acl"), AK_SK, DEC_28);
        assertEquals("OSS ak:/afkugFbmWDQ967j1vr6zygBLQk=", signed.headers().first("Authorization").orElseThrow());
    }

    @Test
    void bucketLevelRequestSignsResourceGroupButNotUnknownParameters() {
        Request signed = V1.sign(getWithDate("http://examplebucket.oss-cn-hangzhou.aliyuncs.com/?resourceGroup&non-resousce=null"),
                AK_SK, DEC_28);
        assertEquals("OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs=", signed.headers().first("Authorization").orElseThrow());
    }

    @Test
    void subResourcesAreSortedByName() {
        Request signed = V1.sign(getWithDate("http://examplebucket.oss-cn-hangzhou.aliyuncs.com/?resourceGroup&acl"), AK_SK, DEC_28);
        assertEquals("OSS ak:x3E5TgOvl/i7PN618s5mEvpJDYk=", signed.headers().first("Authorization").orElseThrow());
    }

    @Test
    void presignedUrlSignsVersionIdAndMatchesGoAndPython() {
        Request request = Request.of("GET", URI.create("http://bucket.oss-cn-hangzhou.aliyuncs.com/key?versionId=versionId"));
        URI url = V1.presign(request, AK_SK, Instant.ofEpochSecond(1699807420 - 900), Duration.ofMinutes(15));
        assertEquals("http://bucket.oss-cn-hangzhou.aliyuncs.com/key?versionId=versionId"
                + "&Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D", url.toString());
    }

    @Test
    void presignedUrlWithStsSignsTheTokenAsSubResourceForAKeyWithPlus() {
        Request request = Request.of("GET", URI.create("http://bucket.oss-cn-hangzhou.aliyuncs.com/key%2B123?versionId=versionId"));
        URI url = V1.presign(request, Credentials.of("ak", "sk", "token"), Instant.ofEpochSecond(1699808204 - 60),
                Duration.ofSeconds(60));
        Map<String, String> query = QueryOf.raw(url);
        assertEquals("1699808204", query.get("Expires"));
        assertEquals("token", query.get("security-token"));
        assertEquals("jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D", query.get("Signature"));
    }

    /**
     * Python's {@code test_auth_query_param_with_token} appends {@code "?" + query} to a URL that already has
     * {@code ?versionId=versionId}, so its first parameter is {@code versionId} with the value
     * {@code versionId?param1=value1}; the URI below is that URL, byte for byte.
     */
    @Test
    void presignedUrlSignsResponseOverrideAndXOssHeaderButNotOtherParametersAsInPython() {
        Request request = new Request("GET", URI.create("http://bucket.oss-cn-hangzhou.aliyuncs.com/key?versionId=versionId?param1=value1"
                + "&%2Bparam1=value3&%7Cparam1=value4&%2Bparam2=&%7Cparam2=&param2="
                + "&response-content-disposition=attachment%3B%20filename%3Dexample.txt"),
                Headers.of("x-oss-head1", "value", "abc", "value", "ZAbc", "value", "XYZ", "value",
                        "content-type", "application/octet-stream"), Body.empty());
        URI url = V1.presign(request, Credentials.of("ak", "sk", "token"), Instant.ofEpochSecond(1699808204 - 3600),
                Duration.ofHours(1));
        Map<String, String> query = QueryOf.raw(url);
        assertEquals("attachment%3B%20filename%3Dexample.txt", query.get("response-content-disposition"));
        assertEquals("3GJoEOv5LX2ASp0HJk%2FhAk%2BqLJc%3D", query.get("Signature"));
    }
}
