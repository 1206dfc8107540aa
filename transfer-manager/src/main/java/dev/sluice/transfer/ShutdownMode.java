package dev.sluice.transfer;

/** What {@link TransferManager#shutdown(ShutdownMode)} does with the transfers that have not ended. */
public enum ShutdownMode {
    /** Let them finish. */
    WAIT,
    /** Cancel them (aborting multipart uploads, deleting temporary files) and wait for the cleanup. */
    CANCEL
}
