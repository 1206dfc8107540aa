package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.jmh.limiter.LimiterType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CI's grant rule on made-up scores. */
class GrantCheckTest {

    private static Map<LimiterType, Double> scores(double sluice, double guava, double okio) {
        Map<LimiterType, Double> scores = new EnumMap<>(LimiterType.class);
        scores.put(LimiterType.SLUICE_LEAKY_BUCKET, sluice);
        scores.put(LimiterType.GUAVA, guava);
        scores.put(LimiterType.OKIO, okio);
        return scores;
    }

    @Test
    void sluiceBetweenTheFastestAndTheSlowestPeerPasses() {
        assertEquals(List.of(), GrantCheck.violations(scores(30, 20, 90)));
    }

    @Test
    void sluiceAsSlowAsTheSlowestPeerStillPasses() {
        assertEquals(List.of(), GrantCheck.violations(scores(90, 20, 90)));
    }

    @Test
    void sluiceSlowerThanEveryPeerFailsNamingTheSlowest() {
        assertEquals(List.of("SLUICE_LEAKY_BUCKET: 120.0 ns per grant is slower than the slowest peer, OKIO at 90.0 ns"
                + " (x1.00 allowed)"), GrantCheck.violations(scores(120, 20, 90)));
    }

    @Test
    void withoutAPeerTheRuleCannotBeApplied() {
        Map<LimiterType, Double> onlySluice = new EnumMap<>(LimiterType.class);
        onlySluice.put(LimiterType.SLUICE_LEAKY_BUCKET, 25.0);

        assertEquals(List.of("the grant check needs Sluice's score and at least one peer's, got [SLUICE_LEAKY_BUCKET]"),
                GrantCheck.violations(onlySluice));
    }
}
