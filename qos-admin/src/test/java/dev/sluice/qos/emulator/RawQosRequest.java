package dev.sluice.qos.emulator;

import dev.sluice.api.Body;
import dev.sluice.api.Credentials;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.oss.OssResource;
import dev.sluice.oss.OssV4Signer;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A QoS request the client would never send (a value below -1, a foreign root, a DOCTYPE), V4-signed with
 * {@link OssV4Signer} and sent through the JDK transport as it is, and the emulator's answer as text.
 */
final class RawQosRequest {

    private RawQosRequest() {
    }

    /** What the emulator answered: the status, its {@code x-oss-ec} header and the body. */
    record Answer(int status, String ecHeader, String body) {

        /** The text of the first {@code <element>} of the body, or "" when there is none. */
        String element(String element) {
            Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(body);
            return m.find() ? m.group(1) : "";
        }
    }

    /** PUTs {@code xml} to {@code pathAndQuery} of {@code endpoint}, signed for {@code resource}. */
    static Answer put(URI endpoint, String region, Credentials key, String pathAndQuery, OssResource resource, String xml)
            throws Exception {
        Request request = new Request("PUT", URI.create(endpoint + pathAndQuery), Headers.of("Content-Type", "application/xml"),
                Body.ofBytes(xml.getBytes(StandardCharsets.UTF_8)));
        Request signed = OssV4Signer.builder().region(region).build().sign(request, resource, key, Instant.now());
        try (JdkHttpTransport transport = JdkHttpTransport.create()) {
            Response response = transport.send(signed).get();
            return new Answer(response.status(), response.headers().first("x-oss-ec").orElse(""), text(response));
        }
    }

    private static String text(Response response) throws Exception {
        CompletableFuture<String> text = new CompletableFuture<>();
        response.body().publisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE); // an error document is a few hundred bytes
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable error) {
                text.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                text.complete(bytes.toString(StandardCharsets.UTF_8));
            }
        });
        return text.get();
    }
}
