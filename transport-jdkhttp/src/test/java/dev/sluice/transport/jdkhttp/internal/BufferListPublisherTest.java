package dev.sluice.transport.jdkhttp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The JDK's lists of buffers as single buffers: one element per item, on demand only, nothing read ahead. */
class BufferListPublisherTest {

    private final Lists upstream = new Lists();
    private final Collector downstream = new Collector();

    @Test
    void publishesEachElementOfAListAsOneItemAndAsksForTheNextListOnlyWhenThisOneIsUsedUp() {
        new BufferListPublisher(upstream).subscribe(downstream);
        assertEquals(0, upstream.requested, "no demand, no read");

        downstream.subscription.request(1);
        assertEquals(1, upstream.requested);
        upstream.emit(buffer(1), buffer(2), buffer(3));
        assertEquals(List.of(1), downstream.items);

        downstream.subscription.request(1);
        assertEquals(List.of(1, 2), downstream.items);
        assertEquals(1, upstream.requested, "two elements of the list are still held");

        downstream.subscription.request(2);
        assertEquals(List.of(1, 2, 3), downstream.items);
        assertEquals(2, upstream.requested, "the list is used up and demand remains");
        upstream.emit(buffer(4));
        upstream.complete();

        assertEquals(List.of(1, 2, 3, 4), downstream.items);
        assertTrue(downstream.completed);
    }

    @Test
    void completesOnlyAfterTheLastHeldElementIsAskedFor() {
        new BufferListPublisher(upstream).subscribe(downstream);
        downstream.subscription.request(1);
        upstream.emit(buffer(1), buffer(2));
        upstream.complete();
        assertEquals(false, downstream.completed);

        downstream.subscription.request(1);

        assertEquals(List.of(1, 2), downstream.items);
        assertTrue(downstream.completed);
    }

    @Test
    void skipsEmptyBuffers() {
        new BufferListPublisher(upstream).subscribe(downstream);
        downstream.subscription.request(2);
        upstream.emit(ByteBuffer.allocate(0), buffer(7), ByteBuffer.allocate(0));
        upstream.emit(buffer(8));

        assertEquals(List.of(7, 8), downstream.items);
    }

    @Test
    void cancellingCancelsTheJdkSubscriptionWhichClosesTheExchange() {
        new BufferListPublisher(upstream).subscribe(downstream);
        downstream.subscription.request(1);
        upstream.emit(buffer(1), buffer(2));

        downstream.subscription.cancel();
        upstream.error(new IOException("closed"));

        assertTrue(upstream.cancelled);
        assertEquals(null, downstream.error, "nothing after cancel");
    }

    @Test
    void passesAnErrorOnAtOnce() {
        new BufferListPublisher(upstream).subscribe(downstream);
        downstream.subscription.request(1);
        upstream.emit(buffer(1), buffer(2));

        upstream.error(new IOException("connection reset"));

        assertEquals("connection reset", downstream.error.getMessage());
    }

    @Test
    void refusesNonPositiveDemandAndClosesTheExchange() {
        new BufferListPublisher(upstream).subscribe(downstream);

        downstream.subscription.request(0);

        assertInstanceOf(IllegalArgumentException.class, downstream.error);
        assertEquals("demand must be positive, was 0 (Reactive Streams rule 3.9)", downstream.error.getMessage());
        assertTrue(upstream.cancelled);
    }

    @Test
    void aSecondSubscriberIsRefused() {
        BufferListPublisher body = new BufferListPublisher(upstream);
        body.subscribe(downstream);
        Collector second = new Collector();

        body.subscribe(second);

        assertEquals("a response body streams once and already has a subscriber", second.error.getMessage());
    }

    private static ByteBuffer buffer(int value) {
        return ByteBuffer.wrap(new byte[] {(byte) value});
    }

    /** Stands for the JDK's publisher of lists: records requests, emits when told. */
    private static final class Lists implements Flow.Publisher<List<ByteBuffer>> {
        Flow.Subscriber<? super List<ByteBuffer>> subscriber;
        long requested;
        boolean cancelled;

        @Override
        public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
            this.subscriber = subscriber;
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    requested += n;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }

        void emit(ByteBuffer... buffers) {
            subscriber.onNext(List.of(buffers));
        }

        void complete() {
            subscriber.onComplete();
        }

        void error(Throwable error) {
            subscriber.onError(error);
        }
    }

    /** Records the first byte of each item and how the stream ended; asks for nothing by itself. */
    private static final class Collector implements Flow.Subscriber<ByteBuffer> {
        final List<Integer> items = new ArrayList<>();
        Flow.Subscription subscription;
        boolean completed;
        Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(ByteBuffer item) {
            items.add((int) item.get(0));
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }
}
