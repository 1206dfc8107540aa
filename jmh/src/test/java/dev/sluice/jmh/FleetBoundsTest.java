package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What {@code --check} accepts from a fleet run, checked on made-up results. */
class FleetBoundsTest {

    private static final DataRate TARGET = DataRate.ofBitsPerSecond(819_200);

    @Test
    void acceptsAnAggregateWithinFivePercentAndOneAndAHalfTimesTheRateInAnySecond() {
        assertEquals(List.of(), FleetBounds.violations(List.of(
                result("redis", -4.99, 153_600, true), result("hazelcast", 4.99, 118_784, true)), TARGET));
    }

    @Test
    void reportsARateErrorABurstySecondAndLostBytesPerBackend() {
        assertEquals(List.of(
                "hazelcast: the receiver got 3145728 B, not every byte exactly once",
                "hazelcast: aggregate rate error +5.100 % is outside +/-5.0 %",
                "hazelcast: 153601 B in one second is 1.50 times the rate, above 1.5"),
                FleetBounds.violations(List.of(result("redis", 0.1, 110_000, true),
                        result("hazelcast", 5.1, 153_601, false)), TARGET));
    }

    @Test
    void treatsAnUnmeasurableRateAsAViolation() {
        assertEquals(List.of("redis: aggregate rate error NaN % is outside +/-5.0 %"),
                FleetBounds.violations(List.of(result("redis", Double.NaN, 0, true)), TARGET));
    }

    private static FleetResult result(String backend, double errorPercent, long maxOneSecond, boolean intact) {
        PathResult aggregate = new PathResult(backend, 3 << 20, 384, intact, 30.0, 16_384,
                102_400 * (1 + errorPercent / 100), errorPercent, 103_000, 0.6, maxOneSecond, 24_576, maxOneSecond, 1.0);
        return new FleetResult(backend, "test", aggregate, List.of(new FleetResult.Client(3 << 20, 49)),
                OptionalLong.empty());
    }
}
