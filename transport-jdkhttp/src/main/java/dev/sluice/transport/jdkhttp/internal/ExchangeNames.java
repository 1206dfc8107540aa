package dev.sluice.transport.jdkhttp.internal;

import dev.sluice.api.Request;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * How errors name the exchange they ended: method, scheme, host, port and path. Never the query (a presigned
 * URL carries its signature and credential there) nor user information.
 */
public final class ExchangeNames {

    private ExchangeNames() {
    }

    /** {@code "GET http://127.0.0.1:9000/bucket/key"} for {@code request}, without query or user information. */
    public static String of(Request request) {
        URI uri = request.uri();
        StringBuilder name = new StringBuilder(request.method()).append(' ');
        if (uri.getScheme() != null) {
            name.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            name.append(uri.getHost());
            if (uri.getPort() != -1) {
                name.append(':').append(uri.getPort());
            }
        }
        return name.append(uri.getRawPath() == null ? "" : uri.getRawPath()).toString();
    }

    /**
     * {@code error} with {@code exchange} in front of its message, of the same type where callers tell
     * the types apart (refused connection, connect timeout, request timeout), else an {@link IOException}
     * caused by it. Anything but an {@link IOException} is returned as it is: it is not a transport error.
     */
    static Throwable named(String exchange, Throwable error) {
        if (!(error instanceof IOException)) {
            return error;
        }
        String message = exchange + ": " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        IOException named;
        // most specific first: HttpConnectTimeoutException is an HttpTimeoutException
        if (error instanceof HttpConnectTimeoutException) {
            named = new HttpConnectTimeoutException(message);
        } else if (error instanceof HttpTimeoutException) {
            named = new HttpTimeoutException(message);
        } else if (error instanceof ConnectException) {
            named = new ConnectException(message);
        } else {
            return new IOException(message, error);
        }
        named.initCause(error);
        return named;
    }

    /** {@code 500 ms}, {@code 60 s}: whole seconds in seconds, anything finer in milliseconds. */
    static String format(Duration duration) {
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMillis() + " ms";
    }
}
