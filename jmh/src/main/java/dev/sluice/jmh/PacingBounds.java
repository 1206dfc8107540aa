package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** The most a Sluice path's p99 release may lag its ideal schedule (anchors A7 target: 2 ms / 5 ms). */
    static final double MAX_JITTER_P99_MILLIS = 100;
    /** The most a 100 ms window (steady, or after the idle pause) may hold, as a multiple of rate x 100 ms + burst. */
    static final double MAX_HUNDRED_MILLIS_FACTOR = 2.0;

    private PacingBounds() {
    }

    /**
     * One line per violation of the extra metrics' bounds by a Sluice path: p99 jitter above
     * {@value #MAX_JITTER_P99_MILLIS} ms; a steady or after-idle 100 ms window above
     * {@value #MAX_HUNDRED_MILLIS_FACTOR} x (rate x 100 ms + burst); an after-idle 1 s window above
     * {@value #MAX_WINDOW_FACTOR} x the rate. Figures that were not measured (-1, NaN) are not judged.
     */
    static List<String> detailViolations(List<PacingDetail> details, DataRate target, DataSize burst) {
        List<String> violations = new ArrayList<>();
        double hundredMillisLimit = MAX_HUNDRED_MILLIS_FACTOR * (target.bytesPerSecond() / 10 + burst.bytes());
        for (PacingDetail d : details) {
            if (PacingPath.byId(d.path()).isPeer()) {
                continue;
            }
            if (d.jitterP99Millis() > MAX_JITTER_P99_MILLIS) {
                violations.add(String.format(Locale.ROOT, "%s: p99 release jitter %.1f ms is above %.0f ms",
                        d.path(), d.jitterP99Millis(), MAX_JITTER_P99_MILLIS));
            }
            if (d.steadyMaxBytesInHundredMillis() > hundredMillisLimit) {
                violations.add(String.format(Locale.ROOT, "%s: %d B in a steady 100 ms window is above %.0f B",
                        d.path(), d.steadyMaxBytesInHundredMillis(), hundredMillisLimit));
            }
            if (d.afterIdleMaxBytesInHundredMillis() > hundredMillisLimit) {
                violations.add(String.format(Locale.ROOT, "%s: %d B in a 100 ms window after idle is above %.0f B",
                        d.path(), d.afterIdleMaxBytesInHundredMillis(), hundredMillisLimit));
            }
            double afterIdleFactor = d.afterIdleMaxBytesInOneSecond() / target.bytesPerSecond();
            if (afterIdleFactor > MAX_WINDOW_FACTOR) {
                violations.add(String.format(Locale.ROOT, "%s: %d B in one second after idle is %.2f times the rate,"
                        + " above %.1f", d.path(), d.afterIdleMaxBytesInOneSecond(), afterIdleFactor, MAX_WINDOW_FACTOR));
            }
        }
        return violations;
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
