package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class BodyTest {

    private static final byte[] HELLO = "hello, oss".getBytes(StandardCharsets.US_ASCII);

    @Test
    void discardReadsTheBodyToItsEndAndCountsItsBytes() throws Exception {
        assertEquals(HELLO.length, Body.ofBytes(HELLO).discard().get());
        assertEquals(0L, Body.empty().discard().get());
    }

    @Test
    void discardFailsWithThePublishersError() {
        java.io.IOException broken = new java.io.IOException("disk gone");
        Body failing = Body.of(subscriber -> {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(broken);
        }, 0);

        java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> failing.discard().get());
        assertSame(broken, failure.getCause());
    }

    @Test
    void publishesNothingBeforeDemand() {
        Recorder recorder = new Recorder();

        Body.ofBytes(HELLO).publisher().subscribe(recorder);

        assertEquals(List.of("subscribed"), recorder.events);
    }

    @Test
    void publishesOneBufferThenCompletesOnTheFirstDemand() {
        Recorder recorder = new Recorder();
        Body.ofBytes(HELLO).publisher().subscribe(recorder);

        recorder.subscription.request(1);

        assertEquals(List.of("subscribed", "next hello, oss", "complete"), recorder.events);
    }

    @Test
    void publishesNothingMoreOnLaterDemand() {
        Recorder recorder = new Recorder();
        Body.ofBytes(HELLO).publisher().subscribe(recorder);

        recorder.subscription.request(Long.MAX_VALUE);
        recorder.subscription.request(1);

        assertEquals(List.of("subscribed", "next hello, oss", "complete"), recorder.events);
    }

    @Test
    void publishesAReadOnlyBufferOverTheWholeArray() {
        List<ByteBuffer> buffers = new ArrayList<>();
        Recorder recorder = new Recorder() {
            @Override
            public void onNext(ByteBuffer item) {
                buffers.add(item);
            }
        };
        Body.ofBytes(HELLO).publisher().subscribe(recorder);

        recorder.subscription.request(1);

        assertEquals(1, buffers.size());
        assertTrue(buffers.get(0).isReadOnly());
        assertEquals(HELLO.length, buffers.get(0).remaining());
    }

    @Test
    void completesAnEmptyBodyWithoutABuffer() {
        Recorder recorder = new Recorder();
        Body.empty().publisher().subscribe(recorder);

        recorder.subscription.request(1);

        assertEquals(List.of("subscribed", "complete"), recorder.events);
    }

    @Test
    void signalsAnErrorForZeroDemand() {
        Recorder recorder = new Recorder();
        Body.ofBytes(HELLO).publisher().subscribe(recorder);

        recorder.subscription.request(0);
        recorder.subscription.request(1);

        assertEquals(List.of("subscribed",
                "error IllegalArgumentException: demand must be positive, was 0 (Reactive Streams rule 3.9)"),
                recorder.events);
    }

    @Test
    void signalsAnErrorForNegativeDemand() {
        Recorder recorder = new Recorder();
        Body.ofBytes(HELLO).publisher().subscribe(recorder);

        recorder.subscription.request(-1);

        assertEquals(List.of("subscribed",
                "error IllegalArgumentException: demand must be positive, was -1 (Reactive Streams rule 3.9)"),
                recorder.events);
    }

    @Test
    void publishesNothingAfterCancel() {
        Recorder recorder = new Recorder();
        Body.ofBytes(HELLO).publisher().subscribe(recorder);

        recorder.subscription.cancel();
        recorder.subscription.request(1);

        assertEquals(List.of("subscribed"), recorder.events);
    }

    @Test
    void publishesOnceWhenTheSubscriberAsksForMoreFromOnNext() {
        Recorder recorder = new Recorder() {
            @Override
            public void onNext(ByteBuffer item) {
                super.onNext(item);
                subscription.request(1);
            }
        };
        Body.ofBytes(HELLO).publisher().subscribe(recorder);

        recorder.subscription.request(1);

        assertEquals(List.of("subscribed", "next hello, oss", "complete"), recorder.events);
    }

    @Test
    void aBodyOfBytesReplaysFromTheFirstByteForEverySubscriber() {
        Body body = Body.ofBytes(HELLO);
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        body.publisher().subscribe(first);
        body.publisher().subscribe(second);

        first.subscription.request(1);
        second.subscription.request(1);

        assertTrue(body.replayable());
        assertEquals(first.events, second.events);
        assertEquals(List.of("subscribed", "next hello, oss", "complete"), second.events);
    }

    @Test
    void aBodyOfBytesKnowsItsLength() {
        Body body = Body.ofBytes(HELLO);

        assertEquals(10L, body.contentLength());
        assertTrue(body.hasKnownLength());
        assertEquals(0L, Body.empty().contentLength());
        assertSame(Body.empty(), Body.empty());
    }

    @Test
    void aBodyFromAPublisherIsNotReplayableAndMayHaveAnUnknownLength() {
        Flow.Publisher<ByteBuffer> publisher = Body.ofBytes(HELLO).publisher();

        Body unknown = Body.of(publisher, -1);
        Body known = Body.of(publisher, 10);

        assertFalse(unknown.replayable());
        assertFalse(unknown.hasKnownLength());
        assertTrue(known.hasKnownLength());
    }

    @Test
    void refusesANullPublisher() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Body.of(null, 0));

        assertEquals("body publisher must not be null", refused.getMessage());
    }

    @Test
    void refusesALengthBelowMinusOne() {
        Flow.Publisher<ByteBuffer> publisher = Body.empty().publisher();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Body.of(publisher, -2));

        assertEquals("content length must be -1 (unknown) or at least 0 B, was -2 B", refused.getMessage());
    }

    /** Writes down what a publisher signals, as text. */
    static class Recorder implements Flow.Subscriber<ByteBuffer> {
        final List<String> events = new ArrayList<>();
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            events.add("subscribed");
        }

        @Override
        public void onNext(ByteBuffer item) {
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes);
            events.add("next " + new String(bytes, StandardCharsets.US_ASCII));
        }

        @Override
        public void onError(Throwable failure) {
            events.add("error " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }

        @Override
        public void onComplete() {
            events.add("complete");
        }
    }
}
