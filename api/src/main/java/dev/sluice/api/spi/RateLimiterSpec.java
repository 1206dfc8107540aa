package dev.sluice.api.spi;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.Ticker;
import java.util.Map;

/**
 * What a {@link RateLimiterProvider} is asked to build.
 *
 * @param rate the rate
 * @param burst the burst, or {@code null} for the provider's default
 * @param ticker the time source
 * @param options provider-specific settings, by name
 */
public record RateLimiterSpec(DataRate rate, DataSize burst, Ticker ticker, Map<String, String> options) {

    public RateLimiterSpec {
        if (rate == null) {
            throw new IllegalArgumentException("rate must not be null (use DataRate.UNLIMITED for no limit)");
        }
        if (ticker == null) {
            throw new IllegalArgumentException("ticker must not be null (use Ticker.system())");
        }
        options = Map.copyOf(options == null ? Map.of() : options);
    }

    /** A spec for {@code rate} with the provider's default burst and the system ticker. */
    public static RateLimiterSpec of(DataRate rate) {
        return new RateLimiterSpec(rate, null, Ticker.system(), Map.of());
    }

    /** A copy with another burst. */
    public RateLimiterSpec withBurst(DataSize burst) {
        return new RateLimiterSpec(rate, burst, ticker, options);
    }

    /** A copy with another ticker. */
    public RateLimiterSpec withTicker(Ticker ticker) {
        return new RateLimiterSpec(rate, burst, ticker, options);
    }
}
