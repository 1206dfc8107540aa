package dev.sluice.throttle;

import static dev.sluice.throttle.FlowProbes.KIB;
import static dev.sluice.throttle.FlowProbes.MILLIS;
import static dev.sluice.throttle.FlowProbes.millis;
import static dev.sluice.throttle.FlowProbes.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.throttle.FlowProbes.ListenerLog;
import dev.sluice.throttle.FlowProbes.ManualPublisher;
import dev.sluice.throttle.FlowProbes.Recorder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * The cheap paths of the asynchronous pacing: a slice that need not wait is delivered at once from the
 * thread that moved the stream, without a scheduled task; with every limit off a buffer goes through
 * whole, still granted and counted.
 */
class AsyncFastPathTest {

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = FlowProbes.bucket(time);
    private final LeakyBucket unlimited = LeakyBucket.builder().rate(DataRate.UNLIMITED).ticker(time).build();
    private final ListenerLog listener = new ListenerLog();

    @Test
    void aSliceThatNeedNotWaitIsDeliveredOnTheCallingThreadWithoutAScheduledTask() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.manual(time);
        List<Thread> threads = new ArrayList<>();
        recorder.onEach = () -> threads.add(Thread.currentThread());
        new ThrottledPublisher(upstream, pacer(bucket), listener).subscribe(recorder);

        recorder.subscription.request(2);
        upstream.emit(ByteBuffer.wrap(pattern(16 * KIB, 0)));

