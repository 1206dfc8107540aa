package dev.sluice.transport.jdkhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An empty request body is read before the exchange starts; the future returned meanwhile is the
 * transport's own, so cancelling or closing while the body is read sends nothing, and cancelling after the
 * exchange started cancels it. A client that only counts exchanges and a body the test completes by hand
 * make every step deterministic.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS) // a send that was not failed would wait forever
class JdkHttpTransportEmptyBodyTest {

    private final CountingClient counting = new CountingClient();
    private final JdkHttpTransport transport = JdkHttpTransport.builder().client(counting).build();
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
        assertInstanceOf(IOException.class, failed.getCause());
        assertEquals("this JdkHttpTransport is closed", failed.getCause().getMessage());
        assertEquals(0, counting.exchanges);
    }

    @Test
    void cancellingAfterTheEmptyBodyWasReadCancelsTheExchange() {
        CompletableFuture<Response> sent = transport.send(request);
        body.complete();
        assertEquals(1, counting.exchanges);

        sent.cancel(true);

        assertThrows(CancellationException.class, sent::join);
        assertTrue(counting.last.isCancelled(), "the client's exchange was not cancelled");
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

    /** A client whose exchanges never answer; it counts them and keeps the last one's future. */
    private static final class CountingClient extends HttpClient {
        int exchanges;
        CompletableFuture<?> last;

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            exchanges++;
            CompletableFuture<HttpResponse<T>> never = new CompletableFuture<>();
            last = never;
            return never;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                HttpResponse.PushPromiseHandler<T> pushes) {
            return sendAsync(request, handler);
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            throw new UnsupportedOperationException("only asynchronous sends are expected");
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            return null;
        }

        @Override
        public SSLParameters sslParameters() {
            return new SSLParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }
}
