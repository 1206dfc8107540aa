package dev.sluice.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs requests for an object store. Pure: no I/O and no clock of its own; the instant of signing is
 * passed in, which makes every signature reproducible in a test.
 */
public interface Signer {

    /** The request with its authentication headers added. */
    Request sign(Request request, Credentials credentials, Instant now);

    /**
     * A URI that authorises {@code request} by its query string alone until {@code now + expiry}.
     *
     * @throws IllegalArgumentException if the expiry is outside what the store accepts
     */
    URI presign(Request request, Credentials credentials, Instant now, Duration expiry);
}
