package dev.sluice.transport.jdkhttp;

import static dev.sluice.transport.testkit.Streams.KIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Request;
import dev.sluice.api.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The body idle timeout, and errors that name their request. Stalls are real (a loopback server that stops
 * writing until the test lets it go), so the cases assert what fails and how, bounded by a generous JUnit
 * timeout, never how long it took.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdkHttpTransportBodyIdleTimeoutTest {

    private final Loopback server;
    private final CountDownLatch release = new CountDownLatch(1);

    JdkHttpTransportBodyIdleTimeoutTest() throws IOException {
        server = new Loopback();
        // a 2 KiB body whose second half waits for the test
        server.handle("/half", exchange -> {
            exchange.sendResponseHeaders(200, 2 * KIB);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[KIB]);
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write(new byte[KIB]);
        });
    }

    @AfterEach
    void close() {
        release.countDown();
        server.close();
    }

    @Test
    void aBodyThatStallsBeyondTheIdleTimeoutFailsItsReaderWithAnIOExceptionNamingTheRequestButNotItsQuery() throws Exception {
        URI uri = server.uri("/half/key?OSSAccessKeyId=LTAI5tSecretish&Signature=c2VjcmV0");
        try (JdkHttpTransport transport = JdkHttpTransport.builder().bodyIdleTimeout(Duration.ofMillis(200)).build()) {
            Response response = transport.send(Request.of("GET", uri)).get();
            Reader reader = new Reader();
            response.body().publisher().subscribe(reader);
            reader.ask(Long.MAX_VALUE);

            ExecutionException failed = assertThrows(ExecutionException.class, reader.done::get);

            IOException stalled = assertInstanceOf(IOException.class, failed.getCause());
            assertEquals("GET http://127.0.0.1:" + uri.getPort() + "/half/key: no response body bytes for 200 ms"
                    + " (the body idle timeout); the exchange is cancelled", stalled.getMessage());
            assertEquals(KIB, reader.received.get());
        }
    }

    @Test
    void aReaderThatAsksForNothingLongerThanTheIdleTimeoutIsNotTimedOut() throws Exception {
        try (JdkHttpTransport transport = JdkHttpTransport.builder().bodyIdleTimeout(Duration.ofMillis(100)).build()) {
            Response response = transport.send(Request.of("GET", server.uri("/half"))).get();
            Reader reader = new Reader();
            response.body().publisher().subscribe(reader);
            reader.ask(1);
            reader.first.get();
            release.countDown();
            // a paced reader between two chunks: four idle timeouts without asking
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(400));
            reader.ask(Long.MAX_VALUE);

            assertEquals(2 * KIB, reader.done.get());
        }
    }

    @Test
    void theBodyIdleTimeoutIsRefusedUnlessPositive() {
        for (Duration refused : new Duration[] {Duration.ZERO, Duration.ofMillis(-1)}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> JdkHttpTransport.builder().bodyIdleTimeout(refused));
            assertEquals("body idle timeout must be a positive duration, was " + refused, error.getMessage());
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> JdkHttpTransport.builder().bodyIdleTimeout(null));
        assertEquals("body idle timeout must be a positive duration, was null", missing.getMessage());
    }

    @Test
    void aRefusedConnectionStaysAConnectExceptionAndNamesTheRequestButNotItsQuery() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (JdkHttpTransport transport = JdkHttpTransport.create()) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> transport.send(Request.of("PUT",
                    URI.create("http://127.0.0.1:" + port + "/bucket/key?Signature=c2VjcmV0"))).get());

            ConnectException refused = assertInstanceOf(ConnectException.class, failed.getCause());
            assertTrue(refused.getMessage().startsWith("PUT http://127.0.0.1:" + port + "/bucket/key: "), refused.getMessage());
            assertFalse(refused.getMessage().contains("Signature"), refused.getMessage());
        }
    }

    /** Reads a body as the test asks, counting bytes; {@link #first} completes with the first buffer. */
    private static final class Reader implements Flow.Subscriber<ByteBuffer> {
        final CompletableFuture<Long> done = new CompletableFuture<>();
        final CompletableFuture<Void> first = new CompletableFuture<>();
        final AtomicLong received = new AtomicLong();
        private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

        void ask(long n) throws Exception {
            subscription.get().request(n);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription.complete(subscription);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            received.addAndGet(buffer.remaining());
            first.complete(null);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            done.complete(received.get());
        }
    }
}
