package dev.sluice.transport.micronaut;

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
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.RawHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * How far the transport reads a body ahead of the other end, over loopback with the reading end stopped,
 * as transport-jdkhttp measures its own. What left the writing end but did not arrive is held by the two
 * sockets or by the client; the sockets' share is measured on this machine with the same buffer settings
 * ({@link SocketCapacity}: both ends pinned to 64 KiB, the client's through Netty's channel options), and
 * the client's share must stay within a few chunks. A paced body is then never read ahead of its pacing by
 * more than that. Each test prints its figure.
 *
 * <p>The figures are read once the writing end stops moving (half a second without change on the wall
 * clock). Nothing is asserted about time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PullAheadTest {

    private static final long BODY = 32L * MIB;
    private static final int CHUNK = 64 * KIB;
    private static final int SOCKET_BUFFER = 64 * KIB;
    /**
     * What the client may hold of an upload beyond the sockets: the chunk Netty is writing, and one it has
     * asked for while that one drains (Micronaut asks for the next buffer when the channel turns writable).
     */
    private static final long CLIENT_HELD = 2L * CHUNK;
    /** What Netty may read for the subscriber beyond what it asked for: a few of its reads of up to 64 KiB. */
    private static final long CLIENT_READ_BUFFERS = 4L * 64 * KIB;

    private final MicronautTransport transport = MicronautTransport.builder().client(pinnedClient()).build();

    @AfterEach
    void close() throws IOException {
        transport.close();
        transport.client().close(); // a given client is the caller's to close
    }

    @Test
    void anUploadIsReadAheadOfTheServerByNoMoreThanTwoChunksPlusTheSocketBuffers() throws Exception {
        long readBeforePause = MIB;
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicLong serverReceived = new AtomicLong();
        CompletableFuture<Long> serverCrc = new CompletableFuture<>();
        try (RawServer server = new RawServer(SOCKET_BUFFER, (socket, head) -> {
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
            long sockets = SocketCapacity.measure(SOCKET_BUFFER, SOCKET_BUFFER);
            long bound = CLIENT_HELD + sockets;

            assertEquals(200, response.get().status());
            assertEquals(Streams.crcOf(BODY), serverCrc.get());
            System.out.printf("micronaut upload pull-ahead: %,d B emitted beyond the %,d B the server read = %,d B the"
                    + " sockets hold + %,d B in the client (chunk %,d B; at most %d chunks asked for at once)%n", ahead,
                    readBeforePause, sockets, ahead - sockets, CHUNK, source.maxOutstanding.get());
            assertTrue(ahead <= bound, "read " + ahead + " B ahead of the server, more than " + bound + " B");
            assertTrue(source.maxOutstanding.get() <= 2, "asked for " + source.maxOutstanding + " chunks at once");
        }
    }

    @Test
    void aDownloadIsReadAheadOfTheSubscriberByNoMoreThanTheSocketBuffersAndTheClientsReadBuffers() throws Exception {
        AtomicLong serverWritten = new AtomicLong();
        try (RawServer server = new RawServer(SOCKET_BUFFER, (socket, head) -> {
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
            long sockets = SocketCapacity.measure(SOCKET_BUFFER, SOCKET_BUFFER);
            long bound = CLIENT_READ_BUFFERS + sockets;
            System.out.printf("micronaut download pull-ahead: %,d B written by the server beyond the %,d B delivered = %,d B"
                    + " the sockets hold + %,d B in the client%n", ahead, delivered, sockets, ahead - sockets);
            assertTrue(ahead <= bound, "the server got " + ahead + " B ahead of the subscriber, more than " + bound + " B");
        }
    }

    /** A client whose sockets' buffers are pinned, so that Linux does not autotune them to megabytes. */
    private static RawHttpClient pinnedClient() {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(null);
        configuration.setChannelOptions(Map.of("SO_SNDBUF", SOCKET_BUFFER, "SO_RCVBUF", SOCKET_BUFFER));
        return RawHttpClient.create(null, configuration);
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

    private static void respond(OutputStream out, String head) throws IOException {
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
