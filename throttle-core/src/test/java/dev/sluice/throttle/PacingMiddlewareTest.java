package dev.sluice.throttle;

import static dev.sluice.throttle.FlowProbes.KIB;
import static dev.sluice.throttle.FlowProbes.MILLIS;
import static dev.sluice.throttle.FlowProbes.OSS_LIMIT;
import static dev.sluice.throttle.FlowProbes.millis;
import static dev.sluice.throttle.FlowProbes.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Body;
import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.Headers;
import dev.sluice.api.Middleware;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.throttle.FlowProbes.ListPublisher;
import dev.sluice.throttle.FlowProbes.ListenerLog;
import dev.sluice.throttle.FlowProbes.Recorder;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The pacing middleware in front of a transport made in the test, on virtual time: the release schedule of
 * upload and download bodies at 819,200 bit/s (8 KiB every 80 ms after the 16 KiB burst), limits that
 * combine, and the listeners' events.
 */
class PacingMiddlewareTest {

    private static final URI OBJECT = URI.create("http://127.0.0.1:9000/bucket/key");
    /** 8 KiB slices at 0, 0, 80, ..., 480 ms: 64 KiB at 819,200 bit/s after a 16 KiB burst. */
    private static final List<Long> SIXTY_FOUR_KIB_SCHEDULE = millis(0, 0, 80, 160, 240, 320, 400, 480);

    private final FakeTime time = new FakeTime();
    private final WireTransport wire = new WireTransport();

    @Test
    void releasesAnUploadBodyInEightKibSlicesEveryEightyMillisAt819200BitPerSecond() {
        Transport paced = PacingMiddleware.uploads(pacer(bucket(OSS_LIMIT))).around(wire);
        Body body = Body.ofBytes(pattern(64 * KIB, 0));

        paced.send(put(body));
        time.runUntilIdle();

        Recorder upload = wire.uploads.get(0);
        assertEquals(SIXTY_FOUR_KIB_SCHEDULE, upload.times);
        assertEquals(Collections.nCopies(8, 8 * KIB), upload.sizes());
        assertArrayEquals(pattern(64 * KIB, 0), upload.bytes());
        Body sent = wire.sent.get(0).body();
        assertEquals(64 * KIB, sent.contentLength());
        assertTrue(sent.replayable(), "a replayable body stays replayable: each subscription is paced again");
    }

    @Test
    void aReplayedUploadIsPacedAgainFromItsFirstByte() {
        Transport paced = PacingMiddleware.uploads(pacer(bucket(OSS_LIMIT))).around(wire);
        paced.send(put(Body.ofBytes(pattern(16 * KIB, 0))));
        time.runUntilIdle();

        Recorder replay = Recorder.unbounded(time);
        wire.sent.get(0).body().publisher().subscribe(replay);
        time.runUntilIdle();

        assertEquals(millis(0, 0), wire.uploads.get(0).times, "the burst");
        assertEquals(millis(80, 160), replay.times, "the bucket is empty now: 80 ms per slice");
        assertArrayEquals(pattern(16 * KIB, 0), replay.bytes());
    }

    @Test
    void releasesADownloadBodyInEightKibSlicesEveryEightyMillisAt819200BitPerSecond() {
        Transport paced = PacingMiddleware.downloads(pacer(bucket(OSS_LIMIT))).around(wire);

        Response response = paced.send(Request.of("GET", OBJECT)).join();
        Recorder download = Recorder.unbounded(time);
        response.body().publisher().subscribe(download);
        time.runUntilIdle();

        assertEquals(SIXTY_FOUR_KIB_SCHEDULE, download.times);
        assertArrayEquals(pattern(64 * KIB, 0), download.bytes());
        assertEquals(480 * MILLIS, download.completedAt);
        assertEquals(64 * KIB, response.body().contentLength());
    }

    @Test
    void leavesTheDirectionItIsNotGivenUnpaced() {
        Transport paced = PacingMiddleware.uploads(pacer(bucket(OSS_LIMIT))).around(wire);

        Response response = paced.send(Request.of("GET", OBJECT)).join();
        Recorder download = Recorder.unbounded(time);
        response.body().publisher().subscribe(download);

        assertEquals(millis(0), download.times, "the whole body at once");
        assertSame(Body.empty(), wire.sent.get(0).body(), "an empty request body is passed as it is");
    }

    @Test
    void anUploadAndADownloadThroughOnePacerShareItsBudget() {
        Pacer shared = pacer(bucket(OSS_LIMIT));
        Transport paced = PacingMiddleware.builder().uploads(shared).downloads(shared).build().around(wire);

        Response response = paced.send(put(Body.ofBytes(pattern(64 * KIB, 0)))).join();
        Recorder download = Recorder.unbounded(time);
        response.body().publisher().subscribe(download);
        time.runUntilIdle();

        // 128 KiB at 100 KiB/s after the 16 KiB burst: the last of 16 slices at 14 x 80 ms
        long last = Math.max(wire.uploads.get(0).completedAt, download.completedAt);
        assertEquals(1120 * MILLIS, last);
        assertArrayEquals(pattern(64 * KIB, 0), download.bytes());
        assertArrayEquals(pattern(64 * KIB, 0), wire.uploads.get(0).bytes());
    }

