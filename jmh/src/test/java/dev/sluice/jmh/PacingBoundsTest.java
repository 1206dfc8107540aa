package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What CI accepts from a wall-clock run, checked on made-up results. */
class PacingBoundsTest {

    private static final DataRate TARGET = DataRate.ofBitsPerSecond(819_200);
    private static final DataSize BURST = DataSize.ofKibibytes(16);

    @Test
    void acceptsTheFiguresMeasuredOnTheProjectMachine() {
        assertEquals(List.of(), PacingBounds.violations(List.of(result("async-pacer", -0.002, 114_688, true)), TARGET));
    }

    @Test
    void reportsARateErrorABurstyWindowAndADamagedPayload() {
        assertEquals(List.of(
                "blocking-input-stream: the payload arrived damaged",
                "blocking-input-stream: rate error -33.000 % is outside +/-2.0 %",
                "blocking-input-stream: 262144 B in one second is 2.56 times the rate, above 1.5"),
                PacingBounds.violations(List.of(result("blocking-input-stream", -33, 262_144, false)), TARGET));
    }

    @Test
    void treatsAnUnmeasurableRateAsAViolation() {
        assertEquals(List.of("async-pacer: rate error NaN % is outside +/-2.0 %"),
                PacingBounds.violations(List.of(result("async-pacer", Double.NaN, 0, true)), TARGET));
    }

    @Test
    void neverJudgesThePeer() {
        assertEquals(List.of(), PacingBounds.violations(List.of(result("guava", -50, 500_000, false)), TARGET));
    }

    @Test
    void neverJudgesAnyPeerButJudgesEverySluicePath() {
        List<PathResult> peers = new ArrayList<>();
        List<String> sluiceViolations = new ArrayList<>();
        for (PacingPath path : PacingPath.values()) {
            if (path.isPeer()) {
                peers.add(result(path.id(), -50, 500_000, true));
            } else {
                sluiceViolations.addAll(PacingBounds.violations(List.of(result(path.id(), -50, 0, true)), TARGET));
            }
        }

        assertEquals(List.of(), PacingBounds.violations(peers, TARGET));
        assertEquals(List.of(
                "blocking-output-stream: rate error -50.000 % is outside +/-2.0 %",
                "blocking-input-stream: rate error -50.000 % is outside +/-2.0 %",
                "async-pacer: rate error -50.000 % is outside +/-2.0 %"), sluiceViolations);
    }

    @Test
    void acceptsTheExtraFiguresOfASmokeRun() {
        PacingDetail smoke = new PacingDetail("async-pacer", 0.30, 0.57, 102_400, 0, 24_576, 114_688, 16_384, 12.0, 2, 114_688, 24_576);

        assertEquals(List.of(), PacingBounds.detailViolations(List.of(smoke), TARGET, BURST));
    }

    @Test
    void reportsJitterAndBurstyWindowsSteadyAndAfterIdle() {
        PacingDetail bad = new PacingDetail("blocking-output-stream", 5, 150, 102_400, 0, 24_576, 114_688, 60_000, 12.0, 2,
                160_000, 60_000);

        assertEquals(List.of(
                "blocking-output-stream: p99 release jitter 150.0 ms is above 100 ms",
                "blocking-output-stream: 60000 B in a steady 100 ms window is above 53248 B",
                "blocking-output-stream: 60000 B in a 100 ms window after idle is above 53248 B",
                "blocking-output-stream: 160000 B in one second after idle is 1.56 times the rate, above 1.5"),
                PacingBounds.detailViolations(List.of(bad), TARGET, BURST));
    }

    @Test
    void neverJudgesAPeersExtraFiguresNorOnesThatWereNotMeasured() {
        PacingDetail guava = new PacingDetail("guava", 5, 150, 102_400, 0, 24_576, 114_688, 60_000, 12.0, 2, 160_000, 60_000);
        PacingDetail unmeasured = new PacingDetail("async-pacer", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, -1, 0, Double.NaN, 0,
                -1, -1);

        assertEquals(List.of(), PacingBounds.detailViolations(List.of(guava, unmeasured), TARGET, BURST));
    }

    private static PathResult result(String path, double errorPercent, long maxOneSecond, boolean intact) {
        return new PathResult(path, 1 << 20, 128, intact, 10.0, 16_384, 102_400 * (1 + errorPercent / 100),
                errorPercent, 104_000, 1.6, maxOneSecond, 24_576, maxOneSecond, 0.0);
    }
}
