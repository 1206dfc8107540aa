package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateTrackerListenerTest {

    private static final long MILLISECOND = 1_000_000L;

    private final FakeTime time = new FakeTime();

    @Test
    void recordsEachProgressReport() {
        RateTracker tracker = RateTracker.slidingWindow(Duration.ofSeconds(1), time);
        TransferListener listener = tracker.asListener();

        listener.onProgress(8192);
        time.advance(80 * MILLISECOND);
        listener.onProgress(4096);

        assertEquals(12_288.0, tracker.bytesPerSecond());
    }

    @Test
    void ignoresTheOtherEvents() {
        ProjectedRateTracker tracker = RateTracker.projected(time);
        TransferListener listener = tracker.asListener();

        listener.onQueued();
        listener.onProgress(100);
        time.advance(1_000 * MILLISECOND);
        listener.onDone();
        listener.onFailed(new IOException("connection reset"));

        // Had any of them recorded, the clock would have moved past the first record.
        assertEquals(80.0, tracker.projectedBytesPerSecond(100));
        assertEquals(0.0, tracker.bytesPerSecond());
    }

    @Test
    void passesOnTheRefusalOfANegativeByteCount() {
        TransferListener listener = RateTracker.slidingWindow(Duration.ofSeconds(1), time).asListener();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> listener.onProgress(-5));

        assertEquals("byte count must be at least 0 B, was -5 B", refused.getMessage());
    }

    @Test
    void measuresOneHundredKibPerSecondBehindAThrottledStreamAt819200BitPerSecond() throws IOException {
        // 800 ms holds exactly ten 80 ms chunks of 8 KiB once the 16 KiB burst has gone by.
        RateTracker tracker = RateTracker.slidingWindow(Duration.ofMillis(800), time);
        Pacer pacer = Pacer.builder()
                .limiter(LeakyBucket.builder().rate(DataRate.ofBitsPerSecond(819_200)).ticker(time).build())
                .ticker(time).parker(time).scheduler(time)
                .build();
        byte[] buffer = new byte[8192];
        try (InputStream in = new ThrottledInputStream(new ByteArrayInputStream(new byte[30 * 8192]), pacer,
                tracker.asListener())) {
            for (int chunk = 0; chunk < 30; chunk++) {
                assertEquals(8192, in.read(buffer));
            }
        }

        assertEquals(28 * 80 * MILLISECOND, time.elapsed());
        assertEquals(102_400.0, tracker.bytesPerSecond());
    }

    @Test
    void describesTheTrackerItFeeds() {
        RateTracker tracker = RateTracker.projected(time);

        assertEquals("TransferListener[records into RateTracker[projected, 0.0 B/s]]", tracker.asListener().toString());
    }
}
