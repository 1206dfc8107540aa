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
     */
    CompletableFuture<Response> send(Request request);

    /** Releases connections and threads; the default does nothing. */
    @Override
    default void close() {
    }
}
