package dev.sluice.transport.micronaut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.transport.testkit.Streams.Sink;
import dev.sluice.transport.testkit.Streams.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import dev.sluice.transport.testkit.RawServer;
import dev.sluice.transport.testkit.Streams;

/**
 * The request and response as they cross the wire, seen by a plain-socket server on 127.0.0.1: framing
 * from the body's length, headers passed as given, bodies intact, statuses returned, timeouts and bad
 * requests failed clearly.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MicronautTransportTest {

    private final MicronautTransport transport = MicronautTransport.builder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void sendsABodyOfKnownLengthWithItsContentLengthAndTheHostHeaderAsGiven() throws Exception {
        CompletableFuture<String> head = new CompletableFuture<>();
        CompletableFuture<Long> crc = new CompletableFuture<>();
        long length = 300_000;
        try (RawServer server = new RawServer(64 * 1024, (socket, requestHead) -> {
            head.complete(requestHead);
            crc.complete(readCrc(socket.getInputStream(), length));
            respond(socket.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        })) {
            Request request = new Request("PUT", server.uri("/bucket/key"), Headers.of("Host", "bucket.oss-test.localhost",
                    "x-oss-meta-a", "1"), Body.of(new Source(length, 16 * 1024), length));

            Response response = transport.send(request).get();

            assertEquals(200, response.status());
            assertEquals(Streams.crcOf(length), crc.get());
            String lower = head.get().toLowerCase(Locale.ROOT);
            assertTrue(lower.startsWith("put /bucket/key http/1.1\r\n"), head.get());
            assertTrue(lower.contains("\r\ncontent-length: 300000\r\n"), head.get());
            assertTrue(lower.contains("\r\nhost: bucket.oss-test.localhost\r\n"), head.get());
            assertTrue(lower.contains("\r\nx-oss-meta-a: 1\r\n"), head.get());
        }
    }

    @Test
    void sendsABodyOfUnknownLengthChunked() throws Exception {
        CompletableFuture<String> head = new CompletableFuture<>();
        try (RawServer server = new RawServer(64 * 1024, (socket, requestHead) -> {
            head.complete(requestHead);
            readUntilLastChunk(socket.getInputStream());
            respond(socket.getOutputStream(), "HTTP/1.1 204 No Content\r\n\r\n");
        })) {
            Response response = transport.send(new Request("POST", server.uri("/upload"), Headers.of(),
                    Body.of(new Source(50_000, 8 * 1024), -1))).get();

            assertEquals(204, response.status());
            assertEquals(0, response.body().contentLength());
            assertTrue(head.get().toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked\r\n"), head.get());
        }
    }

    @Test
    void returnsAnErrorStatusAsAResponseWithItsBody() throws Exception {
        String xml = "<Error><Code>AccessDenied</Code></Error>";
        try (RawServer server = new RawServer(64 * 1024, (socket, requestHead) -> respond(socket.getOutputStream(),
                "HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nContent-Length: " + xml.length() + "\r\n\r\n" + xml))) {
            Response response = transport.send(Request.of("GET", server.uri("/bucket/key"))).get();
            Sink sink = new Sink(Long.MAX_VALUE);
            response.body().publisher().subscribe(sink);

            assertEquals(403, response.status());
            assertEquals(xml.length(), response.body().contentLength());
            assertEquals("application/xml", response.headers().first("content-type").orElseThrow());
            assertEquals(xml.length(), sink.done.get());
        }
    }

    @Test
    void streamsADownloadOfUnknownLengthToItsEnd() throws Exception {
        long length = 1_000_000;
        try (RawServer server = new RawServer(64 * 1024, (socket, requestHead) -> {
            OutputStream out = socket.getOutputStream();
            respond(out, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            byte[] chunk = new byte[10_000];
            for (long done = 0; done < length; done += chunk.length) {
                Streams.fill(chunk, done, chunk.length);
                out.write(chunk);
            }
            out.flush();
            socket.shutdownOutput();
        })) {
            Response response = transport.send(Request.of("GET", server.uri("/stream"))).get();
            Sink sink = new Sink(4);
            response.body().publisher().subscribe(sink);

            assertEquals(-1, response.body().contentLength());
            assertEquals(length, sink.done.get());
            assertEquals(Streams.crcOf(length), sink.crc());
        }
    }

    @Test
    void failsWithASocketTimeoutWhenTheResponseHeadStallsBeyondTheReadTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (MicronautTransport impatient = MicronautTransport.builder().readTimeout(Duration.ofMillis(300)).build();
                RawServer server = new RawServer(64 * 1024, (socket, requestHead) -> {
                    try {
                        release.await(); // never answers while the client waits
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> impatient.send(Request.of("GET", server.uri("/slow?token=secret"))).get());
            release.countDown();

            SocketTimeoutException timeout = assertInstanceOf(SocketTimeoutException.class, failed.getCause());
            assertTrue(timeout.getMessage().startsWith("GET " + server.uri("/slow") + " failed: timed out"), timeout.getMessage());
        }
    }

    @Test
    void refusesAContentLengthHeaderThatContradictsTheBodyBeforeSending() {
        Request request = new Request("PUT", java.net.URI.create("http://127.0.0.1:9/bucket/key"),
                Headers.of("Content-Length", "5"), Body.ofBytes(new byte[4]));

        ExecutionException refused = assertThrows(ExecutionException.class, () -> transport.send(request).get());

        assertEquals("Content-Length header \"5\" contradicts the body's length of 4 B; Content-Length comes from the body",
                assertInstanceOf(IllegalArgumentException.class, refused.getCause()).getMessage());
    }

    @Test
    void refusesRequestsOnceClosed() {
        transport.close();

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> transport.send(Request.of("GET", java.net.URI.create("http://127.0.0.1:9/"))).get());

        assertEquals("this MicronautTransport is closed", assertInstanceOf(IOException.class, refused.getCause()).getMessage());
    }

    private static long readCrc(InputStream in, long length) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] buffer = new byte[8192];
        for (long done = 0; done < length; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - done));
            if (n == -1) {
                throw new IOException("body ended after " + done + " B");
            }
            crc.update(buffer, 0, n);
            done += n;
        }
        return crc.getValue();
    }

    /** Reads a chunked body up to its last, empty chunk. */
    private static void readUntilLastChunk(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("connection closed inside the chunked body");
            }
            seen.write(b);
        }
    }

    private static void respond(OutputStream out, String response) throws IOException {
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
