package dev.sluice.moduletests.plugin;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.spi.RateLimiterProvider;
import dev.sluice.api.spi.RateLimiterSpec;

/**
 * A third-party limiter as an application would ship it: a class implementing the SPI and a line in
 * {@code META-INF/services/dev.sluice.api.spi.RateLimiterProvider}, and no change to Sluice. Registered as
 * {@code "test-fixed"}; it charges every reservation the time its bytes take at a fixed rate, on its own
 * (no shared budget, no burst): deliberately naive, it only has to be told apart from the leaky bucket.
 */
public final class FixedDelayProvider implements RateLimiterProvider {

    @Override
    public String name() {
        return "test-fixed";
    }

    @Override
    public RateLimiter create(RateLimiterSpec spec) {
        return new FixedDelay(spec.rate());
    }

    private static final class FixedDelay implements RateLimiter {

        private final DataRate rate;

        FixedDelay(DataRate rate) {
            this.rate = rate;
        }

        @Override
        public long reserve(long bytes) {
            return rate.nanosToSend(bytes);
        }

        @Override
        public long tryReserve(long bytes, long maxWaitNanos) {
            long wait = rate.nanosToSend(bytes);
            return wait <= maxWaitNanos ? wait : REFUSED;
        }

        @Override
        public long waitEstimate(long bytes) {
            return rate.nanosToSend(bytes);
        }

        @Override
        public void giveBack(long bytes) {
            // Nothing is shared, so there is nothing to give back.
        }

        @Override
        public DataRate rate() {
            return rate;
        }

        @Override
        public void setRate(DataRate rate) {
            throw new UnsupportedOperationException("test-fixed keeps the rate it was created with, " + this.rate);
        }

        @Override
        public DataSize burst() {
            return DataSize.ZERO;
        }
    }
}
