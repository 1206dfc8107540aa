package dev.sluice.transport.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;

/**
 * A request was not sent because the circuit breaker of the transport it was meant for is open (or
 * half-open with its probe calls taken): the transport failed often enough recently that Sluice fails fast
 * rather than wait for it. The cause is Resilience4j's {@link CallNotPermittedException}.
 */
public final class TransportUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String transportName;

    /** For the transport named {@code transportName}, refused by its breaker as {@code cause} says. */
    public TransportUnavailableException(String transportName, CallNotPermittedException cause) {
        super("transport \"" + transportName + "\" is unavailable, failing fast: " + cause.getMessage()
                + "; it is tried again once the breaker lets probe calls through (half-open)", cause);
        this.transportName = transportName;
    }

    /** The name of the transport whose breaker refused the request. */
    public String transportName() {
        return transportName;
    }
}
