package dev.sluice.transport.jdkhttp;

import static dev.sluice.transport.testkit.Streams.KIB;
import static dev.sluice.transport.testkit.Streams.MIB;
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
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import dev.sluice.transport.testkit.Streams;

/** {@link JdkHttpTransport} against the JDK's HTTP server on loopback: real sockets, no timing assertions. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdkHttpTransportTest {

    private final Loopback server;
    private final JdkHttpTransport transport = JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(10)).build();

    JdkHttpTransportTest() throws IOException {
        server = new Loopback();
    }

    @AfterEach
    void close() {
        transport.close();
        server.close();
    }

    @Test
    void uploadsFourMibStreamedInChunksWithItsContentLength() throws Exception {
        server.handle("/put", Loopback::echoDigest);
        Source source = new Source(4L * MIB, 64 * KIB);

        Response response = transport.send(new Request("PUT", server.uri("/put/key"), Headers.of(),
                Body.of(source, 4L * MIB))).get();

        assertEquals(200, response.status());
        assertEquals(String.valueOf(4 * MIB), response.headers().first("x-received").orElseThrow());
        assertEquals(String.valueOf(Streams.crcOf(4L * MIB)), response.headers().first("x-crc32").orElseThrow());
        assertEquals(String.valueOf(4 * MIB), response.headers().first("x-request-content-length").orElseThrow());
        assertEquals(64, source.emittedItems.get(), "the body was read chunk by chunk");
        assertTrue(source.maxOutstanding.get() <= 1, "the client asks for one chunk at a time, asked " + source.maxOutstanding);
    }

    @Test
    void uploadsABodyOfUnknownLengthChunked() throws Exception {
        server.handle("/put", Loopback::echoDigest);
        Source source = new Source(3L * MIB + 123, 50_000);

        Response response = transport.send(new Request("PUT", server.uri("/put/key"), Headers.of(),
                Body.of(source, -1))).get();

        assertEquals(String.valueOf(3 * MIB + 123), response.headers().first("x-received").orElseThrow());
        assertEquals(String.valueOf(Streams.crcOf(3L * MIB + 123)), response.headers().first("x-crc32").orElseThrow());
        assertEquals("chunked", response.headers().first("x-request-transfer-encoding").orElseThrow());
    }

    @Test
    void readsAnEmptyBodyToItsEndAndSendsNoBytes() throws Exception {
        server.handle("/put", Loopback::echoDigest);
        Source source = new Source(0, 1);

        Response response = transport.send(new Request("PUT", server.uri("/put/empty"), Headers.of(), Body.of(source, 0))).get();

        assertEquals("0", response.headers().first("x-received").orElseThrow());
        // read once, so whoever watches the body (a CRC-64, a pacing listener) sees it complete
        assertEquals(1, source.subscriptions);
    }

    @Test
    void downloadsFourMibAsAStreamingBodyWithItsContentLength() throws Exception {
        server.handle("/get", exchange -> {
            exchange.sendResponseHeaders(200, 4L * MIB);
            writeGenerated(exchange.getResponseBody(), 4L * MIB);
        });

        Response response = transport.send(Request.of("GET", server.uri("/get/key"))).get();
        Sink sink = new Sink(1);
        response.body().publisher().subscribe(sink);

        assertEquals(4L * MIB, sink.done.get());
        assertEquals(Streams.crcOf(4L * MIB), sink.crc());
        assertEquals(4L * MIB, response.body().contentLength());
        assertTrue(sink.buffers.get() > 1, "the body streamed in pieces");
    }

    @Test
    void aDownloadWithoutContentLengthHasAnUnknownLength() throws Exception {
        server.handle("/get", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked
            writeGenerated(exchange.getResponseBody(), 2L * MIB + 7);
        });

        Response response = transport.send(Request.of("GET", server.uri("/get/chunked"))).get();
        Sink sink = new Sink(4);
        response.body().publisher().subscribe(sink);

        assertEquals(-1, response.body().contentLength());
        assertEquals(2L * MIB + 7, sink.done.get());
        assertEquals(Streams.crcOf(2L * MIB + 7), sink.crc());
    }

    @Test
    void passesTheStatusAndEveryResponseHeaderValueThrough() throws Exception {
        server.handle("/missing", exchange -> {
            exchange.getResponseHeaders().add("x-oss-request-id", "5C3D9175B6FC201293AD4890");
            exchange.getResponseHeaders().add("x-multi", "one");
            exchange.getResponseHeaders().add("x-multi", "two");
            byte[] xml = "<Error><Code>NoSuchKey</Code></Error>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, xml.length);
            exchange.getResponseBody().write(xml);
        });

        Response response = transport.send(Request.of("GET", server.uri("/missing/key"))).get();
        Sink sink = new Sink(Long.MAX_VALUE);
        response.body().publisher().subscribe(sink);

        assertEquals(404, response.status());
        assertEquals(List.of("5C3D9175B6FC201293AD4890"), response.headers().all("X-Oss-Request-Id"));
        assertEquals(List.of("one", "two"), response.headers().all("x-multi"));
        assertEquals(37, response.body().contentLength());
        assertEquals(37, sink.done.get());
    }

    @Test
    void aHeadResponseBodyHasNoBytesWhateverItsContentLengthSays() throws Exception {
        server.handle("/head", exchange -> {
            exchange.getResponseHeaders().add("Content-Length", "1234");
            exchange.sendResponseHeaders(200, -1);
        });

        Response response = transport.send(Request.of("HEAD", server.uri("/head/key"))).get();
        Sink sink = new Sink(1);
        response.body().publisher().subscribe(sink);

        assertEquals(List.of("1234"), response.headers().all("Content-Length"));
        assertEquals(0, response.body().contentLength());
        assertEquals(0, sink.done.get());
    }

    @Test
    void sendsApplicationHeadersAndLeavesFramingToTheClient() throws Exception {
        AtomicReference<com.sun.net.httpserver.Headers> seen = new AtomicReference<>();
        server.handle("/put", exchange -> {
            seen.set(exchange.getRequestHeaders());
            Loopback.echoDigest(exchange);
        });
        int port = server.uri("/").getPort();
        Headers headers = Headers.of("x-oss-meta-a", "1", "x-oss-meta-a", "2", "Content-Type", "text/plain",
                "Host", "127.0.0.1:" + port, "Content-Length", "5", "Connection", "close", "Transfer-Encoding", "gzip");

        Response response = transport.send(new Request("PUT", server.uri("/put/h"), headers,
                Body.ofBytes("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))).get();

        assertEquals("5", response.headers().first("x-received").orElseThrow());
        assertEquals(List.of("1", "2"), seen.get().get("x-oss-meta-a"));
        assertEquals(List.of("text/plain"), seen.get().get("Content-Type"));
        assertEquals(List.of("5"), seen.get().get("Content-Length"));
        assertEquals(List.of("127.0.0.1:" + port), seen.get().get("Host"));
        assertEquals(null, seen.get().get("Transfer-Encoding"));
    }

    @Test
    void refusesAHostHeaderOtherThanTheUriAuthorityBeforeSending() {
        AtomicInteger requests = new AtomicInteger();
        server.handle("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
        });
        URI uri = server.uri("/key");

        ExecutionException failed = assertThrows(ExecutionException.class, () -> transport.send(
                Request.of("GET", uri).withHeader("Host", "examplebucket.oss-cn-hangzhou.aliyuncs.com")).get());

        assertInstanceOf(IllegalArgumentException.class, failed.getCause());
        assertEquals("Host header \"examplebucket.oss-cn-hangzhou.aliyuncs.com\" differs from the URI's authority \""
                + uri.getRawAuthority() + "\"; the JDK HTTP client always sends the URI's authority as Host"
                + " (address IP and localhost endpoints path-style)", failed.getCause().getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void refusesAContentLengthHeaderThatContradictsTheBody() {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> transport.send(
                new Request("PUT", server.uri("/put"), Headers.of("Content-Length", "6"), Body.ofBytes(new byte[5]))).get());

        assertEquals("Content-Length header \"6\" contradicts the body's length of 5 B; Content-Length comes from the body",
                failed.getCause().getMessage());
    }

    @Test
    void aRefusedConnectionFailsTheFutureWithConnectException() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> transport.send(Request.of("GET", URI.create("http://127.0.0.1:" + port + "/key"))).get());

        assertInstanceOf(ConnectException.class, failed.getCause());
    }

    @Test
    void aResponseHeadThatNeverComesFailsWithHttpTimeoutException() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.handle("/stall", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (JdkHttpTransport impatient = JdkHttpTransport.builder().requestTimeout(Duration.ofMillis(200)).build()) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> impatient.send(Request.of("GET", server.uri("/stall"))).get());

            assertInstanceOf(HttpTimeoutException.class, failed.getCause());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aBodyCutShortFailsTheSubscriberWithIOException() throws Exception {
        server.handle("/short", exchange -> {
            exchange.sendResponseHeaders(200, 1L * MIB);
            writeGenerated(exchange.getResponseBody(), 100 * KIB);
            exchange.getResponseBody().flush();
            // the server closes the connection: 100 KiB of a declared 1 MiB
            exchange.getHttpContext().getServer().stop(0);
        });

        Response response = transport.send(Request.of("GET", server.uri("/short"))).get();
        Sink sink = new Sink(1);
        response.body().publisher().subscribe(sink);

        ExecutionException failed = assertThrows(ExecutionException.class, sink.done::get);
        assertInstanceOf(IOException.class, failed.getCause());
        assertTrue(sink.received.get() < MIB);
    }

    @Test
    void cancellingTheResponseBodySubscriptionClosesTheExchange() throws Exception {
        CountDownLatch serverSawTheClose = new CountDownLatch(1);
        server.handle("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = new byte[64 * KIB];
            try {
                while (true) {
                    out.write(chunk); // blocks once the socket buffers are full, fails once the client has gone
                }
            } catch (IOException closed) {
                serverSawTheClose.countDown();
            }
        });

        Response response = transport.send(Request.of("GET", server.uri("/endless"))).get();
        Sink sink = new Sink(1);
        sink.pauseAfter = 1;
        response.body().publisher().subscribe(sink);
        while (sink.received.get() == 0) {
            Thread.onSpinWait();
        }
        sink.subscription.cancel();

        assertTrue(serverSawTheClose.await(30, TimeUnit.SECONDS), "the server never saw the connection close");
    }

    @Test
    void aClosedTransportRefusesRequestsWithIOException() {
        transport.close();

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> transport.send(Request.of("GET", server.uri("/"))).get());

        assertEquals("this JdkHttpTransport is closed", failed.getCause().getMessage());
        assertInstanceOf(IOException.class, failed.getCause());
    }

    @Test
    void http2WhenOfferedFallsBackToHttp11ForAServerThatOffersOnlyThat() throws Exception {
        server.handle("/put", Loopback::echoDigest);
        try (JdkHttpTransport http2 = JdkHttpTransport.builder().version(HttpClient.Version.HTTP_2).build()) {
            Response response = http2.send(new Request("PUT", server.uri("/put/h2"), Headers.of(),
                    Body.of(new Source(MIB, 16 * KIB), MIB))).get();

            assertEquals(String.valueOf(Streams.crcOf(MIB)), response.headers().first("x-crc32").orElseThrow());
        }
    }

    @Test
    void aBuilderGivenAClientRefusesSettingsForANewOne() {
        JdkHttpTransport.Builder builder = JdkHttpTransport.builder().client(HttpClient.newHttpClient())
                .connectTimeout(Duration.ofSeconds(1));

        IllegalStateException refused = assertThrows(IllegalStateException.class, builder::build);

        assertEquals("an existing HttpClient brings its own connect timeout, version and executor;"
                + " set them on the client, not on this builder", refused.getMessage());
    }

    @Test
    void aNonPositiveTimeoutIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> JdkHttpTransport.builder().requestTimeout(Duration.ZERO));

        assertEquals("request timeout must be a positive duration, was PT0S", refused.getMessage());
    }

    @Test
    void cancellingTheResponseFutureFailsItWithoutWaitingForTheServer() {
        CountDownLatch release = new CountDownLatch(1);
        server.handle("/stall", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            var future = transport.send(Request.of("GET", server.uri("/stall")));
            future.cancel(true);

            assertThrows(java.util.concurrent.CancellationException.class, future::join);
        } finally {
            release.countDown();
        }
    }

    static void writeGenerated(OutputStream out, long length) throws IOException {
        byte[] chunk = new byte[64 * KIB];
        for (long done = 0; done < length; ) {
            int n = (int) Math.min(chunk.length, length - done);
            Streams.fill(chunk, done, n);
            out.write(chunk, 0, n);
            done += n;
        }
    }
}
