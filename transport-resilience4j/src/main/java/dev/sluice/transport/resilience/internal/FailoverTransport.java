package dev.sluice.transport.resilience.internal;

import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.transport.resilience.TransportUnavailableException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends to the primary transport and, when it fails with a transport error ({@link IOException}, which
 * includes its breaker being open), to the secondary. A response, even a 5xx, is the primary's answer and is
 * returned as it is (retrying it is the retry's business). The request goes to the secondary only if its
 * body can be sent again, or if the primary's breaker refused it before any byte was read.
 */
public final class FailoverTransport implements Transport {

    private final Transport primary;
    private final Transport secondary;

    /** Tries {@code primary} first, {@code secondary} when it fails with a transport error. */
    public FailoverTransport(Transport primary, Transport secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        send(primary, request).whenComplete((response, error) -> {
            if (error == null) {
                result.complete(response);
                return;
            }
            Throwable cause = Bodies.unwrap(error);
            boolean untouched = cause instanceof TransportUnavailableException;
            if (!(cause instanceof IOException) || !(untouched || Bodies.canResend(request.body()))) {
                result.completeExceptionally(cause);
                return;
            }
            send(secondary, request).whenComplete((fallback, secondError) -> {
                if (secondError == null) {
                    result.complete(fallback);
                } else {
                    Throwable second = Bodies.unwrap(secondError);
                    second.addSuppressed(cause);
                    result.completeExceptionally(second);
                }
            });
        });
        return result;
    }

    private static CompletableFuture<Response> send(Transport transport, Request request) {
        try {
            return transport.send(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        try {
            primary.close();
        } finally {
            secondary.close();
        }
    }

    @Override
    public String toString() {
        return "Failover(" + primary + " then " + secondary + ")";
    }
}
