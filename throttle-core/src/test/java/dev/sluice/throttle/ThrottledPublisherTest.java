package dev.sluice.throttle;

import static dev.sluice.throttle.FlowProbes.KIB;
import static dev.sluice.throttle.FlowProbes.MILLIS;
import static dev.sluice.throttle.FlowProbes.OSS_LIMIT;
import static dev.sluice.throttle.FlowProbes.millis;
import static dev.sluice.throttle.FlowProbes.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.FlowProbes.ListPublisher;
import dev.sluice.throttle.FlowProbes.ListenerLog;
import dev.sluice.throttle.FlowProbes.ManualPublisher;
import dev.sluice.throttle.FlowProbes.Recorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrottledPublisherTest {

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = FlowProbes.bucket(time);
    private final Pacer pacer = FlowProbes.pacer(time, bucket);
    private final ListenerLog listener = new ListenerLog();

    @Test
    void releasesA64KibBufferAsEightKibSlicesEveryEightyMillisAfterTheBurstAt819200BitPerSecond() {
        ListPublisher upstream = ListPublisher.of(1, 64 * KIB);
        ThrottledPublisher paced = new ThrottledPublisher(upstream, pacer, listener);
        Recorder recorder = Recorder.unbounded(time);

        paced.subscribe(recorder);
        time.runUntilIdle();

        assertEquals(millis(0, 0, 80, 160, 240, 320, 400, 480), recorder.times);
        assertEquals(Collections.nCopies(8, 8 * KIB), recorder.sizes());
        assertArrayEquals(pattern(64 * KIB, 0), recorder.bytes());
        assertEquals(480 * MILLIS, recorder.completedAt, "completion follows the last slice");
        assertEquals(64 * KIB, paced.bytesTransferred());
        List<String> expected = new ArrayList<>(List.of("queued"));
        expected.addAll(Collections.nCopies(8, "progress 8192"));
        expected.add("done");
        assertEquals(expected, listener.events);
    }

    @Test
    void asksUpstreamForTheNextBufferOnlyWhenTheCurrentOneIsDeliveredAndDemandRemains() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.manual(time);
        new ThrottledPublisher(upstream, pacer).subscribe(recorder);
        assertEquals(0, upstream.requested, "no demand, no request upstream");

        recorder.subscription.request(1);
        assertEquals(List.of(1L), upstream.requests, "one buffer at a time");
        upstream.emit(ByteBuffer.wrap(pattern(16 * KIB, 0)));
        time.runUntilIdle();
        assertEquals(millis(0), recorder.times, "one slice per request, however much is held");
        assertEquals(0, time.pendingTasks(), "no grant is sought without demand");

        recorder.subscription.request(1);
        assertEquals(millis(0, 0), recorder.times);
        assertEquals(1, upstream.requested, "the buffer is delivered, but nobody wants more yet");

        recorder.subscription.request(1);
        assertEquals(2, upstream.requested);
        upstream.emit(ByteBuffer.wrap(pattern(16 * KIB, 16 * KIB)));
        upstream.complete();
        time.runUntilIdle();
        assertEquals(millis(0, 0, 80), recorder.times);
        assertEquals(-1, recorder.completedAt, "completion waits for the slice still held");

        recorder.subscription.request(1);
        time.runUntilIdle();
        assertEquals(millis(0, 0, 80, 160), recorder.times);
        assertEquals(160 * MILLIS, recorder.completedAt);
        assertEquals(2, upstream.requested);
        assertArrayEquals(pattern(32 * KIB, 0), recorder.bytes());
        assertEquals(0, recorder.withoutDemand, "no slice without demand");
    }

    @Test
    void holdsOneUpstreamBufferAtATimeAndNeverDeliversMoreThanTheBucketAllows() {
        ListPublisher upstream = ListPublisher.of(4, 64 * KIB);
        Recorder recorder = new Recorder(time::elapsed, 1, true);
        recorder.onEach = () -> {
            long delivered = recorder.received;
            assertTrue(recorder.buffers.get(recorder.buffers.size() - 1).length <= 8 * KIB, "one chunk per slice");
            assertTrue(delivered <= 16 * KIB + OSS_LIMIT.bytesIn(time.elapsed()), "within burst + rate x time");
            assertTrue(upstream.emitted * 64 * KIB - delivered <= 64 * KIB, "at most one upstream buffer held");
            assertTrue(upstream.requested - upstream.emitted <= 1, "at most one buffer requested ahead");
            assertEquals(0, time.pendingTasks(), "no grant for a later slice is taken before this one is delivered");
        };

        new ThrottledPublisher(upstream, pacer).subscribe(recorder);
        time.runUntilIdle();

        List<Long> expected = new ArrayList<>(millis(0));
        for (int slice = 1; slice < 32; slice++) {
            expected.add((slice - 1) * 80 * MILLIS);
        }
        assertEquals(expected, recorder.times);
        assertArrayEquals(pattern(256 * KIB, 0), recorder.bytes());
        assertEquals(2400 * MILLIS, recorder.completedAt);
        assertNull(recorder.error, "a failed check inside onNext would show here");
        assertEquals(0, recorder.withoutDemand);
    }

    @Test
    void cancellingWhileWaitingGivesTheGrantBackAndCancelsUpstream() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.unbounded(time);
        new ThrottledPublisher(upstream, pacer, listener).subscribe(recorder);
        upstream.emit(ByteBuffer.wrap(pattern(64 * KIB, 0)));
        time.advance(40 * MILLIS);
        assertEquals(120 * MILLIS, bucket.waitEstimate(8 * KIB), "three slices reserved, the third not yet granted");

        recorder.subscription.cancel();

        assertEquals(40 * MILLIS, bucket.waitEstimate(8 * KIB), "the third slice's reservation is back");
        assertTrue(upstream.cancelled);
        assertEquals(0, time.pendingTasks(), "the timer is called off");
        time.runUntilIdle();
        assertEquals(millis(0, 0), recorder.times);
        assertEquals(-1, recorder.completedAt);
        assertNull(recorder.error);
        assertEquals(List.of("queued", "progress 8192", "progress 8192"), listener.events);
    }

    @Test
    void passesAnUpstreamErrorOnAtOnceAndGivesTheWaitingGrantBack() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.unbounded(time);
        ThrottledPublisher paced = new ThrottledPublisher(upstream, pacer, listener);
        paced.subscribe(recorder);
        upstream.emit(ByteBuffer.wrap(pattern(64 * KIB, 0)));
        time.advance(40 * MILLIS);

        IOException reset = new IOException("connection reset");
        upstream.error(reset);

        assertSame(reset, recorder.error);
        assertEquals(millis(0, 0), recorder.times);
        assertEquals(40 * MILLIS, bucket.waitEstimate(8 * KIB));
        assertEquals(0, time.pendingTasks());
        assertFalse(upstream.cancelled, "a failed upstream is not cancelled");
        assertEquals(16 * KIB, paced.bytesTransferred());
        assertEquals("failed java.io.IOException: connection reset", listener.events.get(listener.events.size() - 1));
    }

    @Test
    void passesBuffersThroughWholeUnpacedAndUncountedWhileNotTransferringThenPacesTheNextSubscription() {
        ListPublisher upstream = ListPublisher.of(2, 64 * KIB);
        ThrottledPublisher paced = new ThrottledPublisher(upstream, pacer, listener);
        paced.transferring(false);
        Recorder hashing = Recorder.unbounded(time);

        paced.subscribe(hashing);
        time.runUntilIdle();

        assertEquals(millis(0, 0), hashing.times);
        assertEquals(List.of(64 * KIB, 64 * KIB), hashing.sizes());
        assertEquals(0, hashing.completedAt);
        assertEquals(0, paced.bytesTransferred());
        assertEquals(0, bucket.waitEstimate(16 * KIB), "the burst is untouched");
        assertEquals(List.of("queued"), listener.events, "a pass that is not a transfer neither counts nor ends it");

        paced.transferring(true);
        Recorder sending = Recorder.unbounded(time);
        paced.subscribe(sending);
        time.runUntilIdle();
        assertEquals(16, sending.times.size());
        assertEquals(1120 * MILLIS, sending.times.get(15), "the same buffer objects again, paced: 0, 0, 80, ... 1120 ms");
        assertEquals(128 * KIB, paced.bytesTransferred());
        assertEquals("done", listener.events.get(listener.events.size() - 1));
    }

    @Test
    void refusesNonPositiveDemandWithIllegalArgumentExceptionCancelsUpstreamAndGivesTheGrantBack() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.manual(time);
        new ThrottledPublisher(upstream, pacer).subscribe(recorder);
        recorder.subscription.request(3);
        upstream.emit(ByteBuffer.wrap(pattern(64 * KIB, 0)));
        assertEquals(160 * MILLIS, bucket.waitEstimate(8 * KIB));

        recorder.subscription.request(0);

        IllegalArgumentException refused = assertInstanceOf(IllegalArgumentException.class, recorder.error);
        assertEquals("demand must be positive, was 0 (Reactive Streams rule 3.9)", refused.getMessage());
        assertTrue(upstream.cancelled);
        assertEquals(80 * MILLIS, bucket.waitEstimate(8 * KIB));
        assertEquals(0, time.pendingTasks());
    }

    @Test
    void failsTheStreamAndCancelsUpstreamWhenUpstreamPublishesNull() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.unbounded(time);
        new ThrottledPublisher(upstream, pacer).subscribe(recorder);

        NullPointerException thrown = assertThrows(NullPointerException.class, () -> upstream.emit(null));

        assertEquals("upstream published a null buffer (Reactive Streams rule 2.13)", thrown.getMessage());
        assertSame(thrown, recorder.error);
        assertTrue(upstream.cancelled);
    }

    @Test
    void failsTheStreamAndCancelsUpstreamWhenUpstreamPublishesWithoutBeingAsked() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.manual(time);
        new ThrottledPublisher(upstream, pacer).subscribe(recorder);

        upstream.emit(ByteBuffer.wrap(pattern(8 * KIB, 0)));

        IllegalStateException refused = assertInstanceOf(IllegalStateException.class, recorder.error);
        assertEquals("upstream published a buffer that was not requested (Reactive Streams rule 1.1)", refused.getMessage());
        assertTrue(upstream.cancelled);
        assertTrue(recorder.buffers.isEmpty());
    }

    @Test
    void skipsAnEmptyBufferWithoutAGrantAndAsksForTheNext() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.unbounded(time);
        new ThrottledPublisher(upstream, pacer).subscribe(recorder);

        upstream.emit(ByteBuffer.allocate(0));

        assertTrue(recorder.buffers.isEmpty());
        assertEquals(2, upstream.requested);
        assertEquals(0, bucket.waitEstimate(16 * KIB), "the burst is untouched");
        upstream.emit(ByteBuffer.wrap(pattern(100, 0)));
        upstream.complete();
        assertEquals(List.of(100), recorder.sizes());
        assertEquals(0, recorder.completedAt);
    }

    @Test
    void cancelsUpstreamAndFailsTheSubscriberWhoseOnNextThrows() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.unbounded(time);
        IllegalStateException broken = new IllegalStateException("subscriber bug");
        recorder.onEach = () -> {
            throw broken;
        };
        new ThrottledPublisher(upstream, pacer).subscribe(recorder);

        upstream.emit(ByteBuffer.wrap(pattern(64 * KIB, 0)));

        assertSame(broken, recorder.error);
        assertTrue(upstream.cancelled);
        assertEquals(1, recorder.buffers.size());
        assertEquals(0, time.pendingTasks());
    }

    @Test
    void completesTheSubscriberEvenWhenTheListenerThrowsOnDone() {
        TransferListener throwing = new TransferListener() {
            @Override
            public void onDone() {
                throw new IllegalStateException("listener bug");
            }
        };
        Recorder recorder = Recorder.unbounded(time);
        new ThrottledPublisher(ListPublisher.of(1, 8 * KIB), pacer, throwing).subscribe(recorder);

        assertEquals(0, recorder.completedAt);
        assertNull(recorder.error);
    }

    @Test
    void refusesMissingArgumentsWithClearMessages() {
        ListPublisher upstream = ListPublisher.of(1, 1);
        assertEquals("upstream publisher must not be null",
                assertThrows(IllegalArgumentException.class, () -> new ThrottledPublisher(null, pacer)).getMessage());
        assertEquals("pacer must not be null",
                assertThrows(IllegalArgumentException.class, () -> new ThrottledPublisher(upstream, null)).getMessage());
        assertEquals("listener must not be null (use TransferListener.none())",
                assertThrows(IllegalArgumentException.class, () -> new ThrottledPublisher(upstream, pacer, null)).getMessage());
        ThrottledPublisher paced = new ThrottledPublisher(upstream, pacer);
        assertEquals("subscriber must not be null (Reactive Streams rule 1.9)",
                assertThrows(NullPointerException.class, () -> paced.subscribe(null)).getMessage());
    }

    @Test
    void deliversOneMebibyteIntactAndInOrderAcrossRealThreads() throws Exception {
        Pacer realPacer = Pacer.builder().limiter(LeakyBucket.of(DataRate.ofGibibytesPerSecond(1)))
                .scheduler(Scheduler.shared()).build();
        ExecutorService upstreamThread = Executors.newSingleThreadExecutor();
        SubmissionPublisher<ByteBuffer> upstream = new SubmissionPublisher<>(upstreamThread, Flow.defaultBufferSize());
        try {
            CompletableFuture<byte[]> received = new CompletableFuture<>();
            new ThrottledPublisher(upstream, realPacer).subscribe(new Flow.Subscriber<ByteBuffer>() {
                private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    this.subscription = subscription;
                    subscription.request(3);
                }

                @Override
                public void onNext(ByteBuffer buffer) {
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    bytes.write(chunk, 0, chunk.length);
                    subscription.request(1);
                }

                @Override
                public void onError(Throwable error) {
                    received.completeExceptionally(error);
                }

                @Override
                public void onComplete() {
                    received.complete(bytes.toByteArray());
                }
            });
            byte[] all = pattern(1024 * KIB, 0);
            for (int offset = 0; offset < all.length; offset += 16 * KIB) {
                upstream.submit(ByteBuffer.wrap(all, offset, 16 * KIB).slice());
            }
            upstream.close(); // completes the stream once the buffers are out
            assertArrayEquals(all, received.get(30, TimeUnit.SECONDS));
        } finally {
            upstream.close();
            upstreamThread.shutdownNow();
        }
    }
}
