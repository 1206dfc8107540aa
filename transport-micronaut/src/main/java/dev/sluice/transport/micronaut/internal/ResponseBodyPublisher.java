package dev.sluice.transport.micronaut.internal;

import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.http.ByteBodyHttpResponse;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A Micronaut response body as a {@link Flow.Publisher} of heap {@link ByteBuffer}s: each {@link ReadBuffer}
 * the client read (a Netty buffer underneath) is copied out and closed at once, so no pooled buffer outlives
 * its item. Demand passes through one for one (an empty read is skipped and replaced by one more request),
 * so the client reads no further ahead of the subscriber than its own buffers. It can be subscribed to once;
 * cancelling the subscription closes the response, which releases its connection.
 */
public final class ResponseBodyPublisher implements Flow.Publisher<ByteBuffer> {

    private final ByteBodyHttpResponse<?> response;
    private final String exchange;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    /** The body of {@code response}; {@code exchange} ("GET http://host/key") names it in errors. */
    public ResponseBodyPublisher(ByteBodyHttpResponse<?> response, String exchange) {
        this.response = response;
        this.exchange = exchange;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        if (subscriber == null) {
            throw new NullPointerException("subscriber must not be null (Reactive Streams rule 1.9)");
        }
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("a response body streams once and already has a subscriber"));
            return;
        }
        response.byteBody().toReadBufferPublisher().subscribe(new Copying(subscriber, response, exchange));
    }

    /** Copies each read buffer out, releases it, and forwards demand and cancellation unchanged. */
    private static final class Copying implements Subscriber<ReadBuffer>, Flow.Subscription {

        private final Flow.Subscriber<? super ByteBuffer> downstream;
        private final ByteBodyHttpResponse<?> response;
        private final String exchange;
        private volatile Subscription upstream;
        private volatile boolean done;

        Copying(Flow.Subscriber<? super ByteBuffer> downstream, ByteBodyHttpResponse<?> response, String exchange) {
            this.downstream = downstream;
            this.response = response;
            this.exchange = exchange;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            upstream = subscription;
            downstream.onSubscribe(this);
        }

        @Override
        public void onNext(ReadBuffer buffer) {
            byte[] bytes;
            try (buffer) {
                bytes = buffer.toArray();
            }
            if (done) {
                return;
            }
            if (bytes.length == 0) {
                upstream.request(1); // the subscriber asked for bytes; an empty read gives none
                return;
            }
            downstream.onNext(ByteBuffer.wrap(bytes));
        }

        @Override
        public void onError(Throwable error) {
            if (done) {
                return;
            }
            done = true;
            downstream.onError(Exchange.failure(error, exchange + " (reading the response body)"));
        }

        @Override
        public void onComplete() {
            if (done) {
                return;
            }
            done = true;
            downstream.onComplete();
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            done = true;
            upstream.cancel();
            response.close();
        }
    }
}
