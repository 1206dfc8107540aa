package dev.sluice.emulator;

import static dev.sluice.emulator.TestClient.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.oss.Crc64;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final int TRANSFERS = 200;
    private static final int SIZE = 48 * 1024;

    @Test
    void serves200SimultaneousUploadsAndPacedDownloadsWithoutErrors() throws Exception {
        try (OssEmulator emulator = TestClient.emulator().start()) {
            TestClient client = new TestClient(emulator);
            List<CompletableFuture<HttpResponse<byte[]>>> puts = new ArrayList<>();
            for (int i = 0; i < TRANSFERS; i++) {
                puts.add(client.http.sendAsync(TestClient.toJdk(client.signV4(client.request("PUT", client.uri("c/" + i))),
                        bytes(SIZE, i)), HttpResponse.BodyHandlers.ofByteArray()));
            }
            for (int i = 0; i < TRANSFERS; i++) {
                HttpResponse<byte[]> put = puts.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(200, put.statusCode(), "PUT " + i);
                assertEquals(Crc64.toDecimal(Crc64.of(bytes(SIZE, i))), put.headers().firstValue("x-oss-hash-crc64ecma").orElse(null));
            }

            // each download is paced to 100 KiB/s and lasts about 0.3 s, so the 200 are in flight together
            // (with 256 threads the phase takes about 1 s; the bound below only guards against hangs)
            List<CompletableFuture<HttpResponse<byte[]>>> gets = new ArrayList<>();
            for (int i = 0; i < TRANSFERS; i++) {
                gets.add(client.http.sendAsync(TestClient.toJdk(client.signV4(client.request("GET", client.uri("c/" + i),
                        "x-oss-traffic-limit", "819200")), null), HttpResponse.BodyHandlers.ofByteArray()));
            }
            for (int i = 0; i < TRANSFERS; i++) {
                HttpResponse<byte[]> get = gets.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(200, get.statusCode(), "GET " + i);
                assertArrayEquals(bytes(SIZE, i), get.body(), "GET " + i);
            }
        }
    }
}
