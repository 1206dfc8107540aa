package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles on small hand-made samples. */
class PercentilesTest {

    private static final double[] ONE_TO_HUNDRED = new double[100];

    static {
        for (int i = 0; i < 100; i++) {
            // reversed, so that the percentile has to sort
            ONE_TO_HUNDRED[i] = 100 - i;
        }
    }

    @Test
    void medianAndNinetyNinthOfOneToHundredAreFiftyAndNinetyNine() {
        assertEquals(50.0, Percentiles.nearestRank(ONE_TO_HUNDRED, 50));
        assertEquals(99.0, Percentiles.nearestRank(ONE_TO_HUNDRED, 99));
        assertEquals(100.0, Percentiles.nearestRank(ONE_TO_HUNDRED, 100));
    }

    @Test
    void ninetyNinthOfTenValuesIsTheLargest() {
        double[] values = {3, -1, 4, 1, -5, 9, 2, 6, 5, 3};

        assertEquals(9.0, Percentiles.nearestRank(values, 99));
        assertEquals(3.0, Percentiles.nearestRank(values, 50));
        assertEquals(-5.0, Percentiles.nearestRank(values, 1));
    }

    @Test
    void leavesTheValuesInTheirOrder() {
        double[] values = {2, 1};

        Percentiles.nearestRank(values, 50);

        assertEquals(2.0, values[0]);
    }

    @Test
    void noValuesHaveNoPercentile() {
        assertEquals(Double.NaN, Percentiles.nearestRank(new double[0], 50));
    }

    @Test
    void refusesAPercentileOutsideZeroToHundred() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Percentiles.nearestRank(ONE_TO_HUNDRED, 0));
        assertEquals("percentile must be above 0 and at most 100, was 0.0", e.getMessage());
    }
}
