package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import org.junit.jupiter.api.Test;

/** The limiter calls per MiB the stream wrapper makes, counted (no timing: the rates never make it wait). */
class StreamWrapperBenchmarkTest {

    @Test
    void aPacedStreamAsksTheLimiterOncePerEightKibChunk() {
        assertEquals(128.0, StreamWrapperBenchmark.limiterCallsPerMebibyte(GrantBenchmark.RATE));
    }

    @Test
    void limitingOffStillCountsWhatTheWrapperAsks() {
        double calls = StreamWrapperBenchmark.limiterCallsPerMebibyte(DataRate.UNLIMITED);

        assertEquals(true, calls <= 128.0, calls + " calls per MiB");
    }
}
