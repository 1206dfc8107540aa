package dev.sluice.api;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one HTTP request and returns its response, with a streaming body. A transport knows nothing of
 * signing or pacing: those reach it as {@link Middleware} and as decorated bodies.
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends the request. The future completes when the response head has arrived; the body then streams
     * through {@link Response#body()}. It fails with an {@link java.io.IOException} for transport errors.
     * The transport subscribes to the request body and reads it to its end, an empty body too: middlewares
     * and callers watch the body (a CRC-64 of the upload, a pacing listener) and rely on seeing it complete.
     */
    CompletableFuture<Response> send(Request request);

    /** Releases connections and threads; the default does nothing. */
    @Override
    default void close() {
    }
}
