package dev.sluice.jmh;

/**
 * How evenly streams that share one budget were served: Jain's index and the smallest share. Pure maths on
 * byte counts, tested on hand-made ones.
 */
final class Fairness {

    private Fairness() {
    }

    /**
     * Jain's fairness index {@code (sum x)^2 / (n * sum x^2)}: 1 when every stream got the same, {@code 1/n}
     * when one got everything; NaN when nobody got anything.
     *
     * @throws IllegalArgumentException if there is no stream or a count is negative
     */
    static double jainIndex(long[] bytesPerStream) {
        requireCounts(bytesPerStream);
        double sum = 0;
        double squares = 0;
        for (long x : bytesPerStream) {
            sum += x;
            squares += (double) x * x;
        }
        return squares == 0 ? Double.NaN : sum * sum / (bytesPerStream.length * squares);
    }

    /** The smallest stream's bytes over the fair share ({@code sum / n}); NaN when nobody got anything. */
    static double minShare(long[] bytesPerStream) {
        requireCounts(bytesPerStream);
        long sum = 0;
        long min = Long.MAX_VALUE;
        for (long x : bytesPerStream) {
            sum += x;
            min = Math.min(min, x);
        }
        return sum == 0 ? Double.NaN : min * (double) bytesPerStream.length / sum;
    }

    private static void requireCounts(long[] bytesPerStream) {
        if (bytesPerStream.length == 0) {
            throw new IllegalArgumentException("fairness needs at least 1 stream, got 0");
        }
        for (long x : bytesPerStream) {
            if (x < 0) {
                throw new IllegalArgumentException("a stream's byte count must be at least 0 B, was " + x + " B");
            }
        }
    }
}
