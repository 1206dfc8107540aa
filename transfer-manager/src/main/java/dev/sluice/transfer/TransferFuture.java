package dev.sluice.transfer;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One upload or download of a {@link TransferManager}: wait for its result, cancel it, or look at its
 * progress.
 */
public interface TransferFuture {

    /** {@code oss://bucket/key} and the local side, for messages. */
    String description();

    /**
     * Waits for the transfer and returns its result.
     *
     * @throws IOException the failure of the transfer, as it was thrown (an {@link dev.sluice.oss.OssServiceException},
     *     a {@link dev.sluice.oss.Crc64MismatchException}...)
     * @throws java.util.concurrent.CancellationException if the transfer was cancelled
     * @throws InterruptedException if the waiting thread is interrupted (the transfer goes on)
     */
    TransferResult result() throws IOException, InterruptedException;

    /**
     * A future completed with the result, or exceptionally with the failure, once the transfer has ended and
     * cleaned up. Cancelling the returned future does not cancel the transfer; {@link #cancel()} does.
     */
    CompletableFuture<TransferResult> completion();

    /**
     * Cancels the transfer: queued parts never start, parts in flight are stopped and give back the budget they
     * were waiting for (so the other transfers speed up at once), a multipart upload is aborted, and a download
     * leaves no file under its target name. Returns without waiting for the cleanup; {@link #completion()}
     * completes when it is done.
     *
     * @return false if the transfer had already ended
     */
    boolean cancel();

    /** Whether the transfer has ended (succeeded, failed or cancelled) and cleaned up. */
    boolean isDone();

    /** The progress now. */
    TransferProgress progress();
}
