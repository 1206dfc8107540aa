package dev.sluice.transport.jdkhttp;

import static dev.sluice.transport.testkit.Streams.KIB;
import static dev.sluice.transport.testkit.Streams.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.transport.testkit.Streams.Sink;
import dev.sluice.transport.testkit.Streams.Source;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import dev.sluice.transport.testkit.RawServer;
import dev.sluice.transport.testkit.SocketCapacity;
import dev.sluice.transport.testkit.Streams;

/**
 * How far the transport reads a body ahead of the other end, over loopback with the reading end stopped.
 * What left the writing end but did not arrive is held by the two sockets or by the client; the sockets'
 * share is measured on this machine with the same buffer settings ({@link SocketCapacity}), and the
 * client's share must stay within two chunks for an upload (the one it is writing and the next, asked for
 * as soon as the previous one went to the socket) and within its read buffers for a download. A paced body
 * is then never read ahead of its pacing by more than that. Each test prints its figure.
 *
 * <p>The server's socket buffers are set here; the client's come from {@code jdk.httpclient.sendBufferSize}
 * and {@code jdk.httpclient.receiveBufferSize}, which the build sets for this class (it runs in a JVM of
 * its own). Without them Linux autotunes loopback buffers to megabytes and the figure says more about the
 * kernel than about the transport.
 *
 * <p>The figures are read once the writing end stops moving (it stalls when the buffers are full), which
 * needs a wait on the wall clock (half a second without change). Nothing is asserted about time; a
 * machine so loaded that the writer pauses that long before it stalls would make the figure smaller.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PullAheadTest {

    private static final long BODY = 32L * MIB;
    private static final int CHUNK = 64 * KIB;
    private static final int SERVER_SOCKET_BUFFER = 64 * KIB;
    /**
     * What the client may hold of an upload beyond the sockets: the chunk it is writing and the next one,
     * which it asks for as soon as the previous one is handed to the socket, so that reading the body
     * overlaps writing it.
     */
    private static final long JDK_HELD = 2L * CHUNK;
    /** The JDK client's read buffers (jdk.httpclient.bufsize, 16 KiB by default), a few in flight. */
    private static final long CLIENT_READ_BUFFERS = 4L * 16 * KIB;

    private final JdkHttpTransport transport = JdkHttpTransport.create();

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void anUploadIsReadAheadOfTheServerByNoMoreThanOneChunkPlusTheSocketBuffers() throws Exception {
        long readBeforePause = MIB;
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicLong serverReceived = new AtomicLong();
        CompletableFuture<Long> serverCrc = new CompletableFuture<>();
        try (RawServer server = new RawServer(SERVER_SOCKET_BUFFER, (socket, head) -> {
            CRC32 crc = new CRC32();
            byte[] buffer = new byte[8 * KIB];
            InputStream in = socket.getInputStream();
            while (serverReceived.get() < BODY) {
                long until = serverReceived.get() < readBeforePause ? readBeforePause : BODY;
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, until - serverReceived.get()));
                if (n == -1) {
                    break;
                }
                crc.update(buffer, 0, n);
                if (serverReceived.addAndGet(n) == readBeforePause) {
                    paused.countDown();
                    awaitQuietly(resume);
                }
            }
            serverCrc.complete(crc.getValue());
            respond(socket.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        })) {
            Source source = new Source(BODY, CHUNK);

            CompletableFuture<Response> response = transport.send(new Request("PUT", server.uri("/put/big"), Headers.of(),
                    Body.of(source, BODY)));
            assertTrue(paused.await(60, TimeUnit.SECONDS));
            long emitted = settled(source.emittedBytes::get);
            long ahead = emitted - serverReceived.get();
            server.accepted();
            resume.countDown();
            long sockets = SocketCapacity.measure(SocketCapacity.property("jdk.httpclient.sendBufferSize"), SERVER_SOCKET_BUFFER);
            long bound = JDK_HELD + sockets;

            assertEquals(200, response.get().status());
            assertEquals(Streams.crcOf(BODY), serverCrc.get());
            System.out.printf("upload pull-ahead: %,d B emitted beyond the %,d B the server read = %,d B the sockets hold"
                    + " + %,d B in the client (chunk %,d B; client SO_SNDBUF %s, server SO_RCVBUF %,d B)%n", ahead,
                    readBeforePause, sockets, ahead - sockets, CHUNK,
                    System.getProperty("jdk.httpclient.sendBufferSize", "the system's"), SERVER_SOCKET_BUFFER);
            assertTrue(ahead <= bound, "read " + ahead + " B ahead of the server, more than " + bound + " B");
            assertTrue(source.maxOutstanding.get() <= 1, "asked for " + source.maxOutstanding + " chunks at once");
        }
    }

    @Test
    void aDownloadIsReadAheadOfTheSubscriberByNoMoreThanTheSocketBuffersAndTheClientsReadBuffers() throws Exception {
        AtomicLong serverWritten = new AtomicLong();
        try (RawServer server = new RawServer(SERVER_SOCKET_BUFFER, (socket, head) -> {
            OutputStream out = socket.getOutputStream();
            respond(out, "HTTP/1.1 200 OK\r\nContent-Length: " + BODY + "\r\n\r\n");
            byte[] chunk = new byte[CHUNK];
            for (long done = 0; done < BODY; ) {
                int n = (int) Math.min(chunk.length, BODY - done);
                Streams.fill(chunk, done, n);
                out.write(chunk, 0, n);
                done += n;
                serverWritten.set(done);
            }
            out.flush();
        })) {
            Response response = transport.send(Request.of("GET", server.uri("/get/big"))).get();
            Sink sink = new Sink(1);
            sink.pauseAfter = 1;
            response.body().publisher().subscribe(sink);
            long written = settled(serverWritten::get);
            long delivered = sink.received.get();
            long ahead = written - delivered;
            server.accepted();
            sink.subscription.request(Long.MAX_VALUE);

            assertEquals(BODY, sink.done.get());
            assertEquals(Streams.crcOf(BODY), sink.crc());
            long sockets = SocketCapacity.measure(SERVER_SOCKET_BUFFER, SocketCapacity.property("jdk.httpclient.receiveBufferSize"));
            long bound = CLIENT_READ_BUFFERS + sockets;
            System.out.printf("download pull-ahead: %,d B written by the server beyond the %,d B delivered = %,d B the"
                    + " sockets hold + %,d B in the client (server SO_SNDBUF %,d B, client SO_RCVBUF %s)%n", ahead, delivered,
                    sockets, ahead - sockets, SERVER_SOCKET_BUFFER,
                    System.getProperty("jdk.httpclient.receiveBufferSize", "the system's"));
            assertTrue(ahead <= bound, "the server got " + ahead + " B ahead of the subscriber, more than " + bound + " B");
        }
    }

    /** The value once it stops changing: unchanged over ten polls 50 ms apart. */
    private static long settled(LongSupplier value) {
        long last = value.getAsLong();
        int unchanged = 0;
        for (int polls = 0; unchanged < 10 && polls < 1200; polls++) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            long now = value.getAsLong();
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
        }
        return last;
    }

    private static void respond(OutputStream out, String head) throws java.io.IOException {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
