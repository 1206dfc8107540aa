package dev.sluice.transfer;

import dev.sluice.api.DataRate;
import java.util.Optional;

/**
 * A snapshot of a transfer's progress, counted as {@link TransferSubscriber} describes.
 *
 * @param bytesTransferred the bytes of finished parts plus those of the attempts in flight
 * @param totalBytes the object's size, or -1 while it is not known yet (a download before its HEAD)
 * @param averageRate the bytes transferred over the time since the transfer started, empty before any byte
 */
public record TransferProgress(long bytesTransferred, long totalBytes, Optional<DataRate> averageRate) {

    /** The share done, from 0 to 1; 0 while the size is unknown, 1 for an empty object. */
    public double fraction() {
        if (totalBytes < 0) {
            return 0;
        }
        return totalBytes == 0 ? 1 : (double) bytesTransferred / totalBytes;
    }
}
