package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jain's index, the smallest share and the fairness check's bounds, on hand-made byte counts. */
class FairnessTest {

    @Test
    void equalSharesAreFullyFair() {
        assertEquals(1.0, Fairness.jainIndex(new long[] {8192, 8192, 8192, 8192}), 1e-12);
        assertEquals(1.0, Fairness.minShare(new long[] {8192, 8192, 8192, 8192}), 1e-12);
    }

    @Test
    void oneStreamTakingEverythingScoresOneOverN() {
        long[] shares = {0, 0, 0, 0, 0, 0, 0, 65_536};

        assertEquals(0.125, Fairness.jainIndex(shares), 1e-12);
        assertEquals(0.0, Fairness.minShare(shares), 1e-12);
    }

    @Test
    void oneChunkMoreForOneOfEightStreams() {
        // (4 + 7 * 3)^2 / (8 * (16 + 7 * 9)) = 625 / 632
        long[] shares = {4, 3, 3, 3, 3, 3, 3, 3};

        assertEquals(625.0 / 632, Fairness.jainIndex(shares), 1e-12);
        assertEquals(3 * 8 / 25.0, Fairness.minShare(shares), 1e-12);
    }

    @Test
    void nobodyServedIsNotMeasurable() {
        assertEquals(Double.NaN, Fairness.jainIndex(new long[] {0, 0}));
        assertEquals(Double.NaN, Fairness.minShare(new long[] {0, 0}));
    }

    @Test
    void refusesNoStreamsAndNegativeCounts() {
        assertEquals("fairness needs at least 1 stream, got 0",
                assertThrows(IllegalArgumentException.class, () -> Fairness.jainIndex(new long[0])).getMessage());
        assertEquals("a stream's byte count must be at least 0 B, was -1 B",
                assertThrows(IllegalArgumentException.class, () -> Fairness.minShare(new long[] {1, -1})).getMessage());
    }

    @Test
    void checkJudgesSluicePathsOnJainMinShareAndAggregateErrorButNeverAPeer() {
        long[] unfair = {0, 0, 0, 0, 0, 0, 0, 65_536};
        FairnessMain.Result sluice = new FairnessMain.Result(FairnessPath.SLUICE_ASYNC, unfair,
                Fairness.jainIndex(unfair), Fairness.minShare(unfair), aggregate("sluice-async", -3));
        FairnessMain.Result guava = new FairnessMain.Result(FairnessPath.GUAVA, unfair,
                Fairness.jainIndex(unfair), Fairness.minShare(unfair), aggregate("guava", -3));

        assertEquals(List.of(
                "sluice-async: Jain index 0.1250 is below 0.90",
                "sluice-async: smallest share 0.000 of the fair share is below 0.50",
                "sluice-async: aggregate rate error -3.000 % is outside +/-2.0 %"),
                FairnessMain.violations(List.of(sluice, guava)));
    }

    @Test
    void sinkCountsSharesOnlyAfterSettlingAndUntilTheFirstStreamFinishes() {
        FairnessSink sink = new FairnessSink(2, 3, 0, 8);
        sink.arrived(0, 1);
        sink.arrived(1, 1);
        sink.arrived(0, 2); // stream 0 done: later writes do not count
        sink.arrived(1, 2);

        assertEquals(List.of(3L, 1L), List.of(sink.bytesWhileAllSent()[0], sink.bytesWhileAllSent()[1]));
        assertEquals(true, sink.complete());
        assertEquals(6, sink.log().totalBytes());
    }

    private static PathResult aggregate(String path, double errorPercent) {
        return new PathResult(path, 1 << 20, 128, true, 10.0, 16_384,
                DataRate.ofBitsPerSecond(819_200).bytesPerSecond() * (1 + errorPercent / 100), errorPercent,
                102_400, 0, 114_688, 16_384, 114_688, 0.1);
    }
}
