package dev.sluice.transport.resilience.internal;

import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.transport.resilience.TransportUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.CompletableFuture;

/**
 * A transport behind its own circuit breaker: each request asks the breaker for permission, and its outcome
 * (a failure, or a response the breaker's config records as one, such as a 5xx) is reported back. While the
 * breaker is open the request fails at once with {@link TransportUnavailableException}, without touching
 * the transport or the request body.
 */
public final class BreakerTransport implements Transport {

    private final Transport transport;
    private final CircuitBreaker breaker;

    /** {@code transport}, guarded by {@code breaker} (whose name names the transport in errors). */
    public BreakerTransport(Transport transport, CircuitBreaker breaker) {
        this.transport = transport;
        this.breaker = breaker;
    }

    /** The breaker, for its state and metrics. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(new TransportUnavailableException(breaker.getName(),
                    CallNotPermittedException.createCallNotPermittedException(breaker)));
        }
        long start = breaker.getCurrentTimestamp();
        CompletableFuture<Response> sent;
        try {
            sent = transport.send(request);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Response> result = new CompletableFuture<>();
        sent.whenComplete((response, error) -> {
            long elapsed = breaker.getCurrentTimestamp() - start;
            if (error != null) {
                Throwable cause = Bodies.unwrap(error);
                breaker.onError(elapsed, breaker.getTimestampUnit(), cause);
                result.completeExceptionally(cause);
            } else {
                breaker.onResult(elapsed, breaker.getTimestampUnit(), response);
                result.complete(response);
            }
        });
        return result;
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + breaker.getName() + " " + breaker.getState() + "](" + transport + ")";
    }
}
