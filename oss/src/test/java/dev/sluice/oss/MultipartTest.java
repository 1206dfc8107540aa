package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartTest {

    final FakeOss oss = new FakeOss();
    final OssClient client = OssClient.builder().endpoint(URI.create("https://oss-cn-hangzhou.aliyuncs.com"))
            .credentials(Credentials.of("id", "secret")).transport(oss).signer(new FixedSigner()).build();
    final Multipart multipart = client.multipart();
    @TempDir
    Path dir;

    @Test
    void uploadsPartsCompletesAndChecksTheCombinedCrc() throws IOException {
        byte[] data = OssClientTest.random(250_000);
        String uploadId = multipart.initiate("bucket", "big.bin");
        assertEquals("UPLOAD1", uploadId);
        assertEquals("https://bucket.oss-cn-hangzhou.aliyuncs.com/big.bin?uploads", oss.received.get(0).request().uri().toString());
        UploadedPart p2 = multipart.uploadPart("bucket", "big.bin", uploadId, 2, Arrays.copyOfRange(data, 150_000, 250_000), null);
        UploadedPart p1 = multipart.uploadPart("bucket", "big.bin", uploadId, 1, Arrays.copyOfRange(data, 0, 150_000), null);
        assertEquals("https://bucket.oss-cn-hangzhou.aliyuncs.com/big.bin?partNumber=2&uploadId=UPLOAD1",
                oss.received.get(1).request().uri().toString());
        assertEquals(OptionalLong.of(Crc64.of(Arrays.copyOfRange(data, 0, 150_000))), p1.crc64());
        assertEquals(150_000, p1.size());

        CompleteMultipartUploadResult done = multipart.complete("bucket", "big.bin", uploadId, List.of(p2, p1));
        assertArrayEquals(data, oss.object("bucket", "big.bin"));
        assertEquals(OptionalLong.of(Crc64.of(data)), done.crc64());
        assertEquals("\"MULTI-2\"", done.etag());
        assertEquals("big.bin", done.key());
        String body = new String(readBody(oss.received.get(3)), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.contains("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber>"), body);
    }

    @Test
    void sendsATrafficLimitPerPart() throws IOException {
        String uploadId = multipart.initiate("bucket", "k");
        multipart.uploadPart("bucket", "k", uploadId, 1, new byte[10], TrafficLimit.of(DataRate.ofMebibytesPerSecond(2)));
        multipart.uploadPart("bucket", "k", uploadId, 2, new byte[10], null);
        assertEquals("16777216", oss.received.get(1).request().headers().first("x-oss-traffic-limit").orElseThrow());
        assertFalse(oss.received.get(2).request().headers().contains("x-oss-traffic-limit"));
    }

    @Test
    void listsPartsAcrossPages() throws IOException {
        oss.listPartsPageSize = 2;
        String uploadId = multipart.initiate("bucket", "k");
        for (int n = 1; n <= 5; n++) {
            multipart.uploadPart("bucket", "k", uploadId, n, new byte[n], null);
        }
        List<UploadedPart> parts = multipart.listParts("bucket", "k", uploadId);
        assertEquals(List.of(1, 2, 3, 4, 5), parts.stream().map(UploadedPart::partNumber).toList());
        assertEquals(3, parts.get(2).size());
        assertEquals(OptionalLong.of(Crc64.of(new byte[4])), parts.get(3).crc64());
        assertEquals(FakeOss.etag(new byte[5]), parts.get(4).etag());
        assertTrue(oss.received.get(oss.received.size() - 1).request().uri().getRawQuery().startsWith("part-number-marker=4&"));
    }

    @Test
    void abortsAnUpload() throws IOException {
        String uploadId = multipart.initiate("bucket", "k");
        multipart.abort("bucket", "k", uploadId);
        assertEquals(0, oss.openUploads());
        OssServiceException e = assertThrows(OssServiceException.class, () -> multipart.abort("bucket", "k", uploadId));
        assertEquals("NoSuchUpload", e.code());
    }

    @Test
    void uploadsAFileInPartsOfThePreferredSizeFromSlicesOfTheFile() throws IOException {
        byte[] data = OssClientTest.random(350_000);
        Path file = Files.write(dir.resolve("f.bin"), data);
        CompleteMultipartUploadResult done = multipart.uploadFile("bucket", "f.bin", file, DataSize.ofKibibytes(100));
        assertArrayEquals(data, oss.object("bucket", "f.bin"));
        assertEquals(OptionalLong.of(Crc64.of(data)), done.crc64());
        // initiate, four parts (3 x 102400 + 42800), complete
        assertEquals(6, oss.received.size());
        assertEquals(42_800, oss.received.get(4).bodyBytes());
    }

    @Test
    void abortsAFileUploadThatFailsAndReportsTheFailure() throws IOException {
        Path file = Files.write(dir.resolve("f.bin"), OssClientTest.random(150_000));
        oss.wrongCrcHeader = true;
        assertThrows(Crc64MismatchException.class, () -> multipart.uploadFile("bucket", "f.bin", file, DataSize.ofKibibytes(100)));
        assertEquals(0, oss.openUploads());
        assertEquals("DELETE", oss.received.get(oss.received.size() - 1).request().method());
    }

    @Test
    void failsCompletionWhenOssReportsACrcOtherThanThePartsCombined() throws IOException {
        String uploadId = multipart.initiate("bucket", "k");
        UploadedPart p1 = multipart.uploadPart("bucket", "k", uploadId, 1, new byte[] {1, 2, 3}, null);
        UploadedPart lying = new UploadedPart(1, p1.etag(), OptionalLong.of(p1.crc64().getAsLong() ^ 1), 3);
        Crc64MismatchException e = assertThrows(Crc64MismatchException.class, () -> multipart.complete("bucket", "k", uploadId, List.of(lying)));
        assertTrue(e.getMessage().startsWith("CRC-64 mismatch on CompleteMultipartUpload oss://bucket/k (parts combined)"), e.getMessage());
    }

    @Test
    void reportsAnUnknownPartAsOssDoes() throws IOException {
        String uploadId = multipart.initiate("bucket", "k");
        OssServiceException e = assertThrows(OssServiceException.class,
                () -> multipart.complete("bucket", "k", uploadId, List.of(new UploadedPart(1, "\"X\"", OptionalLong.empty(), -1))));
        assertEquals("InvalidPart", e.code());
        assertEquals(400, e.status());
    }

    private static byte[] readBody(FakeOss.Received received) {
        return OssClientTest.drain(new ObjectContent(null, received.request().body().publisher())).join();
    }
}
