package dev.sluice.emulator;

import static dev.sluice.emulator.TestClient.BUCKET;
import static dev.sluice.emulator.TestClient.KEY;
import static dev.sluice.emulator.TestClient.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataSize;
import dev.sluice.oss.CompleteMultipartUploadResult;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.ObjectMetadata;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.OssServiceException;
import dev.sluice.oss.PutObjectResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sluice's own OssClient against the emulator: the two halves of the project agree on the wire. */
class OssClientTest {

    @TempDir
    Path folder;

    @Test
    void putsGetsHeadsAndUploadsMultipartThroughOssClientWithCrcChecks() throws Exception {
        try (OssEmulator emulator = TestClient.emulator().start();
                OssClient client = OssClient.builder().endpoint(emulator.endpoint()).region(emulator.region())
                        .credentials(KEY).transport(new JdkTransport()).build()) {
            byte[] content = bytes(350_000, 21);
            Path source = Files.write(folder.resolve("source.bin"), content);

            PutObjectResult put = client.putObject(BUCKET, "client/put.bin", content);
            ObjectMetadata got = client.getObject(BUCKET, "client/put.bin", folder.resolve("got.bin"));
            ObjectMetadata head = client.headObject(BUCKET, "client/put.bin");
            CompleteMultipartUploadResult multipart = client.multipart().uploadFile(BUCKET, "client/multi.bin", source,
                    DataSize.ofKibibytes(100));
            client.getObject(BUCKET, "client/multi.bin", folder.resolve("multi.bin"));
            client.deleteObject(BUCKET, "client/put.bin");
            OssServiceException missing = assertThrows(OssServiceException.class, () -> client.headObject(BUCKET, "client/put.bin"));

            assertEquals(Crc64.of(content), put.crc64());
            assertArrayEquals(content, Files.readAllBytes(folder.resolve("got.bin")));
            assertEquals(content.length, got.contentLength());
            assertEquals(content.length, head.contentLength());
            assertEquals(Crc64.of(content), multipart.crc64().orElseThrow());
            assertArrayEquals(content, Files.readAllBytes(folder.resolve("multi.bin")));
            assertEquals(404, missing.status());
            assertEquals("NoSuchKey", missing.code());
        }
    }
}
