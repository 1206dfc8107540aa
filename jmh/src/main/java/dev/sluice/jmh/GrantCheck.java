package dev.sluice.jmh;

import dev.sluice.jmh.limiter.LimiterType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CI rule on the uncontended grant (issue 6): Sluice's leaky bucket must not be slower than the slowest
 * peer measured in the same run, times {@value #MAX_RATIO_TO_SLOWEST_PEER}. A ratio of scores taken
 * side by side, never an absolute timing, so a busy machine slows both sides alike.
 */
final class GrantCheck {

    static final double MAX_RATIO_TO_SLOWEST_PEER = 1.0;

    private GrantCheck() {
    }

    /**
     * One line per violation, empty when the rule holds; {@code nanosPerGrant} holds each limiter's average
     * time per grant.
     */
    static List<String> violations(Map<LimiterType, Double> nanosPerGrant) {
        List<String> violations = new ArrayList<>();
        Double sluice = nanosPerGrant.get(LimiterType.SLUICE_LEAKY_BUCKET);
        LimiterType slowest = null;
        for (Map.Entry<LimiterType, Double> e : nanosPerGrant.entrySet()) {
            if (e.getKey() != LimiterType.SLUICE_LEAKY_BUCKET
                    && (slowest == null || e.getValue() > nanosPerGrant.get(slowest))) {
                slowest = e.getKey();
            }
        }
        if (sluice == null || slowest == null) {
            violations.add("the grant check needs Sluice's score and at least one peer's, got " + nanosPerGrant.keySet());
            return violations;
        }
        double limit = nanosPerGrant.get(slowest) * MAX_RATIO_TO_SLOWEST_PEER;
        if (!(sluice <= limit)) {
            violations.add(String.format(Locale.ROOT, "SLUICE_LEAKY_BUCKET: %.1f ns per grant is slower than the"
                    + " slowest peer, %s at %.1f ns (x%.2f allowed)", sluice, slowest, nanosPerGrant.get(slowest),
                    MAX_RATIO_TO_SLOWEST_PEER));
        }
        return violations;
    }
}
