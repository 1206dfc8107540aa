package dev.sluice.emulator.internal;

import com.sun.net.httpserver.Headers;
import dev.sluice.emulator.Fault;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.ThrottledInputStream;
import dev.sluice.throttle.ThrottledOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * One request's way in and out: its body paced to {@code x-oss-traffic-limit} and cut by request faults,
 * and its response delayed, paced, stalled or cut as the faults that matched it ask.
 */
final class Reply {

    private static final int CHUNK = 8 * 1024;

    private final OssRequest request;
    private final Map<Fault.Kind, Fault> faults;
    private Optional<Pacer> pacer = Optional.empty();

    Reply(OssRequest request, Map<Fault.Kind, Fault> faults) {
        this.request = request;
        this.faults = faults;
    }

    /** Paces both bodies from now on. */
    void pace(Optional<Pacer> pacer) {
        this.pacer = pacer;
    }

    /** The request body, paced and cut as configured. */
    InputStream requestBody() {
        InputStream in = request.exchange().getRequestBody();
        Fault reset = faults.get(Fault.Kind.RESET_AFTER_REQUEST_BYTES);
        if (reset != null) {
            in = new FaultyInputStream(in, reset.bytes());
        }
        return pacer.isPresent() ? new ThrottledInputStream(in, pacer.get()) : in;
    }

    /** The response headers to fill before {@link #send}. */
    Headers headers() {
        return request.exchange().getResponseHeaders();
    }

    /**
     * Sends the status and headers, then {@code length} bytes of {@code body} ({@code body} null for none;
     * for HEAD the length is announced in {@code Content-Length} and nothing is sent).
     */
    void send(int status, long length, InputStream body) throws IOException {
        Headers headers = headers();
        headers.set("x-oss-request-id", request.requestId());
        headers.set("Server", "AliyunOSS");
        Fault delay = faults.get(Fault.Kind.DELAY_FIRST_BYTE);
        if (delay != null) {
            Waiting.waitFor(delay.duration());
        }
        boolean head = request.method().equals("HEAD");
        if (body == null || head || length == 0) {
            if (head && body != null) {
                headers.set("Content-Length", Long.toString(length));
            }
            request.exchange().sendResponseHeaders(status, -1);
            request.exchange().close();
            return;
        }
        request.exchange().sendResponseHeaders(status, length);
        Fault reset = faults.get(Fault.Kind.RESET_AFTER_RESPONSE_BYTES);
        Fault stall = faults.get(Fault.Kind.STALL);
        FaultyOutputStream faulty = new FaultyOutputStream(request.exchange().getResponseBody(),
                reset == null ? -1 : reset.bytes(), stall == null ? -1 : stall.bytes(),
                stall == null ? Duration.ZERO : stall.duration());
        faulty.start();
        OutputStream out = pacer.isPresent() ? new ThrottledOutputStream(faulty, pacer.get()) : faulty;
        try (InputStream in = body) {
            byte[] buffer = new byte[CHUNK];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            out.flush();
        }
        request.exchange().close();
    }

    /** Sends an XML document. */
    void sendXml(int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        headers().set("Content-Type", "application/xml");
        send(status, bytes.length, new ByteArrayInputStream(bytes));
    }

    /** Sends OSS error XML (for HEAD, base64 in {@code x-oss-err}, as OSS does, and no body). */
    void sendError(OssError error) throws IOException {
        String xml = Xml.document("Error", Xml.element("Code", error.code()) + Xml.element("Message", error.getMessage())
                + Xml.element("RequestId", request.requestId()) + Xml.element("HostId", request.host())
                + Xml.element("EC", error.ec())
                + Xml.element("RecommendDoc", "https://api.aliyun.com/troubleshoot?q=" + error.ec()));
        headers().set("x-oss-ec", error.ec());
        if (request.method().equals("HEAD")) {
            headers().set("x-oss-err", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        }
        sendXml(error.status(), xml);
    }
}
