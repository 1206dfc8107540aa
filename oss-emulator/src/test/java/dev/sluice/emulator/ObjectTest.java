package dev.sluice.emulator;

import static dev.sluice.emulator.TestClient.bytes;
import static dev.sluice.emulator.TestClient.text;
import static dev.sluice.emulator.TestClient.xml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.oss.Crc64;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectTest {

    @TempDir
    static Path folder;
    private static OssEmulator memory;
    private static OssEmulator files;
    private static TestClient client;
    private static TestClient fileClient;

    @BeforeAll
    static void start() {
        memory = TestClient.emulator().start();
        files = TestClient.emulator().storageDirectory(folder).start();
        client = new TestClient(memory);
        fileClient = new TestClient(files);
    }

    @AfterAll
    static void stop() {
        memory.close();
        files.close();
    }

    @Test
    void roundTripsAnObjectWithItsEtagAndCrc64() throws Exception {
        byte[] content = bytes(300_000, 1);
        String crc = Crc64.toDecimal(Crc64.of(content));

        HttpResponse<byte[]> put = client.put("dir/data.bin", content, "Content-Type", "application/x-test");
        HttpResponse<byte[]> get = client.get("dir/data.bin");

        assertEquals(crc, put.headers().firstValue("x-oss-hash-crc64ecma").orElse(null));
        assertEquals(200, get.statusCode());
        assertArrayEquals(content, get.body());
        assertEquals(crc, get.headers().firstValue("x-oss-hash-crc64ecma").orElse(null));
        assertEquals(put.headers().firstValue("ETag"), get.headers().firstValue("ETag"));
        assertTrue(get.headers().firstValue("ETag").orElse("").matches("\"[0-9A-F]{32}\""));
        assertEquals("application/x-test", get.headers().firstValue("Content-Type").orElse(null));
    }

    @Test
    void storesObjectsAsFilesInItsOwnFolderAndDeletesThemOnClose() throws Exception {
        byte[] content = bytes(1_000_000, 2);
        OssEmulator closing = TestClient.emulator().storageDirectory(folder.resolve("closing")).start();
        TestClient closingClient = new TestClient(closing);

        closingClient.put("big.bin", content);
        long stored;
        try (Stream<Path> walk = Files.walk(folder.resolve("closing"))) {
            stored = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        HttpResponse<byte[]> get = closingClient.get("big.bin");
        closing.close();

        assertEquals(content.length, stored);
        assertArrayEquals(content, get.body());
        try (Stream<Path> left = Files.list(folder.resolve("closing"))) {
            assertEquals(0, left.count(), "the emulator's folder is gone");
        }
    }

    @Test
    void servesARangeWith206AndContentRangeFromMemoryAndFromFiles() throws Exception {
        byte[] content = bytes(10_000, 3);
        for (TestClient c : new TestClient[] {client, fileClient}) {
            c.put("ranged.bin", content);

            HttpResponse<byte[]> middle = c.get("ranged.bin", "Range", "bytes=100-199");
            HttpResponse<byte[]> tail = c.get("ranged.bin", "Range", "bytes=-10");
            HttpResponse<byte[]> open = c.get("ranged.bin", "Range", "bytes=9990-");

            assertEquals(206, middle.statusCode());
            assertEquals("bytes 100-199/10000", middle.headers().firstValue("Content-Range").orElse(null));
            assertArrayEquals(Arrays.copyOfRange(content, 100, 200), middle.body());
            assertArrayEquals(Arrays.copyOfRange(content, 9990, 10_000), tail.body());
            assertEquals("bytes 9990-9999/10000", open.headers().firstValue("Content-Range").orElse(null));
        }
    }

    @Test
    void servesTheWholeObjectWith200ForAnInvalidRangeAsOssDoes() throws Exception {
        byte[] content = bytes(1000, 4);
        client.put("whole.bin", content);

        for (String range : new String[] {"bytes=2000-3000", "bytes=500-100", "bytes=abc", "bytes=0-1,5-6", "items=0-1"}) {
            HttpResponse<byte[]> response = client.get("whole.bin", "Range", range);

            assertEquals(200, response.statusCode(), range);
            assertArrayEquals(content, response.body(), range);
            assertFalse(response.headers().firstValue("Content-Range").isPresent(), range);
        }
    }

    @Test
    void headObjectDescribesTheObjectWithoutABody() throws Exception {
        byte[] content = bytes(4321, 5);
        client.put("head.bin", content);

        HttpResponse<byte[]> head = client.send(client.signV4(client.request("HEAD", client.uri("head.bin"))), null);

        assertEquals(200, head.statusCode());
        assertEquals("4321", head.headers().firstValue("Content-Length").orElse(null));
        assertEquals(Crc64.toDecimal(Crc64.of(content)), head.headers().firstValue("x-oss-hash-crc64ecma").orElse(null));
        assertTrue(head.headers().firstValue("ETag").isPresent());
        assertEquals(0, head.body().length);
    }

    @Test
    void headOfAMissingObjectCarriesTheErrorInXOssErr() throws Exception {
        HttpResponse<byte[]> head = client.send(client.signV4(client.request("HEAD", client.uri("absent.bin"))), null);

        assertEquals(404, head.statusCode());
        String error = new String(java.util.Base64.getDecoder().decode(head.headers().firstValue("x-oss-err").orElse("")),
                StandardCharsets.UTF_8);
        assertTrue(error.contains("<Code>NoSuchKey</Code>"), error);
    }

    @Test
    void deleteRemovesTheObjectAndLaterGetsAnswerNoSuchKey() throws Exception {
        client.put("doomed.txt", "x".getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> delete = client.send(client.signV4(client.request("DELETE", client.uri("doomed.txt"))), null);
        HttpResponse<byte[]> get = client.get("doomed.txt");

        assertEquals(204, delete.statusCode());
        assertEquals(404, get.statusCode());
        assertEquals("NoSuchKey", xml(get, "Code"));
    }

    @Test
    void answersNoSuchBucketUntilPutBucketCreatesIt() throws Exception {
        byte[] body = "new".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> before = client.send(client.signV4(client.request("PUT", client.uri("fresh-bucket", "a.txt", null))), body);

        HttpResponse<byte[]> create = client.send(client.signV4(client.request("PUT", client.uri("fresh-bucket", null, null))), null);
        HttpResponse<byte[]> after = client.send(client.signV4(client.request("PUT", client.uri("fresh-bucket", "a.txt", null))), body);

        assertEquals(404, before.statusCode());
        assertEquals("NoSuchBucket", xml(before, "Code"));
        assertEquals(200, create.statusCode());
        assertEquals(200, after.statusCode(), text(after));
    }

    @Test
    void keysWithSpacesPlusSignsAndUnicodeRoundTrip() throws Exception {
        String key = "odd keys/a b+c*(1)~é中.txt";
        client.put(key, "odd".getBytes(StandardCharsets.UTF_8));

        assertEquals("odd", text(client.get(key)));
    }

    @Test
    void refusesABodyWhoseContentMd5DoesNotMatch() throws Exception {
        HttpResponse<byte[]> response = client.send(client.signV4(client.request("PUT", client.uri("md5.txt"),
                "Content-MD5", "AAAAAAAAAAAAAAAAAAAAAA==")), "x".getBytes(StandardCharsets.UTF_8));

        assertEquals(400, response.statusCode());
        assertEquals("InvalidDigest", xml(response, "Code"));
        assertEquals(404, client.get("md5.txt").statusCode());
    }

    @Test
    void emptyObjectsHaveCrcZero() throws Exception {
        HttpResponse<byte[]> put = client.put("empty", new byte[0]);

        HttpResponse<byte[]> get = client.get("empty");

        assertEquals("0", put.headers().firstValue("x-oss-hash-crc64ecma").orElse(null));
        assertEquals(200, get.statusCode());
        assertEquals(0, get.body().length);
    }
}
