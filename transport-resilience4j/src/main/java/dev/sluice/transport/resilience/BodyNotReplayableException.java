package dev.sluice.transport.resilience;

import dev.sluice.api.Request;
import java.io.IOException;

/**
 * A request failed in a way that would be retried, but its body can be read only once (say, from an
 * {@code InputStream}), so it cannot be sent again. The cause, if any, is the failure of the one attempt.
 * To make such requests retryable, send a replayable body: a file or a byte array
 * ({@link dev.sluice.api.Body#replayable()}).
 */
public final class BodyNotReplayableException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What the caller can do about it. */
    private static final String HOW = " and would be retried, but its body cannot be replayed (it can be read only"
            + " once, e.g. from an InputStream); send a file or byte-array body (Body.replayable()) to let it be retried";

    private BodyNotReplayableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code request} failed with {@code failure}, which would have been retried. */
    public static BodyNotReplayableException afterFailure(Request request, Throwable failure) {
        return new BodyNotReplayableException(what(request) + " failed (" + failure + ")" + HOW, failure);
    }

    /** {@code request} was answered with {@code status}, which would have been retried. */
    public static BodyNotReplayableException afterStatus(Request request, int status) {
        return new BodyNotReplayableException(what(request) + " was answered with HTTP " + status + HOW, null);
    }

    private static String what(Request request) {
        return request.method() + " " + request.uri().getRawPath();
    }
}
