package dev.sluice.jmh;

import java.util.Arrays;

/** Nearest-rank percentiles of measured values, the definition the reports use. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The nearest-rank {@code percent}-th percentile of {@code values}: the smallest value such that at
     * least {@code percent} % of the values are at or below it ({@code ceil(p / 100 * n)}-th smallest);
     * NaN when there are no values.
     *
     * @throws IllegalArgumentException if {@code percent} is not in (0, 100]
     */
    static double nearestRank(double[] values, double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be above 0 and at most 100, was " + percent);
        }
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }
}
