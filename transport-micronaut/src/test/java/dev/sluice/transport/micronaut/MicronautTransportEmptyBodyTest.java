package dev.sluice.transport.micronaut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import io.micronaut.http.client.RawHttpClient;
import java.io.Closeable;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/**
 * An empty request body is read before the exchange starts; the future returned meanwhile is the
 * transport's own, so cancelling or closing while the body is read sends nothing, and cancelling after the
 * exchange started aborts it. A client that only counts exchanges and a body the test completes by hand
 * make every step deterministic.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS) // a send that was not failed would wait forever
class MicronautTransportEmptyBodyTest {

    private final CountingClient counting = new CountingClient();
    private final MicronautTransport transport = MicronautTransport.builder().client(counting.client()).build();
    private final HeldBody body = new HeldBody();
    private final Request request = new Request("PUT", URI.create("http://127.0.0.1:9/bucket/empty"), Headers.of(),
            Body.of(body, 0));

    @Test
    void cancellingWhileTheEmptyBodyIsReadSendsNothingOnceItEnds() {
        CompletableFuture<Response> sent = transport.send(request);

        sent.cancel(true);
        body.complete();

        assertTrue(sent.isCancelled());
        assertEquals(0, counting.exchanges, "an exchange was started for a cancelled send");
    }

    @Test
    void closingWhileTheEmptyBodyIsReadFailsTheSendWithoutAnExchange() {
        CompletableFuture<Response> sent = transport.send(request);

        transport.close();
        body.complete();

        ExecutionException failed = assertThrows(ExecutionException.class, sent::get);
        assertInstanceOf(java.io.IOException.class, failed.getCause());
        assertEquals("this MicronautTransport is closed", failed.getCause().getMessage());
        assertEquals(0, counting.exchanges);
    }

    @Test
    void cancellingAfterTheEmptyBodyWasReadAbortsTheExchange() {
        CompletableFuture<Response> sent = transport.send(request);
        body.complete();
        assertEquals(1, counting.exchanges);

        sent.cancel(true);

        assertThrows(CancellationException.class, sent::join);
        assertTrue(counting.cancelled, "the exchange's subscription was not cancelled");
    }

    /** A body of no bytes that ends only when the test says so. */
    private static final class HeldBody implements Flow.Publisher<ByteBuffer> {
        private Flow.Subscriber<? super ByteBuffer> subscriber;

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
            subscriber = s;
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
        }

        void complete() {
            subscriber.onComplete();
        }
    }

    /** A client whose exchanges never answer; it counts them and sees whether the last was cancelled. */
    private static final class CountingClient {
        int exchanges;
        volatile boolean cancelled;

        RawHttpClient client() {
            return (RawHttpClient) Proxy.newProxyInstance(RawHttpClient.class.getClassLoader(),
                    new Class<?>[] {RawHttpClient.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "exchange":
                                exchanges++;
                                if (args.length > 1 && args[1] instanceof Closeable) {
                                    ((Closeable) args[1]).close(); // the client owns the byte body
                                }
                                return (Publisher<Object>) subscriber -> subscriber.onSubscribe(new Subscription() {
                                    @Override
                                    public void request(long n) {
                                    }

                                    @Override
                                    public void cancel() {
                                        cancelled = true;
                                    }
                                });
                            case "toString":
                                return "counting client";
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            case "equals":
                                return proxy == args[0];
                            default:
                                return null;
                        }
                    });
        }
    }
}
