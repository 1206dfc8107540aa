package dev.sluice.jmh;

import java.util.List;
import java.util.Locale;

/**
 * A wall-clock check's two bounds on a measured transfer: its rate error within {@code maxErrorPercent}
 * of the target, and no 1 s window above {@code maxWindowFactor} times the rate. {@link PacingBounds} and
 * {@link FleetBounds} hold their own figures to it.
 */
final class RateBounds {

    private final double maxErrorPercent;
    private final double maxWindowFactor;

    RateBounds(double maxErrorPercent, double maxWindowFactor) {
        this.maxErrorPercent = maxErrorPercent;
        this.maxWindowFactor = maxWindowFactor;
    }

    /**
     * Adds one line to {@code violations} per bound {@code result} breaks, each beginning with {@code who};
     * {@code errorName} names the error in the line (e.g. "rate error").
     */
    void addViolations(List<String> violations, String who, String errorName, PathResult result, double window) {
        double error = result.achievedErrorPercent();
        if (!(Math.abs(error) <= maxErrorPercent)) {
            violations.add(String.format(Locale.ROOT, "%s: %s %+.3f %% is outside +/-%.1f %%",
                    who, errorName, error, maxErrorPercent));
        }
        if (window > maxWindowFactor) {
            violations.add(String.format(Locale.ROOT, "%s: %d B in one second is %.2f times the rate, above %.1f",
                    who, result.maxBytesInOneSecond(), window, maxWindowFactor));
        }
    }
}
