package dev.sluice.api;

/**
 * One HTTP response; its body streams and must be consumed (or its subscription cancelled).
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the streaming body; its length is -1 when the server did not say
 */
public record Response(int status, Headers headers, Body body) {

    public Response {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be within 100..599, was " + status);
        }
        if (headers == null || body == null) {
            throw new IllegalArgumentException("headers and body must not be null");
        }
    }

    /** A copy with another body, e.g. a paced one. */
    public Response withBody(Body body) {
        return new Response(status, headers, body);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }
}
