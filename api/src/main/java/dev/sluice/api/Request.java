package dev.sluice.api;

import java.net.URI;
import java.util.Locale;

/**
 * One HTTP request, as a {@link Transport} sends it and a {@link Signer} signs it.
 *
 * @param method the HTTP method, upper case ({@code "PUT"})
 * @param uri the absolute URI, query included
 * @param headers the headers; {@code Content-Length} comes from the body
 * @param body the body ({@link Body#empty()} for none)
 */
public record Request(String method, URI uri, Headers headers, Body body) {

    public Request {
        if (!HttpToken.isToken(method) || !method.equals(method.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("HTTP method must be an upper-case token, was \"" + method + "\"");
        }
        if (uri == null || !uri.isAbsolute()) {
            throw new IllegalArgumentException("request URI must be absolute, was " + uri);
        }
        if (headers == null) {
            throw new IllegalArgumentException("headers must not be null (use Headers.of())");
        }
        if (body == null) {
            throw new IllegalArgumentException("body must not be null (use Body.empty())");
        }
    }

    /** A request without headers or body. */
    public static Request of(String method, URI uri) {
        return new Request(method, uri, Headers.of(), Body.empty());
    }

    /** A copy with {@code name} set to the one {@code value}. */
    public Request withHeader(String name, String value) {
        return new Request(method, uri, headers.with(name, value), body);
    }

    /** A copy with other headers. */
    public Request withHeaders(Headers headers) {
        return new Request(method, uri, headers, body);
    }

    /** A copy with another URI. */
    public Request withUri(URI uri) {
        return new Request(method, uri, headers, body);
    }

    /** A copy with another body. */
    public Request withBody(Body body) {
        return new Request(method, uri, headers, body);
    }
}
