package dev.sluice.throttle.bucket4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.api.spi.RateLimiterSpec;
import dev.sluice.testkit.ManualTicker;
import dev.sluice.throttle.bucket4j.internal.Bucket4jProvider;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the local Bucket4j limiter does beyond the shared contract. */
class Bucket4jRateLimiterTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ManualTicker time = new ManualTicker();

    @Test
    void isRegisteredAsBucket4jAndBuildsALocalLimiterFromASpec() {
        Bucket4jProvider provider = new Bucket4jProvider();
        RateLimiter limiter = provider.create(RateLimiterSpec.of(OSS_LIMIT).withTicker(time));
        assertEquals("bucket4j", provider.name());
        assertEquals("Bucket4jRateLimiter[rate=100 KiB/s, burst=16 KiB]", limiter.toString());
        assertEquals(0, limiter.reserve(16 * 1024));
        assertEquals(80 * MS, limiter.reserve(8 * 1024));
    }

    @Test
    void declaresTheProviderInItsModuleDescriptor() {
        Module module = Bucket4jRateLimiter.class.getModule();
        assertEquals("dev.sluice.throttle.bucket4j", module.getName());
        assertEquals(1, module.getDescriptor().provides().stream()
                .filter(p -> p.service().equals("dev.sluice.api.spi.RateLimiterProvider")
                        && p.providers().equals(java.util.List.of(Bucket4jProvider.class.getName())))
                .count());
    }

    @Test
    void refusesOptionsItDoesNotKnow() {
        RateLimiterSpec spec = new RateLimiterSpec(OSS_LIMIT, null, time, Map.of("redis", "localhost"));
        assertEquals("bucket4j takes no options, got [redis]",
                assertThrows(IllegalArgumentException.class, () -> new Bucket4jProvider().create(spec)).getMessage());
    }

    @Test
    void refillsExactlyAtRatesThatAreNotWholeBytesPerSecond() {
        // 1 bit/s short of 100 KiB/s: 102,399.875 B/s, so 102,399,875 bytes take exactly 1,000 s
        DataRate odd = DataRate.ofBitsPerSecond(819_199);
        RateLimiter limiter = Bucket4jRateLimiter.of(odd, DataSize.ofBytes(1), time);
        limiter.reserve(1);
        assertEquals(TimeUnit.SECONDS.toNanos(1_000), limiter.reserve(102_399_875));
    }

    @Test
    void refusesBadInputWithMessagesThatNameValueAndUnit() {
        RateLimiter limiter = Bucket4jRateLimiter.of(OSS_LIMIT, DataSize.ofKibibytes(16), time);
        assertEquals("byte count must be at least 0 B, was -1 B",
                assertThrows(IllegalArgumentException.class, () -> limiter.reserve(-1)).getMessage());
        assertEquals("maximum wait must be at least 0 ns, was -2 ns",
                assertThrows(IllegalArgumentException.class, () -> limiter.tryReserve(1, -2)).getMessage());
        assertEquals("rate must not be null (use DataRate.UNLIMITED for no limit)",
                assertThrows(IllegalArgumentException.class, () -> limiter.setRate(null)).getMessage());
        assertEquals("rate 9 Gbit/s is above Bucket4j's finest refill of 1 token/ns: use at most 8 Gbit/s (1 GB/s), "
                        + "or DataRate.UNLIMITED",
                assertThrows(IllegalArgumentException.class, () -> limiter.setRate(DataRate.ofGigabitsPerSecond(9)))
                        .getMessage());
        assertEquals("burst must be at least 1 B, was 0 B", assertThrows(IllegalArgumentException.class,
                () -> Bucket4jRateLimiter.of(OSS_LIMIT, DataSize.ZERO, time)).getMessage());
        assertEquals("ticker must not be null (use Ticker.system())", assertThrows(IllegalArgumentException.class,
                () -> Bucket4jRateLimiter.of(OSS_LIMIT, DataSize.ofBytes(1), (Ticker) null)).getMessage());
    }

    @Test
    void aTryReserveAboveTheBurstCommitsOnlyWithinTheBound() {
        RateLimiter limiter = Bucket4jRateLimiter.of(OSS_LIMIT, DataSize.ofKibibytes(16), time);
        assertEquals(RateLimiter.REFUSED, limiter.tryReserve(64 * 1024, 480 * MS - 1));
        assertEquals(480 * MS, limiter.tryReserve(64 * 1024, 480 * MS));
        assertEquals(560 * MS, limiter.waitEstimate(8 * 1024));
    }
}
