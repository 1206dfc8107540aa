package dev.sluice.emulator;

import static dev.sluice.emulator.TestClient.BUCKET;
import static dev.sluice.emulator.TestClient.KEY;
import static dev.sluice.emulator.TestClient.bytes;
import static dev.sluice.emulator.TestClient.text;
import static dev.sluice.emulator.TestClient.xml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Request;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server-side pacing is measured on the wall clock, generously: 256 KiB at 819,200 bit/s (100 KiB/s) with a
 * 16 KiB burst needs 2.4 s; the tests only require 1.5 s, so that a slow machine cannot fail them.
 */
class TrafficLimitTest {

    private static final int SIZE = 256 * 1024;
    private static final long AT_LEAST_NANOS = Duration.ofMillis(1500).toNanos();
    private static OssEmulator emulator;
    private static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = TestClient.emulator().start();
        client = new TestClient(emulator);
        client.put("paced.bin", bytes(SIZE, 7));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void pacesADownloadToTheTrafficLimitHeader() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.get("paced.bin", "x-oss-traffic-limit", "819200");
        long elapsed = System.nanoTime() - start;

        assertEquals(200, response.statusCode(), text(response));
        assertArrayEquals(bytes(SIZE, 7), response.body());
        assertTrue(elapsed >= AT_LEAST_NANOS, "256 KiB at 100 KiB/s took only " + elapsed / 1_000_000 + " ms");
    }

    @Test
    void pacesAnUploadThroughAPresignedUrlThatCarriesTheLimit() throws Exception {
        URI url = client.v4.presign(client.request("PUT", client.uri(BUCKET, "paced-up.bin", "x-oss-traffic-limit=819200")),
                KEY, Instant.now(), Duration.ofMinutes(5));

        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.send(Request.of("PUT", url), bytes(SIZE, 8));
        long elapsed = System.nanoTime() - start;

        assertEquals(200, response.statusCode(), text(response));
        assertTrue(elapsed >= AT_LEAST_NANOS, "256 KiB at 100 KiB/s took only " + elapsed / 1_000_000 + " ms");
        assertArrayEquals(bytes(SIZE, 8), client.get("paced-up.bin").body());
    }

    @Test
    void refusesValuesThatAreNotWholeBitsPerSecondWithin819200To838860800() throws Exception {
        for (String value : new String[] {"abc", "819199", "838860801", "-819200", "1e6", "99999999999999999999999"}) {
            HttpResponse<byte[]> response = client.send(client.request("GET", client.uri("paced.bin"), "x-oss-traffic-limit", value), null);

            assertEquals(400, response.statusCode(), value);
            assertEquals("InvalidArgument", xml(response, "Code"), value);
            assertEquals("0004-00000502", xml(response, "EC"), value);
        }
    }

    @Test
    void refusesALimitInTheQueryThatIsOutOfRange() throws Exception {
        HttpResponse<byte[]> response = client.send(client.request("GET", client.uri(BUCKET, "paced.bin", "x-oss-traffic-limit=100")), null);

        assertEquals(400, response.statusCode());
        assertEquals("0004-00000502", xml(response, "EC"));
    }

    @Test
    void refusesTheLimitAsHeaderAndQueryParameterTogether() throws Exception {
        HttpResponse<byte[]> response = client.send(client.request("GET", client.uri(BUCKET, "paced.bin", "x-oss-traffic-limit=819200"),
                "x-oss-traffic-limit", "819200"), null);

        assertEquals(400, response.statusCode());
        assertEquals("InvalidArgument", xml(response, "Code"));
        assertEquals("0004-00000501", xml(response, "EC"));
    }

    @Test
    void acceptsTheBoundsThemselves() throws Exception {
        HttpResponse<byte[]> max = client.get("paced.bin", "x-oss-traffic-limit", "838860800");

        assertEquals(200, max.statusCode(), text(max));
        assertEquals(SIZE, max.body().length);
    }
}
