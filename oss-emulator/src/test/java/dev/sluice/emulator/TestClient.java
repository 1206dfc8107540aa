package dev.sluice.emulator;

import dev.sluice.api.Credentials;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.oss.OssV1Signer;
import dev.sluice.oss.OssV4Signer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK HTTP client, signing with the oss module's signers: what the tests talk to the emulator with. */
final class TestClient {

    static final Credentials KEY = Credentials.of("LTAI5tEmulatorTestKey01", "emulator-test-secret/KEY+0000000000");
    static final String BUCKET = "examplebucket";
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    final OssEmulator emulator;
    final HttpClient http;
    final OssV4Signer v4;

    TestClient(OssEmulator emulator) {
        this.emulator = emulator;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.v4 = OssV4Signer.builder().region(emulator.region()).build();
    }

    static OssEmulator.Builder emulator() {
        return OssEmulator.builder().credentials(KEY).bucket(BUCKET);
    }

    /** {@code http://127.0.0.1:port/bucket/key?query}, path-style, key percent-encoded but for {@code /}. */
    URI uri(String bucket, String key, String query) {
        String path = "/" + bucket + "/" + (key == null ? "" : encode(key));
        return URI.create(emulator.endpoint() + path + (query == null ? "" : "?" + query));
    }

    URI uri(String key) {
        return uri(BUCKET, key, null);
    }

    Request request(String method, URI uri, String... headers) {
        return Request.of(method, uri).withHeaders(Headers.of(headers));
    }

    Request signV4(Request request) {
        return v4.sign(request, KEY, Instant.now());
    }

    Request signV1(Request request) {
        return OssV1Signer.create().sign(request, KEY, Instant.now());
    }

    /** Sends {@code request} (already signed or presigned) with {@code body} (null for none). */
    HttpResponse<byte[]> send(Request request, byte[] body) throws IOException, InterruptedException {
        return http.send(toJdk(request, body), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> put(String key, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(signV4(request("PUT", uri(key), headers)), body);
        if (response.statusCode() != 200) {
            throw new AssertionError("PUT " + key + " answered " + response.statusCode() + ": " + text(response));
        }
        return response;
    }

    HttpResponse<byte[]> get(String key, String... headers) throws IOException, InterruptedException {
        return send(signV4(request("GET", uri(key), headers)), null);
    }

    static HttpRequest toJdk(Request request, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(Duration.ofSeconds(30))
                .method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : request.headers().toMap().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(v -> builder.header(header.getKey(), v));
            }
        }
        return builder.build();
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The text of {@code <element>} in an XML body, or null. */
    static String xml(HttpResponse<byte[]> response, String element) {
        Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL).matcher(text(response));
        return m.find() ? m.group(1) : null;
    }

    static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/")
                .replace("*", "%2A").replace("%7E", "~");
    }

    static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }
}
