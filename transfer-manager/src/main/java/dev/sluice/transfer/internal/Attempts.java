package dev.sluice.transfer.internal;

import dev.sluice.api.Ticker;
import dev.sluice.oss.OssServiceException;
import dev.sluice.throttle.Parker;
import dev.sluice.transfer.ObjectChangedException;
import java.io.IOException;
import java.time.Duration;

/**
 * Tries one part up to a number of times, with doubling waits between attempts, counting each attempt's
 * progress on its own (see {@link ProgressLedger.Attempt}). Retried: transport failures (a reset
 * connection, a CRC-64 mismatch) and OSS answers 5xx, 408 and 429. Not retried: other OSS answers (they
 * would fail again), an object that changed during its download (likewise), bad arguments, and anything
 * while the thread is interrupted, which is how a cancel arrives.
 */
final class Attempts {

    /** One attempt, counting its bytes into {@code attempt}. */
    @FunctionalInterface
    interface Body<T> {
        T run(ProgressLedger.Attempt attempt) throws IOException;
    }

    private final int attempts;
    private final long backoffNanos;
    private final Parker parker;
    private final Ticker ticker;

    Attempts(int attempts, Duration backoff, Parker parker, Ticker ticker) {
        this.attempts = attempts;
        this.backoffNanos = backoff.toNanos();
        this.parker = parker;
        this.ticker = ticker;
    }

    /** Runs {@code body} until it succeeds, settling the winning attempt at {@code length} bytes. */
    <T> T run(ProgressLedger ledger, long length, Body<T> body) throws IOException, InterruptedException {
        IOException first = null;
        for (int attempt = 1; ; attempt++) {
            ProgressLedger.Attempt counting = ledger.attempt(length);
            try {
                T result = body.run(counting);
                counting.succeeded(length);
                return result;
            } catch (IOException | RuntimeException failure) {
                counting.failed();
                if (Thread.currentThread().isInterrupted()) {
                    throw failure;
                }
                if (attempt >= attempts || !retryable(failure)) {
                    if (first != null && first != failure) {
                        failure.addSuppressed(first);
                    }
                    throw failure;
                }
                if (first == null) {
                    first = (IOException) failure;
                }
            }
            pause(backoffNanos << Math.min(attempt - 1, 20));
        }
    }

    static boolean retryable(Exception failure) {
        if (failure instanceof ObjectChangedException) {
            return false;
        }
        if (failure instanceof OssServiceException) {
            int status = ((OssServiceException) failure).status();
            return status >= 500 || status == 408 || status == 429;
        }
        // an interrupt was ruled out by the caller, so an InterruptedIOException here is a socket timeout
        return failure instanceof IOException;
    }

    private void pause(long nanos) throws InterruptedException {
        long deadline = ticker.read() + nanos;
        for (long left = nanos; left > 0; left = deadline - ticker.read()) {
            parker.park(left);
        }
    }
}
