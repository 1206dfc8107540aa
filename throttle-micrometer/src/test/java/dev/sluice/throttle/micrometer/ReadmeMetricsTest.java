package dev.sluice.throttle.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.MeteredRateLimiter;
import dev.sluice.throttle.Pacer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The README's metrics example, line for line. If this stops compiling, the README is wrong. */
class ReadmeMetricsTest {

    @Test
    void metricsExampleRunsAsWritten() {
        MeterRegistry registry = new SimpleMeterRegistry();

        MeteredRateLimiter uploads = MeteredRateLimiter.of(LeakyBucket.of(DataRate.ofBitsPerSecond(819_200)));
        Pacer pacer = Pacer.of(uploads);
        SluiceLimiterMetrics.builder("uploads", uploads)
                .direction(SluiceLimiterMetrics.Direction.UP)
                .build()
                .bindTo(registry);

        assertEquals(1, pacer.limiters().size());
        assertEquals(102_400.0, registry.get("sluice.limiter.rate.configured")
                .tag("limiter", "uploads").tag("direction", "up").gauge().value());
    }
}
