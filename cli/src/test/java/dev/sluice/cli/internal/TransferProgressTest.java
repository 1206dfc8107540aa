package dev.sluice.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Ticker;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The measured rate and the bar's text, on virtual time. */
class TransferProgressTest {

    /** Half of 8 KiB's time at 819,200 bit/s. */
    private static final long BURST_NANOS = 40_000_000;

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final Ticker ticker = now::get;

    @Test
    void measuresFromTheFirstByteToTheLastLeavingOutTheBurstThatArrivedWithinHalfAChunksTime() {
        TransferProgress progress = new TransferProgress("download", 40 * 1024, BURST_NANOS, ticker);

        progress.onProgress(8192);
        now.addAndGet(3_000_000); // 3 ms: a cold JVM's delay, still the burst
        progress.onProgress(8192);
        for (int i = 0; i < 3; i++) {
            now.addAndGet(80_000_000); // 8 KiB every 80 ms is 819,200 bit/s
            progress.onProgress(8192);
        }

        assertEquals(16_384, progress.bytesAtT0());
        assertEquals(243_000_000, progress.elapsedNanos());
        assertEquals(24_576 * 1e9 / 243_000_000, progress.measuredBytesPerSecond().getAsDouble(), 1e-6);
    }

    @Test
    void anUploadEndsWhenTheReceiversAnswerArrives() {
        TransferProgress progress = new TransferProgress("upload", 16 * 1024, BURST_NANOS, ticker);
        progress.onProgress(8192);
        now.addAndGet(80_000_000);
        progress.onProgress(8192);

        now.addAndGet(20_000_000);
        progress.lastByteArrivedNow();

        assertEquals(100_000_000, progress.elapsedNanos());
        assertEquals(8192 * 1e9 / 100_000_000, progress.measuredBytesPerSecond().getAsDouble(), 1e-6);
    }

    @Test
    void hasNoMeasuredRateWhenEverythingArrivedInTheBurst() {
        TransferProgress progress = new TransferProgress("upload", 16 * 1024, BURST_NANOS, ticker);
        progress.onProgress(8192);
        now.addAndGet(39_000_000);
        progress.onProgress(8192);

        assertTrue(progress.measuredBytesPerSecond().isEmpty());
    }

    @Test
    void theBarShowsBytesRateAndEtaWhileRunningAndTheDurationAtTheEnd() {
        TransferProgress progress = new TransferProgress("upload", 1024 * 1024, BURST_NANOS, ticker);
        for (int i = 0; i < 13; i++) { // 104 KiB, 96 KiB of them in the last second
            progress.onProgress(8192);
            now.addAndGet(80_000_000);
        }

        String running = ProgressBar.line(progress, false);
        String last = ProgressBar.line(progress, true);

        assertEquals("upload   [###---------------------------]  10%  104.0 KiB / 1.0 MiB      96.0 KiB/s  ETA 0:10",
                running);
        assertEquals("upload   [###---------------------------]  10%  104.0 KiB / 1.0 MiB      96.0 KiB/s  in 1.0 s",
                last);
    }

    @Test
    void theBarHasNoEtaBeforeTheFirstByte() {
        TransferProgress progress = new TransferProgress("download", 1024, BURST_NANOS, ticker);

        assertEquals("download [------------------------------]   0%        0 B / 1.0 KiB           0 B/s  ETA -:--",
                ProgressBar.line(progress, false));
    }
}
