package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.spi.RateLimiterProvider;
import dev.sluice.api.spi.RateLimiterSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The registry on the module path, where {@link java.util.ServiceLoader} reads {@code provides} in
 * module-info and ignores {@code META-INF/services}. The class-path side, a third-party plugin and two
 * providers claiming one name are in module-tests' {@code ServiceLoaderClassPathTest}: a second provider
 * here would need a change to this module's descriptor.
 */
class ProviderRegistryTest {

    /** The OSS single-connection limit: 102,400 B/s, so 8 KiB take exactly 80 ms. */
    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final long EIGHTY_MILLIS = 80_000_000L;

    private final FakeTime time = new FakeTime();
    private final ProviderRegistry registry = ProviderRegistry.load();

    @Test
    void findsTheLeakyBucketThroughModuleInfoOnTheModulePath() {
        assertEquals("dev.sluice.throttle", ProviderRegistry.class.getModule().getName(), "not on the module path");

        RateLimiterProvider provider = registry.findRateLimiter("leaky-bucket").orElseThrow();

        assertEquals(List.of("leaky-bucket"), registry.rateLimiterNames());
        assertEquals(ProviderRegistry.class.getModule(), provider.getClass().getModule());
    }

    @Test
    void aLeakyBucketWithoutABurstSendsTheDefault16KibAtOnce() {
        RateLimiter limiter = registry.rateLimiter("leaky-bucket", RateLimiterSpec.of(OSS_LIMIT).withTicker(time));

        assertEquals(LeakyBucket.DEFAULT_BURST, limiter.burst());
        assertEquals(0, limiter.reserve(16_384));
        assertEquals(EIGHTY_MILLIS, limiter.reserve(8_192));
    }

    @Test
    void aLeakyBucketWithAnEightKibBurstSendsEightKibAtOnceThenOneChunkEveryEightyMillis() {
        RateLimiterSpec spec = RateLimiterSpec.of(OSS_LIMIT).withBurst(DataSize.ofKibibytes(8)).withTicker(time);

        RateLimiter limiter = registry.rateLimiter("leaky-bucket", spec);

        assertEquals(DataSize.ofKibibytes(8), limiter.burst());
        assertEquals(OSS_LIMIT, limiter.rate());
        assertEquals(0, limiter.reserve(8_192));
        assertEquals(EIGHTY_MILLIS, limiter.reserve(8_192));
        assertEquals(2 * EIGHTY_MILLIS, limiter.reserve(8_192));
    }

    @Test
    void aLeakyBucketRefusesOptionsNamingThem() {
        RateLimiterSpec spec = new RateLimiterSpec(OSS_LIMIT, null, time, Map.of("refill", "greedy"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> registry.rateLimiter("leaky-bucket", spec));

        assertEquals("leaky-bucket takes no options, got [refill]", refused.getMessage());
    }

    @Test
    void anUnknownNameIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> registry.rateLimiter("leaky_bucket", RateLimiterSpec.of(OSS_LIMIT)));

        assertEquals("no RateLimiterProvider named \"leaky_bucket\"; available: leaky-bucket", refused.getMessage());
    }
}
