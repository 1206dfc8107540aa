package dev.sluice.transfer.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.TransferListener;
import dev.sluice.transfer.TransferFuture;
import dev.sluice.transfer.TransferProgress;
import dev.sluice.transfer.TransferResult;
import dev.sluice.transfer.TransferSubscriber;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress of one transfer and the subscribers told about it. Progress is counted per attempt: each
 * attempt of a part is a {@link TransferListener} (what the pacing decorators report to, and they report
 * only bytes moved while transferring, never bytes read for hashing or signing); a failed attempt is rolled
 * back, so its bytes are taken back before the retry, and a finished one is settled at exactly its part's
 * length. A subscriber that throws is ignored: it must not break the transfer it watches.
 */
public final class ProgressLedger {

    private final List<TransferSubscriber> subscribers;
    private final Ticker ticker;
    private final long started;
    private final AtomicLong bytes = new AtomicLong();
    private volatile long total = -1;

    /** A ledger for {@code subscribers}, timing the average rate with {@code ticker}. */
    public ProgressLedger(List<TransferSubscriber> subscribers, Ticker ticker) {
        this.subscribers = List.copyOf(subscribers);
        this.ticker = ticker;
        this.started = ticker.read();
    }

    /** Sets the object's size once it is known. */
    public void total(long totalBytes) {
        this.total = totalBytes;
    }

    /** A new attempt of a part of {@code partLength} bytes, counting into this ledger. */
    public Attempt attempt(long partLength) {
        return new Attempt(partLength);
    }

    /** The progress now. */
    public TransferProgress snapshot() {
        long done = bytes.get();
        long elapsed = ticker.read() - started;
        Optional<DataRate> rate = Optional.empty();
        if (done > 0 && elapsed > 0) {
            double bitsPerSecond = done * 8e9 / elapsed;
            if (bitsPerSecond >= 1) {
                rate = Optional.of(DataRate.ofBitsPerSecond(Math.round(Math.min(bitsPerSecond, Long.MAX_VALUE / 2.0))));
            }
        }
        return new TransferProgress(done, total, rate);
    }

    void queued(TransferFuture transfer) {
        for (TransferSubscriber subscriber : subscribers) {
            try {
                subscriber.onQueued(transfer);
            } catch (RuntimeException ignored) {
                // a subscriber's bug is not the transfer's failure
            }
        }
    }

    void done(TransferResult result) {
        for (TransferSubscriber subscriber : subscribers) {
            try {
                subscriber.onDone(result);
            } catch (RuntimeException ignored) {
                // as in queued
            }
        }
    }

    void failed(Throwable failure) {
        for (TransferSubscriber subscriber : subscribers) {
            try {
                subscriber.onFailure(failure);
            } catch (RuntimeException ignored) {
                // as in queued
            }
        }
    }

    private void tell(long delta) {
        for (TransferSubscriber subscriber : subscribers) {
            try {
                subscriber.onProgress(delta);
            } catch (RuntimeException ignored) {
                // as in queued
            }
        }
    }

    /**
     * One attempt of one part. Its own lock orders its reports with its settlement, so that a slice
     * reported while the attempt is being rolled back is either rolled back with it or not counted at all.
     * An attempt never counts more than its part's length, even when the transport under the manager sends
     * bytes again on its own (a resilient transport replaying a body): what it resends is not progress.
     * Subscribers are told outside the lock, in the order the deltas were counted: whichever thread finds
     * deltas waiting delivers them, one thread at a time.
     */
    public final class Attempt implements TransferListener {
        private final long length;
        private final ArrayDeque<Long> untold = new ArrayDeque<>();
        private long counted;
        private boolean settled;
        private boolean telling;

        private Attempt(long length) {
            this.length = length;
        }

        @Override
        public void onProgress(long moved) {
            synchronized (this) {
                if (settled || moved <= 0) {
                    return;
                }
                long counts = Math.min(moved, length - counted);
                counted += counts;
                count(counts);
            }
            tellUntold();
        }

        /** The attempt succeeded: its part counts exactly {@code partLength} bytes from now on. */
        public void succeeded(long partLength) {
            synchronized (this) {
                if (settled) {
                    return;
                }
                settled = true;
                count(partLength - counted);
                counted = partLength;
            }
            tellUntold();
        }

        /** The attempt failed: its bytes are taken back. */
        public void failed() {
            synchronized (this) {
                if (settled) {
                    return;
                }
                settled = true;
                count(-counted);
                counted = 0;
            }
            tellUntold();
        }

        /** The bytes this attempt counts now. */
        public synchronized long counted() {
            return counted;
        }

        // under the lock: the ledger's total moves with the attempt's count, the subscribers hear of it later
        private void count(long delta) {
            if (delta == 0) {
                return;
            }
            bytes.addAndGet(delta);
            untold.add(delta);
        }

        private void tellUntold() {
            synchronized (this) {
                if (telling) {
                    return; // the thread telling now will tell ours too
                }
                telling = true;
            }
            while (true) {
                long delta;
                synchronized (this) {
                    Long next = untold.poll();
                    if (next == null) {
                        telling = false;
                        return;
                    }
                    delta = next;
                }
                tell(delta);
            }
        }
    }
}
