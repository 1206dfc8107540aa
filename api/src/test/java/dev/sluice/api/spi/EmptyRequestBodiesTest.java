package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EmptyRequestBodiesTest {

    private static final URI URI_ = URI.create("http://127.0.0.1:9/bucket/key");

    @Test
    void anEmptyBodyThatCompletesAtOnceIsReadAndTheExchangeStartsOnTheCallingThread() {
        AtomicInteger exchanges = new AtomicInteger();
        CompletableFuture<Response> answer = new CompletableFuture<>();

        CompletableFuture<Response> sent = EmptyRequestBodies.sendAfterReading(
                new Request("PUT", URI_, Headers.of(), Body.empty()), () -> false, "TestTransport", () -> {
                    exchanges.incrementAndGet();
                    return answer;
                });

        assertEquals(1, exchanges.get());
        assertSame(answer, sent);
    }

    @Test
    void aBodyThatFailsWhileReadSendsNothingAndFailsWithItsError() {
        IOException broken = new IOException("source gone");
        Body failing = Body.of(subscriber -> {
            subscriber.onSubscribe(new NoSubscription());
            subscriber.onError(broken);
        }, 0);
        AtomicInteger exchanges = new AtomicInteger();

        CompletableFuture<Response> sent = EmptyRequestBodies.sendAfterReading(new Request("PUT", URI_, Headers.of(), failing),
                () -> false, "TestTransport", () -> {
                    exchanges.incrementAndGet();
                    return new CompletableFuture<>();
                });

        assertSame(broken, assertThrows(ExecutionException.class, sent::get).getCause());
        assertEquals(0, exchanges.get());
    }

    @Test
    void aTransportClosedWhileTheBodyIsReadSendsNothing() {
        AtomicReference<Flow.Subscriber<? super ByteBuffer>> reader = new AtomicReference<>();
        Body slow = Body.of(subscriber -> {
            subscriber.onSubscribe(new NoSubscription());
            reader.set(subscriber);
        }, 0);
        AtomicInteger exchanges = new AtomicInteger();

        CompletableFuture<Response> sent = EmptyRequestBodies.sendAfterReading(new Request("PUT", URI_, Headers.of(), slow),
                () -> true, "TestTransport", () -> {
                    exchanges.incrementAndGet();
                    return new CompletableFuture<>();
                });
        reader.get().onComplete();

        assertEquals("this TestTransport is closed",
                assertThrows(ExecutionException.class, sent::get).getCause().getMessage());
        assertEquals(0, exchanges.get());
    }

    @Test
    void refusesABodyThatAnnouncesBytes() {
        Request put = new Request("PUT", URI_, Headers.of(), Body.ofBytes(new byte[3]));

        assertEquals("the request body must announce 0 bytes, was 3 B", assertThrows(IllegalArgumentException.class,
                () -> EmptyRequestBodies.sendAfterReading(put, () -> false, "TestTransport", CompletableFuture::new))
                .getMessage());
    }

    private static final class NoSubscription implements Flow.Subscription {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    }
}
