package dev.sluice.throttle.bucket4j;

import dev.sluice.api.Ticker;
import io.github.bucket4j.TimeMeter;

/**
 * The shared bucket's clock for tests: the test's virtual ticker, declared wall-clock based because
 * Bucket4j refuses other clocks in a distributed store. Every "host" of a test reads the same ticker,
 * which is what a wall clock promises a real fleet.
 */
final class VirtualFleetClock implements TimeMeter {

    private final Ticker ticker;

    VirtualFleetClock(Ticker ticker) {
        this.ticker = ticker;
    }

    @Override
    public long currentTimeNanos() {
        return ticker.read();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
