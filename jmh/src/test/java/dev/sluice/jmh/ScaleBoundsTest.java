package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale check's bounds on made-up results. */
class ScaleBoundsTest {

    private static final DataRate FAST = DataRate.ofMebibytesPerSecond(100);

    private static ScaleResult result(int grants, double errorPercent, int before, int peak, double heapPerStream) {
        return new ScaleResult(10_000, FAST, 10, grants, grants * 8192L, 104_857_600 * (1 + errorPercent / 100),
                errorPercent, before, before, peak, heapPerStream, 1.0);
    }

    @Test
    void acceptsTheSmokeRunsFigures() {
        assertEquals(List.of(), ScaleBounds.violations(List.of(result(128_000, -0.009, 7, 7, 503))));
    }

    @Test
    void reportsAThreadPerStreamTooMuchHeapAndARateError() {
        assertEquals(List.of(
                "10000 streams at 100 MiB/s: 10007 threads at the peak, 7 before (at most 4 more)",
                "10000 streams at 100 MiB/s: 5000 B of heap per stream is above 4096 B",
                "10000 streams at 100 MiB/s: aggregate error -9.000 % is outside +/-5 %"),
                ScaleBounds.violations(List.of(result(128_000, -9, 7, 10_007, 5000))));
    }

    @Test
    void aRunWithTooFewGrantsIsNotJudgedOnItsRate() {
        assertEquals(List.of(), ScaleBounds.violations(List.of(result(39, -50, 7, 7, 500))));
    }
}
