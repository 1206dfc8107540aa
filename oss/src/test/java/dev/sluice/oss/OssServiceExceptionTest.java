package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OssServiceExceptionTest {

    private static final String SIGNATURE_ERROR = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n"
            + "  <Code>SignatureDoesNotMatch</Code>\n"
            + "  <Message>The request signature we calculated does not match the signature you provided.</Message>\n"
            + "  <RequestId>646DCB189AE2D1333018AAAA</RequestId>\n"
            + "  <HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n"
            + "  <OSSAccessKeyId>LTAIexample</OSSAccessKeyId>\n"
            + "  <StringToSign>OSS4-HMAC-SHA256\n20250411T064124Z</StringToSign>\n"
            + "  <EC>0002-00000040</EC>\n"
            + "  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0002-00000040</RecommendDoc>\n"
            + "</Error>";

    @Test
    void parsesEveryFieldOfAnOssErrorDocument() {
        OssServiceException e = OssServiceException.from(403, Headers.of("x-oss-request-id", "other"), bytes(SIGNATURE_ERROR));
        assertEquals(403, e.status());
        assertEquals("SignatureDoesNotMatch", e.code());
        assertEquals("The request signature we calculated does not match the signature you provided.", e.errorMessage());
        assertEquals("646DCB189AE2D1333018AAAA", e.requestId());
        assertEquals("bucket.oss-cn-hangzhou.aliyuncs.com", e.hostId());
        assertEquals("0002-00000040", e.ec());
        assertEquals("https://api.aliyun.com/troubleshoot?q=0002-00000040", e.details().get("RecommendDoc"));
        assertEquals("OSS error 403 SignatureDoesNotMatch: The request signature we calculated does not match the signature"
                + " you provided. (request id 646DCB189AE2D1333018AAAA, EC 0002-00000040)", e.getMessage());
    }

    @Test
    void keepsTheEchoedAccessKeyAndStringToSignOutOfTheMessage() {
        OssServiceException e = OssServiceException.from(403, Headers.of(), bytes(SIGNATURE_ERROR));
        assertFalse(e.getMessage().contains("LTAIexample"));
        assertFalse(e.getMessage().contains("OSS4-HMAC-SHA256"));
        assertEquals("LTAIexample", e.details().get("OSSAccessKeyId"));
    }

    @Test
    void fallsBackToHeadersForAnEmptyBody() {
        OssServiceException e = OssServiceException.from(404, Headers.of("x-oss-request-id", "R-404", "x-oss-ec", "0026-00000001"),
                new byte[0]);
        assertEquals("", e.code());
        assertEquals("R-404", e.requestId());
        assertEquals("0026-00000001", e.ec());
        assertEquals("OSS error 404 (request id R-404, EC 0026-00000001)", e.getMessage());
    }

    @Test
    void readsTheBase64ErrHeaderOfABodilessHeadResponse() {
        String doc = "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                + "<RequestId>R-H</RequestId><EC>0026-00000001</EC></Error>";
        OssServiceException e = OssServiceException.from(404,
                Headers.of("x-oss-err", Base64.getEncoder().encodeToString(bytes(doc))), new byte[0]);
        assertEquals("NoSuchKey", e.code());
        assertEquals("OSS error 404 NoSuchKey: The specified key does not exist. (request id R-H, EC 0026-00000001)",
                e.getMessage());
    }

    @Test
    void reportsANonXmlBodyAsShortenedText() {
        OssServiceException e = OssServiceException.from(502, Headers.of("x-oss-request-id", "R-502"),
                bytes("<html>\n<body>Bad   Gateway</body></html>"));
        assertEquals("", e.code());
        assertEquals("<html> <body>Bad Gateway</body></html>", e.errorMessage());
        assertEquals("OSS error 502: <html> <body>Bad Gateway</body></html> (request id R-502)", e.getMessage());
        OssServiceException longBody = OssServiceException.from(500, Headers.of(), bytes("x".repeat(500)));
        assertEquals("x".repeat(200) + "...", longBody.errorMessage());
    }

    @Test
    void treatsAHostileErrorBodyAsTextWithoutResolvingItsEntities() {
        String xxe = "<!DOCTYPE Error [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><Error><Code>&x;</Code></Error>";
        OssServiceException e = OssServiceException.from(400, Headers.of("x-oss-request-id", "R"), bytes(xxe));
        assertEquals("", e.code());
        assertEquals(xxe, e.errorMessage());
    }

    @Test
    void usesTheHeaderRequestIdWhenTheDocumentLacksOne() {
        OssServiceException e = OssServiceException.from(409, Headers.of("x-oss-request-id", "R-H", "x-oss-ec", "0015-00000001"),
                bytes("<Error><Code>BucketAlreadyExists</Code><Message>m</Message></Error>"));
        assertEquals("R-H", e.requestId());
        assertEquals("0015-00000001", e.ec());
        assertEquals("", e.hostId());
    }

    @Test
    void refusesNullHeadersOrBodyNamingWhatToPassForNone() {
        IllegalArgumentException noHeaders = assertThrows(IllegalArgumentException.class,
                () -> OssServiceException.from(500, null, new byte[0]));
        assertEquals("headers must not be null (use Headers.of() for none)", noHeaders.getMessage());
        IllegalArgumentException noBody = assertThrows(IllegalArgumentException.class,
                () -> OssServiceException.from(500, Headers.of(), null));
        assertEquals("body must not be null (use new byte[0] for none)", noBody.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
