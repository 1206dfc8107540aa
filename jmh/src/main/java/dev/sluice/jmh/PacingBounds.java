package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import java.util.ArrayList;
import java.util.List;

/**
 * The generous bounds CI holds Sluice's pacing paths to on the wall clock (peers are measured, never
 * judged): the rate the receiver saw within {@value #MAX_ERROR_PERCENT} % of the target, and no 1 s window
 * above {@value #MAX_WINDOW_FACTOR} times the rate. They catch a broken pacer, not a noisy machine: the
 * figures measured on the project's 2-core machine are -0.002 % and 1.12 times.
 */
final class PacingBounds {

    static final double MAX_ERROR_PERCENT = 2.0;
    static final double MAX_WINDOW_FACTOR = 1.5;
    private static final RateBounds BOUNDS = new RateBounds(MAX_ERROR_PERCENT, MAX_WINDOW_FACTOR);

    private PacingBounds() {
    }

    /** One line per violation, empty when every Sluice path is within bounds. */
    static List<String> violations(List<PathResult> results, DataRate target) {
        List<String> violations = new ArrayList<>();
        for (PathResult result : results) {
            if (PacingPath.byId(result.path()).isPeer()) {
                continue;
            }
            if (!result.intact()) {
                violations.add(result.path() + ": the payload arrived damaged");
            }
            BOUNDS.addViolations(violations, result.path(), "rate error", result,
                    result.maxBytesInOneSecond() / target.bytesPerSecond());
        }
        return violations;
    }
}
