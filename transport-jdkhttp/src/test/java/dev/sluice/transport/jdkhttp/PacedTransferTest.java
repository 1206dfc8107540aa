package dev.sluice.transport.jdkhttp;

import static dev.sluice.transport.testkit.Streams.KIB;
import static dev.sluice.transport.testkit.Streams.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Body;
import dev.sluice.api.DataRate;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Ticker;
import dev.sluice.api.Transport;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.PacingMiddleware;
import dev.sluice.throttle.TransferListener;
import dev.sluice.transport.testkit.Streams.Sink;
import dev.sluice.transport.testkit.Streams.Source;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import dev.sluice.transport.testkit.Streams;

/**
 * The JDK transport behind the pacing middleware, over loopback at 8 MiB/s: the bytes arrive intact and
 * the transfer takes at least the time the budget allows (generously: no upper bound, which would depend
 * on the machine).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PacedTransferTest {

    private static final DataRate EIGHT_MIB_PER_SECOND = DataRate.parse("8MiB/s");
    /** 1 MiB at 8 MiB/s less the 16 KiB burst is 123 ms; allow for coarse timers. */
    private static final long AT_LEAST_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Loopback server;
    private final JdkHttpTransport http = JdkHttpTransport.create();

    PacedTransferTest() throws IOException {
        server = new Loopback();
    }

    @AfterEach
    void close() {
        http.close();
        server.close();
    }

    @Test
    void aPacedUploadArrivesIntactNoFasterThanItsBudget() throws Exception {
        server.handle("/put", Loopback::echoDigest);
        Progress progress = new Progress();
        Transport paced = PacingMiddleware.builder()
                .uploads(Pacer.of(LeakyBucket.of(EIGHT_MIB_PER_SECOND)))
                .uploadListener(request -> progress)
                .build().around(http);

        long start = Ticker.system().read();
        Response response = paced.send(new Request("PUT", server.uri("/put/paced"), Headers.of(),
                Body.of(new Source(MIB, 64 * KIB), MIB))).get();
        long elapsed = Ticker.system().read() - start;

        assertEquals(String.valueOf(MIB), response.headers().first("x-received").orElseThrow());
        assertEquals(String.valueOf(Streams.crcOf(MIB)), response.headers().first("x-crc32").orElseThrow());
        assertTrue(elapsed >= AT_LEAST_NANOS, "1 MiB at 8 MiB/s took only " + elapsed + " ns");
        assertEquals(MIB, progress.bytes.get());
        assertEquals(1, progress.done.get());
    }

    @Test
    void aPacedDownloadArrivesIntactNoFasterThanItsBudget() throws Exception {
        server.handle("/get", exchange -> {
            exchange.sendResponseHeaders(200, MIB);
            JdkHttpTransportTest.writeGenerated(exchange.getResponseBody(), MIB);
        });
        Transport paced = PacingMiddleware.downloads(Pacer.of(LeakyBucket.of(EIGHT_MIB_PER_SECOND))).around(http);

        long start = Ticker.system().read();
        Response response = paced.send(Request.of("GET", server.uri("/get/paced"))).get();
        Sink sink = new Sink(1);
        response.body().publisher().subscribe(sink);
        long received = sink.done.get();
        long elapsed = Ticker.system().read() - start;

        assertEquals(MIB, received);
        assertEquals(Streams.crcOf(MIB), sink.crc());
        assertEquals(MIB, response.body().contentLength());
        assertTrue(elapsed >= AT_LEAST_NANOS, "1 MiB at 8 MiB/s took only " + elapsed + " ns");
    }

    /** Counts what the listener hears. */
    private static final class Progress implements TransferListener {
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong done = new AtomicLong();

        @Override
        public void onProgress(long count) {
            bytes.addAndGet(count);
        }

        @Override
        public void onDone() {
            done.incrementAndGet();
        }
    }
}
