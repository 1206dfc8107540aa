package dev.sluice.emulator.internal;

import java.io.IOException;

/** Thrown out of the handler to make the HTTP server drop the connection, as an injected fault asks. */
final class ConnectionReset extends IOException {

    private static final long serialVersionUID = 1L;

    ConnectionReset(String message) {
        super(message);
    }
}