    @Test
    void eachTransferGetsItsOwnLimitUnderASharedParentWithRoom() {
        // room for both transfers' bursts at once, and eight times their rate
        LeakyBucket parent = LeakyBucket.builder().rate(DataRate.ofBitsPerSecond(8 * 819_200))
                .burst(DataSize.ofKibibytes(32)).ticker(time).build();
        List<Request> asked = new ArrayList<>();
        Transport paced = PacingMiddleware.builder()
                .uploads(request -> {
                    asked.add(request);
                    return pacer(bucket(OSS_LIMIT), parent);
                })
                .build().around(wire);

        paced.send(put(Body.ofBytes(pattern(64 * KIB, 0))));
        paced.send(put(Body.ofBytes(pattern(64 * KIB, 1))));
        time.runUntilIdle();

        assertEquals(2, asked.size(), "one pacer per transfer");
        assertEquals(SIXTY_FOUR_KIB_SCHEDULE, wire.uploads.get(0).times, "not slowed by the other transfer");
        assertEquals(SIXTY_FOUR_KIB_SCHEDULE, wire.uploads.get(1).times);
    }

    @Test
    void aSharedParentBoundsConcurrentTransfersTogether() {
        LeakyBucket parent = bucket(DataRate.ofBitsPerSecond(2 * 819_200));
        Transport paced = PacingMiddleware.builder()
                .uploads(request -> pacer(bucket(OSS_LIMIT), parent))
                .build().around(wire);

        for (int i = 0; i < 3; i++) {
            paced.send(put(Body.ofBytes(pattern(64 * KIB, i))));
        }
        time.runUntilIdle();

        // 192 KiB at 200 KiB/s after the parent's 16 KiB burst: 24 slices, the last at 22 x 40 ms
        long last = 0;
        for (int i = 0; i < 3; i++) {
            Recorder upload = wire.uploads.get(i);
            assertArrayEquals(pattern(64 * KIB, i), upload.bytes());
            assertWithinBudget(upload, 16 * KIB, OSS_LIMIT);
            last = Math.max(last, upload.completedAt);
        }
        assertEquals(880 * MILLIS, last);
    }

    @Test
    void ownParentAndGlobalLimitsHoldTogetherAndTheTightestBinds() {
        LeakyBucket parent = bucket(DataRate.ofBitsPerSecond(4 * 819_200));
        LeakyBucket global = bucket(DataRate.ofBitsPerSecond(2 * 819_200));
        Transport paced = PacingMiddleware.builder()
                .uploads(request -> pacer(bucket(OSS_LIMIT), parent, global))
                .downloads(request -> pacer(bucket(OSS_LIMIT), global))
                .build().around(wire);

        Response response = paced.send(put(Body.ofBytes(pattern(64 * KIB, 0)))).join();
        paced.send(put(Body.ofBytes(pattern(64 * KIB, 1))));
        Recorder download = Recorder.unbounded(time);
        response.body().publisher().subscribe(download);
        time.runUntilIdle();

        List<Recorder> transfers = List.of(wire.uploads.get(0), wire.uploads.get(1), download);
        List<Long> allTimes = new ArrayList<>();
        List<byte[]> allSlices = new ArrayList<>();
        for (Recorder transfer : transfers) {
            assertWithinBudget(transfer, 16 * KIB, OSS_LIMIT);
            allTimes.addAll(transfer.times);
            allSlices.addAll(transfer.buffers);
        }
        // the global 200 KiB/s binds all three: 192 KiB after its 16 KiB burst, the last slice at 22 x 40 ms
        assertEquals(880 * MILLIS, Collections.max(allTimes));
        assertEquals(24, allSlices.size());
        assertArrayEquals(pattern(64 * KIB, 1), wire.uploads.get(1).bytes());
    }

