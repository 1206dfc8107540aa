package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import java.util.ArrayList;
import java.util.List;

/**
 * The generous bounds {@code FleetAccuracyMain --check} holds each backend's aggregate to on the wall
 * clock: the rate the shared receiver saw within {@value #MAX_ERROR_PERCENT} % of the fleet budget, and
 * no 1 s window above {@value #MAX_WINDOW_FACTOR} times the budget. Wider than {@link PacingBounds}' error
 * bound: three hosts share the budget through a remote store, each holding up to one batch.
 */
final class FleetBounds {

    static final double MAX_ERROR_PERCENT = 5.0;
    static final double MAX_WINDOW_FACTOR = 1.5;
    private static final RateBounds BOUNDS = new RateBounds(MAX_ERROR_PERCENT, MAX_WINDOW_FACTOR);

    private FleetBounds() {
    }

    /** One line per violation, empty when every backend is within bounds. */
    static List<String> violations(List<FleetResult> results, DataRate target) {
        List<String> violations = new ArrayList<>();
        for (FleetResult result : results) {
            PathResult aggregate = result.aggregate();
            if (!aggregate.intact()) {
                violations.add(result.backend() + ": the receiver got " + aggregate.bytes()
                        + " B, not every byte exactly once");
            }
            BOUNDS.addViolations(violations, result.backend(), "aggregate rate error", aggregate,
                    result.maxOneSecondFactor(target));
        }
        return violations;
    }
}
