package dev.sluice.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signed QoS requests over a {@link TestClient}: region-level ({@code /?...}) and bucket-level. */
final class QosClient {

    static final String[] ITEMS = {"TotalUploadBandwidth", "IntranetUploadBandwidth", "ExtranetUploadBandwidth",
        "TotalDownloadBandwidth", "IntranetDownloadBandwidth", "ExtranetDownloadBandwidth"};

    final TestClient client;

    QosClient(OssEmulator emulator) {
        this.client = new TestClient(emulator);
    }

    /** A region-level request: {@code http://127.0.0.1:port/?query}, V4-signed for the region resource. */
    HttpResponse<byte[]> region(String method, String query, String body) throws IOException, InterruptedException {
        return send(method, URI.create(client.emulator.endpoint() + "/?" + query), body);
    }

    /** A bucket-level request: {@code http://127.0.0.1:port/bucket/?query}, with more headers (name, value...). */
    HttpResponse<byte[]> bucket(String method, String bucket, String query, String body, String... headers)
            throws IOException, InterruptedException {
        return send(method, client.uri(bucket, null, query), body, headers);
    }

    private HttpResponse<byte[]> send(String method, URI uri, String body, String... extra) throws IOException, InterruptedException {
        List<String> headers = new ArrayList<>(List.of(extra));
        if (body != null) {
            headers.addAll(List.of("Content-Type", "application/xml"));
        }
        return client.send(client.signV4(client.request(method, uri, headers.toArray(new String[0]))),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** A QoSConfiguration body with the six bandwidth items in document order. */
    static String qos(long... gbps) {
        StringBuilder xml = new StringBuilder("<QoSConfiguration>");
        for (int i = 0; i < ITEMS.length; i++) {
            xml.append('<').append(ITEMS[i]).append('>').append(gbps[i]).append("</").append(ITEMS[i]).append('>');
        }
        return xml.append("</QoSConfiguration>").toString();
    }

    /** The six bandwidth items of the first {@code QoSConfiguration} in a response. */
    static List<Long> items(HttpResponse<byte[]> response) {
        List<Long> values = new ArrayList<>();
        for (String item : ITEMS) {
            values.add(Long.parseLong(TestClient.xml(response, item)));
        }
        return values;
    }

    /** Every text of {@code <element>}, in order. */
    static List<String> all(HttpResponse<byte[]> response, String element) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL).matcher(TestClient.text(response));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static void assertOk(int status, HttpResponse<byte[]> response) {
        assertEquals(status, response.statusCode(), TestClient.text(response));
    }

    /** The error XML and {@code x-oss-ec} agree with what is expected. */
    static void assertError(int status, String code, String ec, HttpResponse<byte[]> response) {
        assertEquals(status, response.statusCode(), TestClient.text(response));
        assertEquals(code, TestClient.xml(response, "Code"), TestClient.text(response));
        assertEquals(ec, TestClient.xml(response, "EC"), TestClient.text(response));
        assertEquals(ec, response.headers().firstValue("x-oss-ec").orElse(null));
    }
}
