package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MiddlewareTest {

    private static final Request REQUEST = Request.of("GET", URI.create("http://127.0.0.1:9000/examplebucket/key"));

    private final List<String> log = new ArrayList<>();
    private final RecordingTransport transport = new RecordingTransport();

    @Test
    void theFirstMiddlewareSeesTheRequestFirstAndTheResponseLast() {
        Transport chained = Middleware.chain(transport, List.of(new Tagging("sign"), new Tagging("limit"),
                new Tagging("pace")));

        Response response = chained.send(REQUEST).join();

        assertEquals(List.of("sign >", "limit >", "pace >", "transport", "pace <", "limit <", "sign <"), log);
        assertEquals(List.of("sign", "limit", "pace"), transport.lastRequest.headers().all("X-Seen-By"));
        assertEquals(List.of("pace", "limit", "sign"), response.headers().all("X-Back-Through"));
    }

    @Test
    void anEmptyChainIsTheTransportItself() {
        assertSame(transport, Middleware.chain(transport, List.of()));
    }

    @Test
    void aMiddlewareMayCallTheNextOneMoreThanOnce() {
        Middleware retryOnServerError = (request, next) -> next.send(request)
                .thenCompose(response -> response.status() >= 500 ? next.send(request)
                        : CompletableFuture.completedFuture(response));
        transport.statuses.add(503);

        Response response = retryOnServerError.around(transport).send(REQUEST).join();

        assertEquals(200, response.status());
        assertEquals(List.of("transport", "transport"), log);
    }

    @Test
    void closingTheChainClosesTheTransportOnce() {
        Transport chained = Middleware.chain(transport, List.of(new Tagging("a"), new Tagging("b")));

        chained.close();

        assertEquals(1, transport.closes);
    }

    @Test
    void describesTheChainFromOutsideIn() {
        Transport chained = Middleware.chain(transport, List.of(new Tagging("sign"), new Tagging("pace")));

        assertEquals("sign(pace(transport))", chained.toString());
    }

    /** Logs the way in and out, and leaves a trace in the request and the response headers. */
    private final class Tagging implements Middleware {
        private final String name;

        Tagging(String name) {
            this.name = name;
        }

        @Override
        public CompletableFuture<Response> send(Request request, Transport next) {
            log.add(name + " >");
            Request seen = request.withHeaders(request.headers().plus("X-Seen-By", name));
            return next.send(seen).thenApply(response -> {
                log.add(name + " <");
                return new Response(response.status(), response.headers().plus("X-Back-Through", name),
                        response.body());
            });
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Answers 200 (or the statuses queued first), remembering the last request and the closes. */
    private final class RecordingTransport implements Transport {
        final List<Integer> statuses = new ArrayList<>();
        Request lastRequest;
        int closes;

        @Override
        public CompletableFuture<Response> send(Request request) {
            log.add("transport");
            lastRequest = request;
            int status = statuses.isEmpty() ? 200 : statuses.remove(0);
            return CompletableFuture.completedFuture(new Response(status, Headers.of(), Body.empty()));
        }

        @Override
        public void close() {
            closes++;
        }

        @Override
        public String toString() {
            return "transport";
        }
    }
}
