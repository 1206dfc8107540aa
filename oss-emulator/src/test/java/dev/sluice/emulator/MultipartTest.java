package dev.sluice.emulator;

import static dev.sluice.emulator.TestClient.BUCKET;
import static dev.sluice.emulator.TestClient.bytes;
import static dev.sluice.emulator.TestClient.text;
import static dev.sluice.emulator.TestClient.xml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.oss.Crc64;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartTest {

    private static final int KIB_100 = 100 * 1024;

    @TempDir
    static Path folder;
    private static OssEmulator memory;
    private static OssEmulator files;
    private static TestClient client;

    @BeforeAll
    static void start() {
        memory = TestClient.emulator().start();
        files = TestClient.emulator().storageDirectory(folder).start();
        client = new TestClient(memory);
    }

    @AfterAll
    static void stop() {
        memory.close();
        files.close();
    }

    @Test
    void completesAnUploadIntoOneObjectWhoseCrcIsThePartsCombined() throws Exception {
        for (TestClient c : new TestClient[] {client, new TestClient(files)}) {
            byte[][] parts = {bytes(KIB_100, 10), bytes(KIB_100 + 7, 11), bytes(10, 12)};
            String uploadId = initiate(c, "multi/object.bin");
            List<String> etags = new ArrayList<>();
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            for (int i = 0; i < parts.length; i++) {
                HttpResponse<byte[]> part = uploadPart(c, "multi/object.bin", uploadId, i + 1, parts[i]);
                assertEquals(Crc64.toDecimal(Crc64.of(parts[i])), part.headers().firstValue("x-oss-hash-crc64ecma").orElse(null));
                etags.add(part.headers().firstValue("ETag").orElseThrow());
                whole.write(parts[i]);
            }

            HttpResponse<byte[]> complete = complete(c, "multi/object.bin", uploadId, completeBody(1, etags.get(0), 2, etags.get(1), 3, etags.get(2)));
            HttpResponse<byte[]> get = c.get("multi/object.bin");
            HttpResponse<byte[]> range = c.get("multi/object.bin", "Range", "bytes=" + (KIB_100 - 5) + "-" + (KIB_100 + 4));

            assertEquals(200, complete.statusCode(), text(complete));
            String crc = Crc64.toDecimal(Crc64.of(whole.toByteArray()));
            assertEquals(crc, complete.headers().firstValue("x-oss-hash-crc64ecma").orElse(null));
            assertTrue(xml(complete, "ETag").matches("\"[0-9A-F]{32}-3\""), text(complete));
            assertEquals(xml(complete, "ETag"), complete.headers().firstValue("ETag").orElse(null));
            assertEquals(BUCKET, xml(complete, "Bucket"));
            assertArrayEquals(whole.toByteArray(), get.body());
            assertEquals(crc, get.headers().firstValue("x-oss-hash-crc64ecma").orElse(null));
            assertArrayEquals(java.util.Arrays.copyOfRange(whole.toByteArray(), KIB_100 - 5, KIB_100 + 5), range.body());
        }
    }

    @Test
    void refusesAPartOtherThanTheLastUnder100KibWithEntityTooSmall() throws Exception {
        String uploadId = initiate(client, "small.bin");
        String first = uploadPart(client, "small.bin", uploadId, 1, bytes(KIB_100 - 1, 1)).headers().firstValue("ETag").orElseThrow();
        String second = uploadPart(client, "small.bin", uploadId, 2, bytes(5, 2)).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> response = complete(client, "small.bin", uploadId, completeBody(1, first, 2, second));

        assertEquals(400, response.statusCode());
        assertEquals("EntityTooSmall", xml(response, "Code"));
        assertEquals("0042-00000213", xml(response, "EC"));
    }

    @Test
    void refusesAnUnknownPartOrAWrongEtagWithInvalidPart() throws Exception {
        String uploadId = initiate(client, "invalid-part.bin");
        String etag = uploadPart(client, "invalid-part.bin", uploadId, 1, bytes(10, 1)).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> wrongEtag = complete(client, "invalid-part.bin", uploadId, completeBody(1, "\"00000000000000000000000000000000\""));
        HttpResponse<byte[]> unknownPart = complete(client, "invalid-part.bin", uploadId, completeBody(1, etag, 2, etag));

        assertEquals("InvalidPart", xml(wrongEtag, "Code"));
        assertEquals("InvalidPart", xml(unknownPart, "Code"));
        assertEquals(400, unknownPart.statusCode());
    }

    @Test
    void refusesPartsOutOfOrderWithInvalidPartOrder() throws Exception {
        String uploadId = initiate(client, "order.bin");
        String one = uploadPart(client, "order.bin", uploadId, 1, bytes(KIB_100, 1)).headers().firstValue("ETag").orElseThrow();
        String two = uploadPart(client, "order.bin", uploadId, 2, bytes(10, 2)).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> response = complete(client, "order.bin", uploadId, completeBody(2, two, 1, one));

        assertEquals("InvalidPartOrder", xml(response, "Code"));
        assertEquals("0042-00000209", xml(response, "EC"));
    }

    @Test
    void refusesAPartNumberOutside1To10000() throws Exception {
        String uploadId = initiate(client, "numbers.bin");

        HttpResponse<byte[]> response = uploadPart(client, "numbers.bin", uploadId, 10_001, bytes(1, 1));

        assertEquals(400, response.statusCode());
        assertEquals("InvalidArgument", xml(response, "Code"));
        assertEquals("Part number must be an integer between 1 and 10000, inclusive.", xml(response, "Message"));
    }

    @Test
    void abortForgetsTheUploadSoLaterRequestsGetNoSuchUpload() throws Exception {
        String uploadId = initiate(client, "aborted.bin");
        uploadPart(client, "aborted.bin", uploadId, 1, bytes(10, 1));

        HttpResponse<byte[]> abort = client.send(client.signV4(client.request("DELETE",
                client.uri(BUCKET, "aborted.bin", "uploadId=" + uploadId))), null);
        HttpResponse<byte[]> part = uploadPart(client, "aborted.bin", uploadId, 2, bytes(10, 2));
        HttpResponse<byte[]> again = client.send(client.signV4(client.request("DELETE",
                client.uri(BUCKET, "aborted.bin", "uploadId=" + uploadId))), null);

        assertEquals(204, abort.statusCode());
        assertEquals(404, part.statusCode());
        assertEquals("NoSuchUpload", xml(part, "Code"));
        assertEquals("NoSuchUpload", xml(again, "Code"));
    }

    @Test
    void listsPartsPageByPage() throws Exception {
        String uploadId = initiate(client, "listed.bin");
        for (int n = 1; n <= 5; n++) {
            uploadPart(client, "listed.bin", uploadId, n, bytes(n, n));
        }

        HttpResponse<byte[]> first = listParts(client, "listed.bin", uploadId, "&max-parts=2");
        HttpResponse<byte[]> second = listParts(client, "listed.bin", uploadId, "&max-parts=2&part-number-marker=" + xml(first, "NextPartNumberMarker"));
        HttpResponse<byte[]> last = listParts(client, "listed.bin", uploadId, "&max-parts=2&part-number-marker=4");

        assertEquals(List.of("1", "2"), all(first, "PartNumber"));
        assertEquals("true", xml(first, "IsTruncated"));
        assertEquals(List.of("3", "4"), all(second, "PartNumber"));
        assertEquals(List.of("5"), all(last, "PartNumber"));
        assertEquals("false", xml(last, "IsTruncated"));
        assertEquals(List.of("5"), all(last, "Size"));
        assertEquals(Crc64.toDecimal(Crc64.of(bytes(5, 5))), xml(last, "HashCrc64ecma"));
    }

    @Test
    void completeAllUsesEveryUploadedPart() throws Exception {
        String uploadId = initiate(client, "all.bin");
        uploadPart(client, "all.bin", uploadId, 1, bytes(KIB_100, 1));
        uploadPart(client, "all.bin", uploadId, 3, bytes(3, 3));

        HttpResponse<byte[]> complete = client.send(client.signV4(client.request("POST",
                client.uri(BUCKET, "all.bin", "uploadId=" + uploadId), "x-oss-complete-all", "yes")), new byte[0]);

        assertEquals(200, complete.statusCode(), text(complete));
        assertEquals(KIB_100 + 3, client.get("all.bin").body().length);
    }

    @Test
    void refusesACompleteBodyWithADoctype() throws Exception {
        String uploadId = initiate(client, "xxe.bin");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&e;</ETag></Part></CompleteMultipartUpload>";

        HttpResponse<byte[]> response = complete(client, "xxe.bin", uploadId, body);

        assertEquals(400, response.statusCode());
        assertEquals("MalformedXML", xml(response, "Code"));
    }

    static String initiate(TestClient c, String key) throws Exception {
        HttpResponse<byte[]> response = c.send(c.signV4(c.request("POST", c.uri(BUCKET, key, "uploads"))), new byte[0]);
        assertEquals(200, response.statusCode(), text(response));
        return xml(response, "UploadId");
    }

    static HttpResponse<byte[]> uploadPart(TestClient c, String key, String uploadId, int number, byte[] bytes) throws Exception {
        return c.send(c.signV4(c.request("PUT", c.uri(BUCKET, key, "partNumber=" + number + "&uploadId=" + uploadId))), bytes);
    }

    static HttpResponse<byte[]> complete(TestClient c, String key, String uploadId, String body) throws Exception {
        return c.send(c.signV4(c.request("POST", c.uri(BUCKET, key, "uploadId=" + uploadId))), body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> listParts(TestClient c, String key, String uploadId, String more) throws Exception {
        return c.send(c.signV4(c.request("GET", c.uri(BUCKET, key, "uploadId=" + uploadId + more))), null);
    }

    static String completeBody(Object... numbersAndEtags) {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 0; i < numbersAndEtags.length; i += 2) {
            xml.append("<Part><PartNumber>").append(numbersAndEtags[i]).append("</PartNumber><ETag>")
                    .append(numbersAndEtags[i + 1]).append("</ETag></Part>");
        }
        return xml.append("</CompleteMultipartUpload>").toString();
    }

    private static List<String> all(HttpResponse<byte[]> response, String element) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">").matcher(text(response));
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }
}
