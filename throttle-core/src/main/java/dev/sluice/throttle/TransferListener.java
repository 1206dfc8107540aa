package dev.sluice.throttle;

/**
 * Told how a transfer goes, like s3transfer's subscribers. Bytes moved while the transfer is marked
 * not transferring (read for hashing or signing) are never reported. Callbacks run on the thread that
 * moved the bytes: keep them short.
 */
public interface TransferListener {

    /** The transfer exists and will start when it is first read or written. */
    default void onQueued() {
    }

    /** {@code bytes} more were transferred. */
    default void onProgress(long bytes) {
    }

    /** The transfer completed (end of stream, or closed after its last byte). */
    default void onDone() {
    }

    /** The transfer failed; no other callback follows. */
    default void onFailed(Throwable failure) {
    }

    /** A listener that ignores everything. */
    static TransferListener none() {
        return new TransferListener() {
        };
    }
}

