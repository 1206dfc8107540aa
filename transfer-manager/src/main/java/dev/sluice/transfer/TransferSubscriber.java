package dev.sluice.transfer;

/**
 * Told how one transfer goes, like s3transfer's subscribers. Callbacks run on the threads that move the
 * bytes (never while a lock of the manager is held): keep them short and do not block in them. They run
 * before the transfer's future completes, so do not wait for it (or any other transfer) in them, and do not
 * shut the manager down from them ({@link TransferManager#shutdown} refuses on the manager's threads and in
 * {@link #onQueued}, which runs on the caller's thread before the transfer starts).
 *
 * <p><b>What progress counts.</b> Only bytes that went to or came from the network as the object's content:
 * never bytes read to fill a buffer, to hash or to sign. Progress is the bytes of finished parts plus the
 * bytes the current attempt of each part in flight has moved so far; when an attempt fails, its bytes are
 * taken back with a negative {@link #onProgress(long)} before the part is tried again, so the sum of all
 * calls never exceeds the object's size and, for a transfer that succeeds, ends at exactly its size.
 */
public interface TransferSubscriber {

    /** The transfer was accepted and waits for its turn; {@code transfer} can be cancelled or polled. */
    default void onQueued(TransferFuture transfer) {
    }

    /** {@code bytes} more were transferred, or (negative) a failed attempt's bytes are taken back. */
    default void onProgress(long bytes) {
    }

    /**
     * The transfer succeeded; the object is complete, and CRC-64 checked if {@link TransferResult#crcChecked()}
     * says so. No callback follows.
     */
    default void onDone(TransferResult result) {
    }

    /**
     * The transfer failed or was cancelled (a {@link java.util.concurrent.CancellationException}), after its
     * cleanup: the multipart upload is aborted, the temporary file of a download deleted. No callback follows.
     */
    default void onFailure(Throwable failure) {
    }
}
