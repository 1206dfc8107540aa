package dev.sluice.emulator;

import static dev.sluice.emulator.TestClient.BUCKET;
import static dev.sluice.emulator.TestClient.KEY;
import static dev.sluice.emulator.TestClient.text;
import static dev.sluice.emulator.TestClient.xml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.api.Request;
import dev.sluice.oss.OssResource;
import dev.sluice.oss.OssV1Signer;
import dev.sluice.oss.OssV4Signer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final Credentials SECOND_KEY = Credentials.of("LTAI5tSecondTestKey0002", "second-secret");
    private static OssEmulator emulator;
    private static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = TestClient.emulator().credentials(SECOND_KEY).start();
        client = new TestClient(emulator);
        client.put("signed.txt", "signed content".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void acceptsAV4HeaderSignature() throws Exception {
        HttpResponse<byte[]> response = client.send(client.signV4(client.request("GET", client.uri("signed.txt"))), null);

        assertEquals(200, response.statusCode(), text(response));
        assertEquals("signed content", text(response));
    }

    @Test
    void acceptsAV4SignatureWithAdditionalHeadersAndQueryParameters() throws Exception {
        OssV4Signer signer = OssV4Signer.builder().region("cn-hangzhou").additionalHeaders("x-test-extra").build();
        Request request = client.request("GET", client.uri(BUCKET, "signed.txt", "response-content-type=text%2Fplain&a=b%20c"),
                "x-test-extra", "signed too", "x-oss-meta-note", "kept");

        HttpResponse<byte[]> response = client.send(signer.sign(request, KEY, Instant.now()), null);

        assertEquals(200, response.statusCode(), text(response));
    }

    @Test
    void acceptsAV1HeaderSignature() throws Exception {
        HttpResponse<byte[]> response = client.send(client.signV1(client.request("GET", client.uri("signed.txt"),
                "x-oss-meta-v1", "yes")), null);

        assertEquals(200, response.statusCode(), text(response));
        assertEquals("signed content", text(response));
    }

    @Test
    void acceptsASecondConfiguredKeyPair() throws Exception {
        Request signed = client.v4.sign(client.request("GET", client.uri("signed.txt")), SECOND_KEY, Instant.now());

        assertEquals(200, client.send(signed, null).statusCode());
    }

    @Test
    void acceptsV4AndV1PresignedUrls() throws Exception {
        URI v4 = client.v4.presign(client.request("GET", client.uri("signed.txt")), KEY, Instant.now(), Duration.ofMinutes(5));
        URI v1 = OssV1Signer.create().presign(client.request("GET", client.uri("signed.txt")), KEY, Instant.now(), Duration.ofMinutes(5));

        HttpResponse<byte[]> viaV4 = client.send(Request.of("GET", v4), null);
        HttpResponse<byte[]> viaV1 = client.send(Request.of("GET", v1), null);

        assertEquals(200, viaV4.statusCode(), text(viaV4));
        assertEquals(200, viaV1.statusCode(), text(viaV1));
        assertEquals("signed content", text(viaV1));
    }

    @Test
    void refusesATamperedHeaderWithSignatureDoesNotMatchInOssErrorXml() throws Exception {
        Request signed = client.signV4(client.request("GET", client.uri("signed.txt"), "x-oss-meta-owner", "alice"));

        HttpResponse<byte[]> response = client.send(signed.withHeader("x-oss-meta-owner", "mallory"), null);

        assertEquals(403, response.statusCode());
        assertEquals("SignatureDoesNotMatch", xml(response, "Code"));
        assertEquals("0002-00000040", xml(response, "EC"));
        assertEquals("0002-00000040", response.headers().firstValue("x-oss-ec").orElse(null));
        assertEquals(response.headers().firstValue("x-oss-request-id").orElse("none"), xml(response, "RequestId"));
        assertEquals("127.0.0.1:" + emulator.port(), xml(response, "HostId"));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
    }

    @Test
    void refusesAV1SignatureOfATamperedHeader() throws Exception {
        Request signed = client.signV1(client.request("GET", client.uri("signed.txt"), "x-oss-meta-owner", "alice"));

        HttpResponse<byte[]> response = client.send(signed.withHeader("x-oss-meta-owner", "mallory"), null);

        assertEquals(403, response.statusCode());
        assertEquals("SignatureDoesNotMatch", xml(response, "Code"));
    }

    @Test
    void refusesASignatureMadeWithTheWrongSecret() throws Exception {
        Credentials wrong = Credentials.of(KEY.accessKeyId(), "not-the-secret");

        HttpResponse<byte[]> v4 = client.send(client.v4.sign(client.request("GET", client.uri("signed.txt")), wrong, Instant.now()), null);
        HttpResponse<byte[]> v1 = client.send(OssV1Signer.create().sign(client.request("GET", client.uri("signed.txt")), wrong,
                Instant.now()), null);

        assertEquals("SignatureDoesNotMatch", xml(v4, "Code"));
        assertEquals("SignatureDoesNotMatch", xml(v1, "Code"));
    }

    @Test
    void refusesAnUnknownAccessKeyId() throws Exception {
        Credentials unknown = Credentials.of("LTAI5tNobodyKnowsThis", KEY.accessKeySecret());

        HttpResponse<byte[]> response = client.send(client.v4.sign(client.request("GET", client.uri("signed.txt")), unknown,
                Instant.now()), null);

        assertEquals(403, response.statusCode());
        assertEquals("InvalidAccessKeyId", xml(response, "Code"));
    }

    @Test
    void refusesAV4SignatureForAnotherRegion() throws Exception {
        OssV4Signer beijing = OssV4Signer.builder().region("cn-beijing").build();

        HttpResponse<byte[]> response = client.send(beijing.sign(client.request("GET", client.uri("signed.txt")), KEY, Instant.now()), null);

        assertEquals("SignatureDoesNotMatch", xml(response, "Code"));
    }

    @Test
    void refusesAnExpiredV4PresignedUrl() throws Exception {
        URI url = client.v4.presign(client.request("GET", client.uri("signed.txt")), KEY,
                Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(1));

        HttpResponse<byte[]> response = client.send(Request.of("GET", url), null);

        assertEquals(403, response.statusCode());
        assertEquals("AccessDenied", xml(response, "Code"));
        assertEquals("Request has expired.", xml(response, "Message"));
        assertEquals("0002-00000236", xml(response, "EC"));
    }

    @Test
    void refusesAnExpiredV1PresignedUrl() throws Exception {
        URI url = OssV1Signer.create().presign(client.request("GET", client.uri("signed.txt")), KEY,
                Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(1));

        HttpResponse<byte[]> response = client.send(Request.of("GET", url), null);

        assertEquals(403, response.statusCode());
        assertEquals("Request has expired.", xml(response, "Message"));
    }

    @Test
    void refusesAPresignedUrlWhoseQueryWasChanged() throws Exception {
        URI url = client.v4.presign(client.request("GET", client.uri("signed.txt")), KEY, Instant.now(), Duration.ofMinutes(5));
        URI other = URI.create(url.toString().replace("/signed.txt?", "/other.txt?"));

        HttpResponse<byte[]> response = client.send(Request.of("GET", other), null);

        assertEquals("SignatureDoesNotMatch", xml(response, "Code"));
    }

    @Test
    void refusesAV4SignatureDatedMoreThan15MinutesAway() throws Exception {
        Request old = client.v4.sign(client.request("GET", client.uri("signed.txt")), KEY, Instant.now().minus(Duration.ofMinutes(20)));

        HttpResponse<byte[]> response = client.send(old, null);

        assertEquals(403, response.statusCode());
        assertEquals("RequestTimeTooSkewed", xml(response, "Code"));
    }

    @Test
    void judgesExpiryByTheConfiguredClock() throws Exception {
        Instant signedAt = Instant.parse("2025-03-14T09:26:53Z");
        Clock later = Clock.fixed(signedAt.plusSeconds(61), ZoneOffset.UTC);
        try (OssEmulator fixed = TestClient.emulator().clock(Clock.fixed(signedAt.plusSeconds(59), ZoneOffset.UTC)).start();
                OssEmulator expired = TestClient.emulator().clock(later).start()) {
            TestClient inTime = new TestClient(fixed);
            TestClient tooLate = new TestClient(expired);

            HttpResponse<byte[]> before = inTime.send(Request.of("GET", inTime.v4.presign(inTime.request("GET", inTime.uri("none")),
                    KEY, signedAt, Duration.ofSeconds(60))), null);
            HttpResponse<byte[]> after = tooLate.send(Request.of("GET", tooLate.v4.presign(tooLate.request("GET", tooLate.uri("none")),
                    KEY, signedAt, Duration.ofSeconds(60))), null);

            assertEquals("NoSuchKey", xml(before, "Code"), "signature and expiry accepted, the object is just absent");
            assertEquals("Request has expired.", xml(after, "Message"));
        }
    }

    @Test
    void refusesAPayloadHashOtherThanUnsignedPayload() throws Exception {
        Request signed = client.signV4(client.request("GET", client.uri("signed.txt")));

        HttpResponse<byte[]> response = client.send(signed.withHeader("x-oss-content-sha256", "abc"), null);

        assertEquals(400, response.statusCode());
        assertEquals("0002-00000214", xml(response, "EC"));
    }

    @Test
    void refusesAnUnsignedRequestWithAccessDenied() throws Exception {
        HttpResponse<byte[]> response = client.send(client.request("GET", client.uri("signed.txt")), null);

        assertEquals(403, response.statusCode());
        assertEquals("AccessDenied", xml(response, "Code"));
        assertNotNull(xml(response, "RequestId"));
    }

    @Test
    void readsTheBucketFromAVirtualHostedHostHeader() throws Exception {
        String host = BUCKET + ".oss-cn-hangzhou.aliyuncs.com";
        byte[] body = "virtual".getBytes(StandardCharsets.UTF_8);
        Request request = client.request("PUT", URI.create("http://" + host + "/virtual/hosted.txt"));
        Request signed = client.v4.sign(request, OssResource.object(BUCKET, "virtual/hosted.txt"), KEY, Instant.now());

        String status = rawRequest(signed, host, body);

        assertTrue(status.startsWith("HTTP/1.1 200"), status);
        assertEquals("virtual", text(client.get("virtual/hosted.txt")));
    }

    /** Sends over a plain socket, since the JDK client cannot set {@code Host}; returns the status line. */
    private static String rawRequest(Request signed, String host, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            StringBuilder head = new StringBuilder(signed.method() + " " + signed.uri().getRawPath() + " HTTP/1.1\r\n");
            head.append("Host: ").append(host).append("\r\nContent-Length: ").append(body.length).append("\r\nConnection: close\r\n");
            signed.headers().toMap().forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void echoesContentForAPresignedPutThatCarriesItsContentType() throws Exception {
        Request put = client.request("PUT", client.uri("presigned-put.txt"), "Content-Type", "text/plain");
        URI url = client.v4.presign(put, KEY, Instant.now(), Duration.ofMinutes(5));

        HttpResponse<byte[]> response = client.send(Request.of("PUT", url).withHeader("Content-Type", "text/plain"),
                "via url".getBytes(StandardCharsets.UTF_8));

        assertEquals(200, response.statusCode(), text(response));
        assertArrayEquals("via url".getBytes(StandardCharsets.UTF_8), client.get("presigned-put.txt").body());
    }
}
