package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.api.Headers;
import dev.sluice.api.DataRate;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OssClientTest {

    static final Instant T0 = Instant.parse("2025-04-11T06:41:24Z");

    final FakeOss oss = new FakeOss();
    final FixedSigner signer = new FixedSigner();
    @TempDir
    Path dir;

    OssClient client(String endpoint) {
        return OssClient.builder().endpoint(URI.create(endpoint)).region("oss-cn-hangzhou")
                .credentials(Credentials.of("LTAI-test", "secret")).transport(oss).signer(signer)
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    }

    OssClient client() {
        return client("https://oss-cn-hangzhou.aliyuncs.com");
    }

    static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    @Test
    void putsAndGetsAnObjectVirtualHostedOnADomainEndpoint() throws IOException {
        byte[] data = random(100_000);
        PutObjectResult put = client().putObject("bucket", "dir/a b+c~ü.bin", data);
        assertEquals(FakeOss.etag(data), put.etag());
        assertEquals(Crc64.of(data), put.crc64());
        assertEquals("FAKE-REQUEST", put.requestId());
        assertEquals(URI.create("https://bucket.oss-cn-hangzhou.aliyuncs.com/dir/a%20b%2Bc~%C3%BC.bin"),
                oss.received.get(0).request().uri());
        assertArrayEquals(data, oss.object("bucket", "dir/a b+c~ü.bin"));

        Path target = dir.resolve("out.bin");
        ObjectMetadata metadata = client().getObject("bucket", "dir/a b+c~ü.bin", target);
        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(Crc64.of(data), metadata.crc64().getAsLong());
        assertEquals(100_000, metadata.contentLength());
    }

    @Test
    void signsWithOssV4ForItsRegionWhenNoSignerIsGiven() {
        OssClient client = OssClient.builder().endpoint(URI.create("https://oss-cn-hangzhou.aliyuncs.com"))
                .region("cn-hangzhou").credentials(Credentials.of("LTAI-test", "secret")).transport(oss)
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();

        // the fake OSS knows only the fixed test signature, and refuses this one: what was sent is what counts
        assertThrows(OssServiceException.class, () -> client.putObject("bucket", "k", new byte[] {1}));

        Headers sent = oss.received.get(0).request().headers();
        assertTrue(sent.first("Authorization").orElseThrow()
                .startsWith("OSS4-HMAC-SHA256 Credential=LTAI-test/20250411/cn-hangzhou/oss/aliyun_v4_request,"),
                sent.toString());
        assertEquals("20250411T064124Z", sent.first("x-oss-date").orElseThrow());
        assertEquals("UNSIGNED-PAYLOAD", sent.first("x-oss-content-sha256").orElseThrow());
    }

    @Test
    void usesPathStyleForIpAndLocalhostEndpoints() throws IOException {
        client("http://127.0.0.1:9000").putObject("bucket", "k", new byte[] {1});
        client("http://localhost:9000").putObject("bucket", "k", new byte[] {1});
        assertEquals(URI.create("http://127.0.0.1:9000/bucket/k"), oss.received.get(0).request().uri());
        assertEquals(URI.create("http://localhost:9000/bucket/k"), oss.received.get(1).request().uri());
    }

    @Test
    void signsEveryRequestAtTheInstantOfTheClock() throws IOException {
        client().putObject("bucket", "k", new byte[] {1});
        client().headObject("bucket", "k");
        assertEquals(2, signer.signedAt.size());
        assertTrue(signer.signedAt.stream().allMatch(T0::equals));
    }

    @Test
    void streamsAFileUploadInBoundedBuffers() throws IOException {
        byte[] data = random(300_000);
        Path file = Files.write(dir.resolve("in.bin"), data);
        PutObjectResult put = client().putObject("bucket", "file.bin", file);
        assertEquals(Crc64.of(data), put.crc64());
        assertArrayEquals(data, oss.object("bucket", "file.bin"));
        FakeOss.Received received = oss.received.get(0);
        assertEquals(300_000, received.bodyBytes());
        assertEquals(64 * 1024, received.largestBuffer());
        assertEquals(300_000, received.request().body().contentLength());
        assertTrue(received.request().body().replayable());
    }

    @Test
    void streamsAnInputStreamOfKnownLengthWithoutReadingBeyondIt() throws IOException {
        byte[] data = random(200_000);
        InputStream in = new ByteArrayInputStream(data);
        client().putObject("bucket", "stream.bin", in, 150_000);
        assertEquals(50_000, in.available());
        assertArrayEquals(java.util.Arrays.copyOf(data, 150_000), oss.object("bucket", "stream.bin"));
        assertFalse(oss.received.get(0).request().body().replayable());
        assertTrue(oss.received.get(0).largestBuffer() <= 64 * 1024);
    }

    @Test
    void failsAStreamThatEndsBeforeItsAnnouncedLength() {
        EOFException e = assertThrows(EOFException.class,
                () -> client().putObject("bucket", "short.bin", new ByteArrayInputStream(new byte[10]), 20));
        assertEquals("body ended after 10 B of the 20 B announced as its length", e.getMessage());
    }

    @Test
    void failsAnUploadLoudlyWhenOssReportsAnotherCrc() {
        oss.wrongCrcHeader = true;
        byte[] data = "hello world".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Crc64MismatchException e = assertThrows(Crc64MismatchException.class, () -> client().putObject("bucket", "k", data));
        assertEquals("CRC-64 mismatch on PutObject oss://bucket/k: computed 5981764153023615706 locally but OSS reported"
                + " 5981764153023615707 (x-oss-hash-crc64ecma); the data is corrupt", e.getMessage());
        assertEquals(0x53037ECDEF2352DAL, e.computed());
    }

    @Test
    void failsADownloadLoudlyOnACorruptByteAndDeletesThePartialFile() throws IOException {
        byte[] data = random(50_000);
        oss.store("bucket", "k", data);
        oss.flipAByteOnGet = true;
        Path target = dir.resolve("corrupt.bin");
        Crc64MismatchException e = assertThrows(Crc64MismatchException.class, () -> client().getObject("bucket", "k", target));
        assertEquals(Crc64.of(data), e.reported());
        assertTrue(e.getMessage().startsWith("CRC-64 mismatch on GetObject oss://bucket/k: computed "), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void getsARangeWithoutCheckingTheWholeObjectCrc() throws IOException {
        byte[] data = random(40_000);
        oss.store("bucket", "k", data);
        Path target = dir.resolve("range.bin");
        ObjectMetadata metadata = client().getObject("bucket", "k", ByteRange.of(100, 20_099), target);
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 100, 20_100), Files.readAllBytes(target));
        assertEquals("bytes=100-20099", oss.received.get(0).request().headers().first("Range").orElseThrow());
        assertEquals(20_000, metadata.contentLength());
        client().getObject("bucket", "k", ByteRange.from(39_990), target);
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 39_990, 40_000), Files.readAllBytes(target));
    }

    @Test
    void streamsADownloadAsAPublisherThatEndsInErrorWhenCorrupt() throws Exception {
        byte[] data = random(70_000);
        oss.store("bucket", "k", data);
        assertArrayEquals(data, drain(client().getObjectContent("bucket", "k", null)).get());
        oss.flipAByteOnGet = true;
        ExecutionException e = assertThrows(ExecutionException.class, () -> drain(client().getObjectContent("bucket", "k", null)).get());
        assertInstanceOf(Crc64MismatchException.class, e.getCause());
    }

    @Test
    void headsAndDeletesAnObject() throws IOException {
        oss.store("bucket", "k", random(1234));
        ObjectMetadata head = client().headObject("bucket", "k");
        assertEquals(1234, head.contentLength());
        assertEquals("FAKE-REQUEST", head.requestId().orElseThrow());
        client().deleteObject("bucket", "k");
        assertEquals(null, oss.object("bucket", "k"));
        assertEquals("DELETE", oss.received.get(1).request().method());
    }

    @Test
    void turnsOssErrorsIntoOssServiceExceptions() {
        OssServiceException missing = assertThrows(OssServiceException.class, () -> client().getObject("bucket", "nope", dir.resolve("x")));
        assertEquals(404, missing.status());
        assertEquals("NoSuchKey", missing.code());
        assertEquals("FAKE-ERR", missing.requestId());
        assertFalse(Files.exists(dir.resolve("x")));
        OssServiceException noBucket = assertThrows(OssServiceException.class, () -> client().putObject("nobucket", "k", new byte[1]));
        assertEquals("OSS error 404 NoSuchBucket: The specified bucket does not exist. (request id FAKE-ERR, EC 0000-00000000)",
                noBucket.getMessage());
    }

    @Test
    void reportsAHeadErrorFromHeadersAlone() {
        OssServiceException e = assertThrows(OssServiceException.class, () -> client().headObject("bucket", "nope"));
        assertEquals("OSS error 404 (request id FAKE-404, EC 0026-00000001)", e.getMessage());
    }

    @Test
    void addsTheClientTrafficLimitToUploadsAndDownloadsOnly() throws IOException {
        OssClient limited = OssClient.builder().endpoint(URI.create("https://oss-cn-hangzhou.aliyuncs.com"))
                .credentials(Credentials.of("id", "secret")).transport(oss).signer(signer)
                .trafficLimit(DataRate.ofKibibytesPerSecond(100)).build();
        limited.putObject("bucket", "k", new byte[] {1});
        limited.getObject("bucket", "k", dir.resolve("k"));
        limited.headObject("bucket", "k");
        limited.deleteObject("bucket", "k");
        assertEquals("819200", oss.received.get(0).request().headers().first("x-oss-traffic-limit").orElseThrow());
        assertEquals("819200", oss.received.get(1).request().headers().first("x-oss-traffic-limit").orElseThrow());
        assertFalse(oss.received.get(2).request().headers().contains("x-oss-traffic-limit"));
        assertFalse(oss.received.get(3).request().headers().contains("x-oss-traffic-limit"));
        // signed after the limit was added
        assertTrue(signer.signed.get(0).headers().contains("x-oss-traffic-limit"));
    }

    @Test
    void presignsThroughTheSignerWithTheLimitAsAQueryParameter() {
        URI url = client().presign("GET", "bucket", "dir/a b", Duration.ofMinutes(15), TrafficLimit.of(DataRate.ofMebibytesPerSecond(1)));
        assertEquals("https://bucket.oss-cn-hangzhou.aliyuncs.com/dir/a%20b?x-oss-traffic-limit=8388608&x-oss-access-key-id=LTAI-test"
                + "&x-oss-expires=900&x-oss-date=" + T0.getEpochSecond() + "&x-oss-signature=fixed", url.toString());
        assertTrue(oss.received.isEmpty());
        assertEquals("https://bucket.oss-cn-hangzhou.aliyuncs.com/k?x-oss-access-key-id=LTAI-test&x-oss-expires=60&x-oss-date="
                + T0.getEpochSecond() + "&x-oss-signature=fixed", client().presign("PUT", "bucket", "k", Duration.ofMinutes(1), null).toString());
    }

    @Test
    void keepsTheSecretOutOfItsDescription() {
        assertEquals("OssClient[https://oss-cn-hangzhou.aliyuncs.com, cn-hangzhou, Credentials[accessKeyId=LTAI-test, accessKeySecret=****]]",
                client().toString());
    }

    static CompletableFuture<byte[]> drain(ObjectContent content) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        content.body().subscribe(new Flow.Subscriber<ByteBuffer>() {
            Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(1);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
                subscription.request(1);
            }

            @Override
            public void onError(Throwable throwable) {
                result.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                result.complete(bytes.toByteArray());
            }
        });
        return result;
    }
}
