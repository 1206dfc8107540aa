package dev.sluice.throttle.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.testkit.ManualTicker;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.MeteredRateLimiter;
import dev.sluice.throttle.RateTracker;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a {@link SimpleMeterRegistry} reads from a metered 819,200 bit/s (100 KiB/s) bucket with a 16 KiB
 * burst after scripted reservations on a hand-driven ticker.
 */
class SluiceLimiterMetricsTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final long KIB = 1024;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ManualTicker time = new ManualTicker();
    private final LeakyBucket bucket = LeakyBucket.builder().rate(OSS_LIMIT).ticker(time).build();
    private final MeteredRateLimiter uploads = MeteredRateLimiter.of(bucket, time);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void registersSixMetersTaggedWithTheLimiterAndItsDirection() {
        SluiceLimiterMetrics.builder("uploads", uploads).direction(SluiceLimiterMetrics.Direction.UP)
                .tags(Tags.of("bucket", "examplebucket")).build().bindTo(registry);

        Set<String> names = registry.getMeters().stream().map(meter -> meter.getId().getName()).collect(Collectors.toSet());
        assertEquals(Set.of("sluice.limiter.rate.configured", "sluice.limiter.rate.measured", "sluice.limiter.granted",
                "sluice.limiter.given.back", "sluice.limiter.wait", "sluice.limiter.waiters"), names);
        for (Meter meter : registry.getMeters()) {
            assertEquals(Tags.of("bucket", "examplebucket", "direction", "up", "limiter", "uploads"),
                    Tags.of(meter.getId().getTags()), meter.getId().getName());
        }
        assertEquals("bytes.per.second", registry.get("sluice.limiter.rate.configured").gauge().getId().getBaseUnit());
        assertEquals("bytes", registry.get("sluice.limiter.granted").functionCounter().getId().getBaseUnit());
        assertEquals("seconds", registry.get("sluice.limiter.wait").functionCounter().getId().getBaseUnit());
    }

    @Test
    void readsExactValuesAfterScriptedReservations() {
        SluiceLimiterMetrics.builder("uploads", uploads).build().bindTo(registry);

        uploads.reserve(16 * KIB); // the burst: no wait
        uploads.reserve(8 * KIB);  // 80 ms
        uploads.reserve(8 * KIB);  // 160 ms
        uploads.giveBack(4 * KIB);

        assertEquals(102_400.0, gauge("sluice.limiter.rate.configured"));
        assertEquals(32_768.0, gauge("sluice.limiter.rate.measured"));
        assertEquals(32_768.0, counter("sluice.limiter.granted"));
        assertEquals(4_096.0, counter("sluice.limiter.given.back"));
        assertEquals(0.24, counter("sluice.limiter.wait"), 1e-12);
        assertEquals(2.0, gauge("sluice.limiter.waiters"));

        time.advance(80 * MS);
        assertEquals(1.0, gauge("sluice.limiter.waiters"));
        time.advance(80 * MS); // a give-back does not say which grant it ends: tracked deadlines stay put
        assertEquals(0.0, gauge("sluice.limiter.waiters"));
        time.advance(840 * MS);
        assertEquals(0.0, gauge("sluice.limiter.rate.measured"), "nothing granted within the last second");
        assertEquals(32_768.0, counter("sluice.limiter.granted"), "counters never go down");
    }

    @Test
    void aRateChangeShowsAtOnceAndOffReadsAsInfinity() {
        SluiceLimiterMetrics.builder("uploads", uploads).build().bindTo(registry);

        uploads.setRate(DataRate.ofMebibytesPerSecond(1));
        assertEquals(1_048_576.0, gauge("sluice.limiter.rate.configured"));
        uploads.setRate(DataRate.UNLIMITED);
        assertEquals(Double.POSITIVE_INFINITY, gauge("sluice.limiter.rate.configured"));
    }

    @Test
    void takesTheMeasuredRateFromAGivenTrackerWhenThereIsOne() {
        RateTracker progress = RateTracker.slidingWindow(Duration.ofSeconds(1), time);
        SluiceLimiterMetrics.builder("downloads", uploads).direction(SluiceLimiterMetrics.Direction.DOWN)
                .measuredRate(progress).build().bindTo(registry);

        uploads.reserve(16 * KIB);
        progress.record(5_000);

        assertEquals(5_000.0, gauge("sluice.limiter.rate.measured"));
    }

    @Test
    void refusesABlankName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SluiceLimiterMetrics.builder(" ", uploads));
        assertEquals("limiter name must not be blank, was \" \"", e.getMessage());
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double counter(String name) {
        return registry.get(name).functionCounter().count();
    }
}
