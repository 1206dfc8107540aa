package dev.sluice.transport.resilience;

import dev.sluice.api.Body;
import dev.sluice.api.Middleware;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Request bodies for the tests, and a middleware that counts, per attempt, the body bytes the transport took. */
final class TestBodies {

    static final URI OBJECT = URI.create("http://127.0.0.1:9/bucket/key.bin");

    private TestBodies() {
    }

    /** A PUT of {@code chunks} chunks of 100 bytes, each published on demand; replayable or not. */
    static Request put(int chunks, boolean replayable) {
        return Request.of("PUT", OBJECT).withBody(new Body(chunked(chunks), chunks * 100L, replayable));
    }

    private static Flow.Publisher<ByteBuffer> chunked(int chunks) {
        return subscriber -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            int[] sent = {0};
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    for (long i = 0; i < n && sent[0] < chunks && !cancelled.get(); i++) {
                        sent[0]++;
                        subscriber.onNext(ByteBuffer.allocate(100));
                    }
                    if (sent[0] == chunks && !cancelled.getAndSet(true)) {
                        subscriber.onComplete();
                    }
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                }
            });
        };
    }

    /**
     * Stands for pacing and progress: it sees every attempt's body as a transfer of its own, as a pacing
     * middleware placed inside the retry does, and records the bytes each attempt handed to the transport.
     */
    static final class Counting implements Middleware {

        /** One counter per attempt, in order. */
        final List<AtomicLong> attempts = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Response> send(Request request, Transport next) {
            AtomicLong bytes = new AtomicLong();
            attempts.add(bytes);
            Flow.Publisher<ByteBuffer> source = request.body().publisher();
            Flow.Publisher<ByteBuffer> counted = subscriber -> source.subscribe(new Flow.Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    bytes.addAndGet(item.remaining());
                    subscriber.onNext(item);
                }

                @Override
                public void onError(Throwable throwable) {
                    subscriber.onError(throwable);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                }
            });
            Body body = request.body();
            return next.send(request.withBody(new Body(counted, body.contentLength(), body.replayable())));
        }

        List<Long> perAttempt() {
            return attempts.stream().map(AtomicLong::get).toList();
        }
    }
}