        assertEquals(List.of(8 * KIB, 8 * KIB), recorder.sizes(), "both slices of the burst, before any task ran");
        assertEquals(Collections.nCopies(2, Thread.currentThread()), threads);
        assertEquals(0, time.pendingTasks(), "nothing was scheduled");
        assertEquals(List.of("queued", "progress 8192", "progress 8192"), listener.events);
    }

    @Test
    void aSliceThatNeedNotWaitRegistersNoRateListenerOnItsLimiter() {
        int[] listenersAdded = {0};
        RateLimiter counting = new ForwardingLimiter(bucket) {
            @Override
            public void addListener(Listener listener) {
                listenersAdded[0]++;
                super.addListener(listener);
            }
        };
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.unbounded(time);
        new ThrottledPublisher(upstream, pacer(counting)).subscribe(recorder);

        upstream.emit(ByteBuffer.wrap(pattern(16 * KIB, 0)));
        assertEquals(0, listenersAdded[0], "a grant at once needs no re-timing, so no reservation object");

        upstream.emit(ByteBuffer.wrap(pattern(8 * KIB, 16 * KIB)));
        assertEquals(1, listenersAdded[0], "a slice that waits listens for rate changes");
    }

    @Test
    void aSubscriberRequestingFromOnNextIsServedByTheLoopNotByRecursion() {
        ManualPublisher upstream = new ManualPublisher();
        List<Integer> depths = new ArrayList<>();
        int[] depth = {0};
        Flow.Subscription[] subscription = new Flow.Subscription[1];
        new ThrottledPublisher(upstream, pacer(bucket)).subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription[0] = s;
                s.request(1);
            }

            @Override
            public void onNext(ByteBuffer item) {
                depths.add(++depth[0]);
                subscription[0].request(1);
                depth[0]--;
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });

        upstream.emit(ByteBuffer.wrap(pattern(16 * KIB, 0)));

        assertEquals(List.of(1, 1), depths, "each slice is delivered after the previous onNext returned");
        assertEquals(2, upstream.requested, "the next buffer is asked for once the last slice is delivered and demand remains");
    }

    @Test
    void aSliceThatMustWaitIsStillTimedByTheSchedulerAfterTheInlineOnes() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.unbounded(time);
        new ThrottledPublisher(upstream, pacer(bucket), listener).subscribe(recorder);

        upstream.emit(ByteBuffer.wrap(pattern(32 * KIB, 0)));
        assertEquals(millis(0, 0), recorder.times, "the burst goes inline");
        assertEquals(1, time.pendingTasks(), "the third slice waits for a timer");

        time.runUntilIdle();
        assertEquals(millis(0, 0, 80, 160), recorder.times);
        assertArrayEquals(pattern(32 * KIB, 0), recorder.bytes());
    }

    @Test
    void cancellingWhileASliceWaitsGivesItsGrantBack() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.unbounded(time);
        new ThrottledPublisher(upstream, pacer(bucket), listener).subscribe(recorder);
        upstream.emit(ByteBuffer.wrap(pattern(32 * KIB, 0)));

        recorder.subscription.cancel();
        time.runUntilIdle();

        assertEquals(2, recorder.times.size());
        assertTrue(upstream.cancelled);
        assertEquals(80 * MILLIS, bucket.waitEstimate(8 * KIB), "only the two delivered slices are still paid for");
        assertEquals(List.of("queued", "progress 8192", "progress 8192"), listener.events, "cancellation is silent");
    }

    private Pacer pacer(RateLimiter limiter) {
        return Pacer.builder().limiter(limiter).ticker(time).parker(time).scheduler(time).build();
    }

    @Test
    void withLimitingOffEachUpstreamBufferGoesThroughWholeAndEveryByteIsCountedAndMetered() {
        MeteredRateLimiter metered = MeteredRateLimiter.of(unlimited, time);
        FlowProbes.ListPublisher upstream = FlowProbes.ListPublisher.of(4, 64 * KIB);
        Recorder recorder = Recorder.unbounded(time);
        ThrottledPublisher paced = new ThrottledPublisher(upstream, pacer(metered), listener);

        paced.subscribe(recorder);

        assertEquals(Collections.nCopies(4, 64 * KIB), recorder.sizes(), "one slice per buffer, not 32 chunks");
        assertArrayEquals(pattern(256 * KIB, 0), recorder.bytes());
        List<String> expected = new ArrayList<>(List.of("queued"));
        expected.addAll(Collections.nCopies(4, "progress 65536"));
        expected.add("done");
        assertEquals(expected, listener.events);
        assertEquals(256L * KIB, paced.bytesTransferred());
        assertEquals(256L * KIB, metered.statistics().bytesGranted(), "each limiter granted every byte");
        assertEquals(0, time.pendingTasks());
        assertEquals(0, time.elapsed());
    }

    @Test
    void aPacedDownloadWithLimitingOffHandsEachBufferOnWholeAndCountsIt() {
        FlowProbes.ListPublisher upstream = FlowProbes.ListPublisher.of(3, 48 * KIB);
        Recorder recorder = Recorder.unbounded(time);
        ThrottledSubscriber paced = ThrottledSubscriber.wrap(recorder, pacer(unlimited), listener);

        upstream.subscribe(paced);

        assertEquals(Collections.nCopies(3, 48 * KIB), recorder.sizes());
        assertArrayEquals(pattern(144 * KIB, 0), recorder.bytes());
        assertEquals(144L * KIB, paced.bytesTransferred());
        assertEquals(List.of("queued", "progress 49152", "progress 49152", "progress 49152", "done"), listener.events);
    }

    @Test
    void aLimitSwitchedOnMidStreamPacesTheNextBufferInChunks() {
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.unbounded(time);
        new ThrottledPublisher(upstream, pacer(unlimited), listener).subscribe(recorder);
        upstream.emit(ByteBuffer.wrap(pattern(64 * KIB, 0)));
        assertEquals(List.of(64 * KIB), recorder.sizes());

        unlimited.setRate(FlowProbes.OSS_LIMIT); // starts with a full 16 KiB burst
        upstream.emit(ByteBuffer.wrap(pattern(64 * KIB, 64 * KIB)));
        time.runUntilIdle();

        List<Integer> sizes = new ArrayList<>(List.of(64 * KIB));
        sizes.addAll(Collections.nCopies(8, 8 * KIB));
        assertEquals(sizes, recorder.sizes());
        assertEquals(millis(0, 0, 0, 80, 160, 240, 320, 400, 480), recorder.times);
        assertArrayEquals(pattern(128 * KIB, 0), recorder.bytes());
    }

    @Test
    void aSubscriberThatThrowsOnAWholeBufferGetsItsGrantGivenBackAndNothingCounted() {
        MeteredRateLimiter metered = MeteredRateLimiter.of(unlimited, time);
        ManualPublisher upstream = new ManualPublisher();
        Recorder recorder = Recorder.unbounded(time);
        IllegalStateException broken = new IllegalStateException("broken subscriber");
        recorder.onEach = () -> {
            throw broken;
        };
        ThrottledPublisher paced = new ThrottledPublisher(upstream, pacer(metered), listener);
        paced.subscribe(recorder);

        upstream.emit(ByteBuffer.wrap(pattern(64 * KIB, 0)));

        assertEquals(64L * KIB, metered.statistics().bytesGivenBack());
        assertEquals(0, paced.bytesTransferred());
        assertTrue(upstream.cancelled);
        assertEquals(broken, recorder.error);
    }

    /** Forwards everything to a limiter, so that a test can watch one call. */
    private static class ForwardingLimiter implements RateLimiter {
        private final RateLimiter delegate;

        ForwardingLimiter(RateLimiter delegate) {
            this.delegate = delegate;
        }

        @Override
        public long reserve(long bytes) {
            return delegate.reserve(bytes);
        }

        @Override
        public long tryReserve(long bytes, long maxWaitNanos) {
            return delegate.tryReserve(bytes, maxWaitNanos);
        }

        @Override
        public long waitEstimate(long bytes) {
            return delegate.waitEstimate(bytes);
        }

        @Override
        public void giveBack(long bytes) {
            delegate.giveBack(bytes);
        }

        @Override
        public DataRate rate() {
            return delegate.rate();
        }

        @Override
        public void setRate(DataRate rate) {
            delegate.setRate(rate);
        }

        @Override
        public DataSize burst() {
            return delegate.burst();
        }

        @Override
        public void addListener(Listener listener) {
            delegate.addListener(listener);
        }

        @Override
        public void removeListener(Listener listener) {
            delegate.removeListener(listener);
        }
    }
}
