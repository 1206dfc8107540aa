package dev.sluice.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Credentials;
import dev.sluice.api.Request;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.OssV4Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README snippet, as a new user would run it: start the emulator, upload a file, check its CRC-64. */
class ReadmeSnippetTest {

    @TempDir
    Path folder;

    @Test
    void theReadmeSnippetStartsTheEmulatorAndUploadsAFile() throws Exception {
        Path file = Files.writeString(folder.resolve("hello.txt"), "hello world");

        // --- README snippet starts
        Credentials key = Credentials.of("test-key-id", "test-key-secret");
        try (OssEmulator oss = OssEmulator.builder().credentials(key).bucket("examplebucket").start()) {
            URI uri = URI.create(oss.endpoint() + "/examplebucket/hello.txt");        // path-style on 127.0.0.1
            Request signed = OssV4Signer.builder().region(oss.region()).build()
                    .sign(Request.of("PUT", uri), key, Instant.now());
            HttpRequest.Builder put = HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofFile(file));
            signed.headers().toMap().forEach((name, values) -> values.forEach(v -> put.header(name, v)));
            HttpResponse<String> response = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
            String crc = response.headers().firstValue("x-oss-hash-crc64ecma").orElseThrow();
            // response.statusCode() == 200; crc == Crc64.toDecimal(Crc64.of(Files.readAllBytes(file)))
            // --- README snippet ends

            assertEquals(200, response.statusCode(), response.body());
            assertEquals(Crc64.toDecimal(Crc64.of(Files.readAllBytes(file))), crc);
        }
    }
}
