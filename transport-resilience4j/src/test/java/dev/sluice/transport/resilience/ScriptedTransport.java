package dev.sluice.transport.resilience;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A transport that does what it is told, one step per request, in order (the last step repeats): answer a
 * status, or read part of the request body and fail as a reset connection would. It reads request bodies
 * (so a one-shot body is used up) and records what it saw; its response bodies record whether they were
 * cancelled. Completes synchronously, so tests need no waiting beyond the retry's own 1 ms.
 */
final class ScriptedTransport implements Transport {

    private final String name;
    private final Deque<Step> steps = new ArrayDeque<>();
    private Step last = Step.answer(200);
    /** Bytes of the request body read by each request, in order. */
    final List<Long> bodyBytes = new ArrayList<>();
    /** The response of each request that got one, in order. */
    final List<TrackedBody> responses = new ArrayList<>();

    ScriptedTransport(String name) {
        this.name = name;
    }

    /** What to do for the next request. */
    record Step(int status, long resetAfter) {

        static Step answer(int status) {
            return new Step(status, -1);
        }

        static Step resetAfter(long bytes) {
            return new Step(0, bytes);
        }
    }

    /** Queues {@code next}; the last step queued repeats once the queue is used up. */
    synchronized ScriptedTransport then(Step next) {
        steps.add(next);
        last = next;
        return this;
    }

    synchronized int requests() {
        return bodyBytes.size();
    }

    @Override
    public synchronized CompletableFuture<Response> send(Request request) {
        Step step = steps.isEmpty() ? last : steps.poll();
        long limit = step.resetAfter() >= 0 ? step.resetAfter() : Long.MAX_VALUE;
        long read = read(request.body(), limit);
        bodyBytes.add(read);
        if (step.resetAfter() >= 0) {
            return CompletableFuture.failedFuture(new SocketException("Connection reset (" + name + ")"));
        }
        TrackedBody body = new TrackedBody();
        responses.add(body);
        return CompletableFuture.completedFuture(new Response(step.status(), Headers.of(), body.body()));
    }

    /** Reads up to {@code limit} bytes of {@code body}, synchronously (the test bodies publish on request). */
    private static long read(Body body, long limit) {
        long[] count = {0};
        body.publisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                if (count[0] >= limit) {
                    return;
                }
                long take = Math.min(item.remaining(), limit - count[0]);
                count[0] += take;
                if (count[0] >= limit) {
                    subscription.cancel();
                }
            }

            @Override
            public void onError(Throwable throwable) {
                // what was read is what counts
            }

            @Override
            public void onComplete() {
                // read to the end
            }
        });
        return count[0];
    }

    @Override
    public String toString() {
        return name;
    }

    /** A response body of a few bytes that records whether its subscriber cancelled it. */
    static final class TrackedBody {

        final AtomicBoolean cancelled = new AtomicBoolean();

        Body body() {
            Flow.Publisher<ByteBuffer> publisher = subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    // the tests only check cancellation; the bytes are never read
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                }
            });
            return Body.of(publisher, 3);
        }
    }
}
