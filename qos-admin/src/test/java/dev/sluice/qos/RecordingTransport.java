package dev.sluice.qos;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * A {@link Transport} in the test: records every request with its body and answers what the test's
 * function says (by default 200 with an empty body).
 */
final class RecordingTransport implements Transport {

    /** A request as sent, with its body read. */
    record Sent(Request request, String body) {
        String method() {
            return request.method();
        }

        String host() {
            return request.uri().getHost();
        }

        String path() {
            return request.uri().getRawPath();
        }

        String query() {
            return request.uri().getRawQuery();
        }

        String header(String name) {
            return request.headers().first(name).orElse(null);
        }
    }

    final List<Sent> sent = new ArrayList<>();
    private Function<Sent, Response> answer = request -> ok("");

    /** Answers every request with {@code answer}. */
    RecordingTransport answering(Function<Sent, Response> answer) {
        this.answer = answer;
        return this;
    }

    /** Answers every request with 200 and {@code xml}. */
    RecordingTransport answering(String xml) {
        return answering(request -> ok(xml));
    }

    static Response ok(String xml) {
        return response(200, Headers.of("x-oss-request-id", "RID-OK"), xml);
    }

    static Response response(int status, Headers headers, String body) {
        return new Response(status, headers, Body.ofBytes(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        request.body().publisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                body.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
        Sent recorded = new Sent(request, body.toString(StandardCharsets.UTF_8));
        sent.add(recorded);
        try {
            return CompletableFuture.completedFuture(answer.apply(recorded));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