    @Test
    void tellsEachTransfersListenerOfItsProgress() {
        List<ListenerLog> uploads = new ArrayList<>();
        List<ListenerLog> downloads = new ArrayList<>();
        List<Request> askedFor = new ArrayList<>();
        Pacer pacer = pacer(bucket(OSS_LIMIT));
        Transport paced = PacingMiddleware.builder()
                .uploads(pacer).downloads(pacer)
                .uploadListener(request -> {
                    askedFor.add(request);
                    ListenerLog log = new ListenerLog();
                    uploads.add(log);
                    return log;
                })
                .downloadListener(request -> {
                    ListenerLog log = new ListenerLog();
                    downloads.add(log);
                    return log;
                })
                .build().around(wire);
        wire.responseBytes = 32 * KIB;
        Request request = put(Body.ofBytes(pattern(32 * KIB, 0)));

        Response response = paced.send(request).join();
        assertEquals("queued", uploads.get(0).events.get(0));
        assertEquals(List.of(), downloads.get(0).events, "a download is queued when it is subscribed to");
        response.body().publisher().subscribe(Recorder.unbounded(time));
        time.runUntilIdle();

        List<String> expected = new ArrayList<>(List.of("queued"));
        expected.addAll(Collections.nCopies(4, "progress 8192"));
        expected.add("done");
        assertEquals(expected, uploads.get(0).events);
        assertEquals(expected, downloads.get(0).events);
        assertEquals(List.of(request), askedFor);
    }

    @Test
    void makesNoListenerForAnEmptyBody() {
        List<Request> askedFor = new ArrayList<>();
        Transport paced = PacingMiddleware.builder().uploads(pacer(bucket(OSS_LIMIT)))
                .uploadListener(request -> {
                    askedFor.add(request);
                    return TransferListener.none();
                }).build().around(wire);
        wire.responseBytes = 0;

        paced.send(Request.of("DELETE", OBJECT)).join();

        assertEquals(List.of(), askedFor);
    }

    @Test
    void failsWithoutSendingWhenAPacerFunctionReturnsNull() {
        Transport paced = PacingMiddleware.builder().uploads(request -> null).build().around(wire);

        CompletionException failed = assertThrows(CompletionException.class,
                () -> paced.send(put(Body.ofBytes(new byte[1]))).join());

        assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertEquals("the upload pacer function returned null for PUT " + OBJECT, failed.getCause().getMessage());
        assertEquals(List.of(), wire.sent);
    }

    @Test
    void aMiddlewarePacingNeitherDirectionIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PacingMiddleware.builder().build());

        assertEquals("a pacing middleware needs an upload or a download pacer (or both)", refused.getMessage());
    }

    @Test
    void aNullPacerIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PacingMiddleware.uploads(null));

        assertEquals("upload pacer must not be null", refused.getMessage());
    }

    @Test
    void composesWithOtherMiddlewaresWhichSeeTheBodyUnpaced() {
        List<Long> seenByOuter = new ArrayList<>();
        Middleware hashing = (request, next) -> {
            Recorder reader = Recorder.unbounded(time);
            request.body().publisher().subscribe(reader);
            seenByOuter.addAll(reader.times);
            return next.send(request);
        };
        Transport chain = Middleware.chain(wire, List.of(hashing, PacingMiddleware.uploads(pacer(bucket(OSS_LIMIT)))));

        chain.send(put(Body.ofBytes(pattern(64 * KIB, 0))));
        time.runUntilIdle();

        assertEquals(millis(0), seenByOuter, "before the pacing middleware the body is read whole at once");
        assertEquals(SIXTY_FOUR_KIB_SCHEDULE, wire.uploads.get(0).times);
    }

    /** Every prefix of the transfer within burst + rate x elapsed time, from its first slice. */
    private void assertWithinBudget(Recorder recorder, long burst, DataRate rate) {
        long delivered = 0;
        long start = recorder.times.get(0);
        for (int i = 0; i < recorder.times.size(); i++) {
            delivered += recorder.buffers.get(i).length;
            long allowed = burst + rate.bytesIn(recorder.times.get(i) - start);
            assertTrue(delivered <= allowed, delivered + " B by " + recorder.times.get(i) + " ns, more than " + allowed + " B");
        }
    }

    private LeakyBucket bucket(DataRate rate) {
        return LeakyBucket.builder().rate(rate).ticker(time).build();
    }

    private Pacer pacer(LeakyBucket... limiters) {
        Pacer.Builder builder = Pacer.builder().ticker(time).parker(time).scheduler(time);
        for (LeakyBucket limiter : limiters) {
            builder.limiter(limiter);
        }
        return builder.build();
    }

    private static Request put(Body body) {
        return new Request("PUT", OBJECT, Headers.of(), body);
    }

    /**
     * A transport made in the test: it reads each request body as a socket would (as fast as it is given,
     * recording when each slice arrived) and answers at once with a generated body of {@link #responseBytes}.
     */
    private final class WireTransport implements Transport {
        final List<Request> sent = new ArrayList<>();
        final List<Recorder> uploads = new ArrayList<>();
        int responseBytes = 64 * KIB;

        @Override
        public CompletableFuture<Response> send(Request request) {
            sent.add(request);
            Recorder upload = Recorder.unbounded(time);
            uploads.add(upload);
            request.body().publisher().subscribe(upload);
            Body body = responseBytes == 0 ? Body.empty() : Body.of(ListPublisher.of(1, responseBytes), responseBytes);
            return CompletableFuture.completedFuture(new Response(200, Headers.of(), body));
        }
    }
}
