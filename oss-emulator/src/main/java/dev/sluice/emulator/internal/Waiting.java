package dev.sluice.emulator.internal;

import dev.sluice.api.Ticker;
import dev.sluice.throttle.Parker;
import java.io.InterruptedIOException;
import java.time.Duration;

/** Waits of injected faults, through throttle-core's parker (production code never sleeps). */
final class Waiting {

    private Waiting() {
    }

    /**
     * Blocks for {@code duration}.
     *
     * @throws InterruptedIOException if interrupted (the flag is kept): the emulator is closing
     */
    static void waitFor(Duration duration) throws InterruptedIOException {
        Ticker ticker = Ticker.system();
        long deadline = ticker.read() + duration.toNanos();
        try {
            for (long left = duration.toNanos(); left > 0; left = deadline - ticker.read()) {
                Parker.system().park(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("fault wait interrupted");
        }
    }
}
