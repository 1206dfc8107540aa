package dev.sluice.transport.jdkhttp;

import static dev.sluice.transport.testkit.Streams.KIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.transport.testkit.Streams.Sink;
import dev.sluice.transport.testkit.Streams.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bodies that do not match what they declare, and timeouts that must not cut a streaming body short. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdkHttpTransportBodyErrorsTest {

    private final Loopback server;
    private final JdkHttpTransport transport = JdkHttpTransport.create();

    JdkHttpTransportBodyErrorsTest() throws IOException {
        server = new Loopback();
    }

    @AfterEach
    void close() {
        transport.close();
        server.close();
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthFailsTheRequestWithIOException() {
        AtomicInteger stored = new AtomicInteger();
        server.handle("/put", exchange -> {
            exchange.getRequestBody().readAllBytes();
            stored.incrementAndGet(); // reached only if the server saw a whole body
            exchange.sendResponseHeaders(200, -1);
        });

        ExecutionException failed = assertThrows(ExecutionException.class, () -> transport.send(new Request("PUT",
                server.uri("/put/short"), Headers.of(), Body.of(new Source(100 * KIB, 16 * KIB), 200 * KIB))).get());

        assertInstanceOf(IOException.class, failed.getCause());
        assertEquals(0, stored.get(), "never a silent short object");
    }

    @Test
    void aBodyLongerThanItsDeclaredLengthFailsTheRequestWithIOException() {
        server.handle("/put", Loopback::echoDigest);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> transport.send(new Request("PUT",
                server.uri("/put/long"), Headers.of(), Body.of(new Source(300 * KIB, 16 * KIB), 200 * KIB))).get());

        assertInstanceOf(IOException.class, failed.getCause());
    }

    @Test
    void theRequestTimeoutBoundsTheWaitForTheHeadNotTheBodyThatFollows() throws Exception {
        CountDownLatch rest = new CountDownLatch(1);
        server.handle("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 2 * KIB);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[KIB]);
            out.flush();
            try {
                rest.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write(new byte[KIB]);
        });
        try (JdkHttpTransport timed = JdkHttpTransport.builder().requestTimeout(Duration.ofMillis(100)).build()) {
            Response response = timed.send(Request.of("GET", server.uri("/slow"))).get();
            Sink sink = new Sink(1);
            response.body().publisher().subscribe(sink);
            // well past the timeout, with the body half sent
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(400));
            rest.countDown();

            assertEquals(2 * KIB, sink.done.get());
        }
    }

    @Test
    void aUriTheClientCannotSendIsRefusedBeforeSending() {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> transport.send(Request.of("GET", URI.create("ftp://127.0.0.1/bucket/key"))).get());

        assertInstanceOf(IllegalArgumentException.class, failed.getCause());
    }
}
