package dev.sluice.emulator;

import static dev.sluice.emulator.TestClient.bytes;
import static dev.sluice.emulator.TestClient.xml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault, as a client sees it over a real socket. Delays are measured generously on the wall clock. */
class FaultTest {

    private static final byte[] CONTENT = bytes(64 * 1024, 9);
    private static OssEmulator emulator;
    private static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = TestClient.emulator().start();
        client = new TestClient(emulator);
        client.put("faulty.bin", CONTENT);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void answersSlowDownTheGivenNumberOfTimesThenServesNormally() throws Exception {
        emulator.faults().add(Fault.on("GET", "examplebucket/faulty.*").respond(503, "SlowDown").times(2));

        HttpResponse<byte[]> first = client.get("faulty.bin");
        HttpResponse<byte[]> second = client.get("faulty.bin");
        HttpResponse<byte[]> third = client.get("faulty.bin");

        assertEquals(503, first.statusCode());
        assertEquals("SlowDown", xml(first, "Code"));
        assertEquals(503, second.statusCode());
        assertEquals(200, third.statusCode());
        assertEquals(List.of(), emulator.faults().active());
    }

    @Test
    void appliesAFaultOnlyToMatchingMethodsAndKeys() throws Exception {
        emulator.faults().add(Fault.on("PUT", "*").respond(503, "SlowDown"));
        emulator.faults().add(Fault.on("*", "otherbucket/*").respond(503, "SlowDown"));

        assertEquals(200, client.get("faulty.bin").statusCode());
    }

    @Test
    void appliesFaultsGivenToTheBuilder() throws Exception {
        try (OssEmulator withFault = TestClient.emulator()
                .fault(Fault.on("GET", "examplebucket/from-builder").respond(500, "InternalError")).start()) {
            HttpResponse<byte[]> response = new TestClient(withFault).get("from-builder");

            assertEquals(500, response.statusCode());
            assertEquals("InternalError", xml(response, "Code"));
        }
    }

    @Test
    void dropsTheConnectionAfterNBytesOfTheResponse() throws Exception {
        emulator.faults().add(Fault.on("GET", "*").resetAfterResponseBytes(10_000).times(1));

        HttpResponse<InputStream> response = client.http.send(TestClient.toJdk(client.signV4(
                client.request("GET", client.uri("faulty.bin"))), null), HttpResponse.BodyHandlers.ofInputStream());
        byte[] received = new byte[CONTENT.length];
        int total = 0;
        IOException cut = null;
        try (InputStream in = response.body()) {
            for (int n = in.read(received); n > 0; n = in.read(received, total, received.length - total)) {
                total += n;
                if (total == received.length) {
                    break;
                }
            }
        } catch (IOException e) {
            cut = e;
        }

        assertEquals(200, response.statusCode());
        assertEquals(10_000, total, "bytes before the connection dropped");
        assertTrue(cut != null, "the client saw the connection drop");
        assertArrayEquals(CONTENT, client.get("faulty.bin").body(), "a one-time fault leaves later requests alone");
    }

    @Test
    void dropsTheConnectionAfterNBytesOfTheRequest() throws Exception {
        emulator.faults().add(Fault.on("PUT", "examplebucket/upload-*").resetAfterRequestBytes(1000));

        assertThrows(IOException.class, () -> client.send(client.signV4(client.request("PUT", client.uri("upload-cut.bin"))),
                bytes(2 * 1024 * 1024, 1)));
        emulator.faults().clear();
        assertEquals(404, client.get("upload-cut.bin").statusCode(), "nothing was stored");
    }

    @Test
    void delaysTheFirstByte() throws Exception {
        emulator.faults().add(Fault.on("GET", "*").delayFirstByte(Duration.ofMillis(700)));

        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.get("faulty.bin");
        long elapsed = System.nanoTime() - start;

        assertEquals(200, response.statusCode());
        assertTrue(elapsed >= Duration.ofMillis(600).toNanos(), "answered after " + elapsed / 1_000_000 + " ms");
    }

    @Test
    void stallsMidBodyThenDeliversEverything() throws Exception {
        emulator.faults().add(Fault.on("GET", "*").stallAfter(8192, Duration.ofMillis(700)));

        HttpResponse<InputStream> response = client.http.send(TestClient.toJdk(client.signV4(
                client.request("GET", client.uri("faulty.bin"))), null), HttpResponse.BodyHandlers.ofInputStream());
        long start = System.nanoTime();
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readAllBytes();
        }
        long elapsed = System.nanoTime() - start;

        assertArrayEquals(CONTENT, body);
        assertTrue(elapsed >= Duration.ofMillis(600).toNanos(), "the body took " + elapsed / 1_000_000 + " ms");
    }

    @Test
    void clearRemovesEveryFault() throws Exception {
        emulator.faults().add(Fault.on("*", "*").respond(503, "SlowDown"));

        emulator.faults().clear();

        assertEquals(200, client.get("faulty.bin").statusCode());
    }

    @Test
    void refusesBadFaultsWithMessagesNamingTheValue() {
        IllegalArgumentException status = assertThrows(IllegalArgumentException.class, () -> Fault.on("GET", "*").respond(200, "OK"));
        IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class, () -> Fault.on("GET", "*").resetAfterResponseBytes(-1));
        IllegalArgumentException times = assertThrows(IllegalArgumentException.class, () -> Fault.on("GET", "*").respond(503, "SlowDown").times(0));

        assertEquals("fault status must be an error status within 400..599, was 200", status.getMessage());
        assertEquals("fault byte count must be at least 0 B, was -1 B", bytes.getMessage());
        assertEquals("fault count must be at least 1 request, was 0", times.getMessage());
    }
}
