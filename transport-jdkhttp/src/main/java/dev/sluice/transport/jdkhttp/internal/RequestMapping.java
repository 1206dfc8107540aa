package dev.sluice.transport.jdkhttp.internal;

import dev.sluice.api.Body;
import dev.sluice.api.Request;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a Sluice {@link Request} into the JDK's: the body as a streaming publisher of its length, and the
 * headers the client lets an application set.
 */
public final class RequestMapping {

    /**
     * Headers the client writes itself from the body and the connection (the JDK refuses to let
     * applications set {@code Connection}, {@code Content-Length}, {@code Expect}, {@code Host} and
     * {@code Upgrade}; the others would contradict its framing).
     */
    private static final Set<String> FRAMING = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "proxy-connection", "transfer-encoding");

    private RequestMapping() {
    }

    /**
     * The JDK request for {@code request}.
     *
     * @throws IllegalArgumentException if the client cannot send it as asked (a {@code Host} other than the
     *     URI's authority, a {@code Content-Length} other than the body's, a URI or header the client refuses)
     */
    public static HttpRequest toJdk(Request request, Duration timeout) {
        Body body = request.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .method(request.method(), bodyPublisher(body));
        if (timeout != null) {
            builder.timeout(timeout);
        }
        for (String name : request.headers().names()) {
            String key = name.toLowerCase(Locale.ROOT);
            for (String value : request.headers().all(name)) {
                if (!FRAMING.contains(key)) {
                    builder.header(name, value);
                } else if (key.equals("host")) {
                    requireUriAuthority(request.uri(), value);
                } else if (key.equals("content-length")) {
                    requireBodyLength(body, value);
                } else if (key.equals("expect") && value.trim().equalsIgnoreCase("100-continue")) {
                    builder.expectContinue(true);
                }
            }
        }
        return builder.build();
    }

    /** {@code noBody} for 0 bytes (the client then never subscribes), else the publisher, chunked if the length is unknown. */
    static HttpRequest.BodyPublisher bodyPublisher(Body body) {
        if (body.contentLength() == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (body.contentLength() > 0) {
            return HttpRequest.BodyPublishers.fromPublisher(body.publisher(), body.contentLength());
        }
        return HttpRequest.BodyPublishers.fromPublisher(body.publisher());
    }

    private static void requireUriAuthority(URI uri, String host) {
        String name = uri.getHost();
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == defaultPort(uri.getScheme());
        String candidate = host.trim();
        boolean same = (defaultPort && candidate.equalsIgnoreCase(name))
                || (port != -1 && candidate.equalsIgnoreCase(name + ":" + port))
                || (port == -1 && candidate.equalsIgnoreCase(name + ":" + defaultPort(uri.getScheme())));
        if (!same) {
            throw new IllegalArgumentException("Host header \"" + host + "\" differs from the URI's authority \""
                    + uri.getRawAuthority() + "\"; the JDK HTTP client always sends the URI's authority as Host"
                    + " (address IP and localhost endpoints path-style)");
        }
    }

    private static void requireBodyLength(Body body, String value) {
        if (body.hasKnownLength() && !value.trim().equals(Long.toString(body.contentLength()))) {
            throw new IllegalArgumentException("Content-Length header \"" + value + "\" contradicts the body's length of "
                    + body.contentLength() + " B; Content-Length comes from the body");
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
