package dev.sluice.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Wraps a transport: signs, adds a traffic-limit hint, paces the upload or download body, retries,
 * counts. An application composes middlewares in the order it wants with {@link #chain(Transport, List)}.
 */
@FunctionalInterface
public interface Middleware {

    /** Handles {@code request}, passing it (changed or not) to {@code next} as often as it needs. */
    CompletableFuture<Response> send(Request request, Transport next);

    /** This middleware in front of {@code transport}. */
    default Transport around(Transport transport) {
        Middleware self = this;
        return new Transport() {
            @Override
            public CompletableFuture<Response> send(Request request) {
                return self.send(request, transport);
            }

            @Override
            public void close() {
                transport.close();
            }

            @Override
            public String toString() {
                return self + "(" + transport + ")";
            }
        };
    }

    /**
     * {@code transport} behind {@code middlewares}; the first in the list sees each request first and
     * each response last.
     */
    static Transport chain(Transport transport, List<? extends Middleware> middlewares) {
        Transport chained = transport;
        for (int i = middlewares.size() - 1; i >= 0; i--) {
            chained = middlewares.get(i).around(chained);
        }
        return chained;
    }
}
