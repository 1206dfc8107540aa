package dev.sluice.transfer;

import java.io.IOException;

/**
 * The object changed while it was being downloaded: a range came back with another ETag than the HEAD
 * reported, or with another length than was asked for. Trying that range again would only mix two
 * versions of the object, so the download fails at once, without the retries a transport failure gets;
 * download it again to get the new version.
 */
public final class ObjectChangedException extends IOException {

    private static final long serialVersionUID = 1L;

    /** {@code what} (the request) saw {@code change} (how the object differs from the one the HEAD described). */
    public ObjectChangedException(String what, String change) {
        super(what + ": the object changed during the download (" + change + ")");
    }
}
