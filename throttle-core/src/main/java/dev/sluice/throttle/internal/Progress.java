package dev.sluice.throttle.internal;

import dev.sluice.throttle.TransferListener;

/**
 * One transfer's progress: the transferring switch, the byte count and the listener, shared by the
 * throttled streams, channels and publishers so that they count the same way. The done and failed
 * events fire at most once, and nothing fires after them.
 */
public final class Progress {

    private final TransferListener listener;
    private volatile boolean transferring = true;
    private long bytes;
    private boolean ended;

    public Progress(TransferListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null (use TransferListener.none())");
        }
        this.listener = listener;
        listener.onQueued();
    }

    /** Whether bytes moved now are paced and counted. */
    public boolean transferring() {
        return transferring;
    }

    public void transferring(boolean transferring) {
        this.transferring = transferring;
    }

    /** Counts {@code count} bytes moved while transferring. */
    public void moved(long count) {
        if (count <= 0 || !transferring) {
            return;
        }
        synchronized (this) {
            if (ended) {
                return;
            }
            bytes += count;
        }
        listener.onProgress(count);
    }

    public synchronized long bytes() {
        return bytes;
    }

    public void done() {
        if (end()) {
            listener.onDone();
        }
    }

    public void failed(Throwable failure) {
        if (end()) {
            listener.onFailed(failure);
        }
    }

    private synchronized boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }
}
