package dev.sluice.throttle.tree.internal;

/**
 * How a parent's rate is split among its busy children: in proportion to weight, each child getting at
 * least its guaranteed rate and at most its ceiling, and whatever a capped child cannot take going to the
 * others (weighted max-min fairness, "water filling"). Pure and deterministic; rates are whole bits per
 * second, {@link #UNLIMITED} meaning no limit.
 *
 * <p>The split finds the water level {@code λ} at which {@code Σ clamp(λ·weight, assured, ceil)} equals
 * the parent's rate, by bisection on doubles (it runs only when the busy set or a limit changes, never
 * per reservation), rounds every share down and hands the few bits lost to rounding to the children with
 * the largest remainders, so the shares never add up to more than the parent's rate.
 */
public final class FairShare {

    /** No limit, in bits per second. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private static final int ITERATIONS = 200;

    private FairShare() {
    }

    /**
     * The shares of {@code available} bits per second for children with these weights, guaranteed rates
     * (0 for none) and ceilings ({@link #UNLIMITED} for none). When the guarantees alone exceed
     * {@code available} (a parent squeezed below what it promised), they are scaled down in proportion.
     */
    public static long[] split(long available, int[] weights, long[] assured, long[] ceilings) {
        int n = weights.length;
        long[] shares = new long[n];
        if (available == UNLIMITED) {
            System.arraycopy(ceilings, 0, shares, 0, n);
            return shares;
        }
        double sumAssured = 0;
        double sumCeilings = 0;
        for (int i = 0; i < n; i++) {
            sumAssured += Math.min(assured[i], ceilings[i]);
            sumCeilings += ceilings[i];
        }
        if (sumAssured >= available) {
            for (int i = 0; i < n; i++) {
                shares[i] = sumAssured == 0 ? 0 : (long) Math.floor(Math.min(assured[i], ceilings[i]) * (available / sumAssured));
            }
            return fitWithin(shares, available);
        }
        if (sumCeilings <= available) {
            System.arraycopy(ceilings, 0, shares, 0, n);
            return shares;
        }
        double low = 0;
        double high = available; // every weight is at least 1, so at λ = available each child is at its ceiling or above the rest
        for (int round = 0; round < ITERATIONS && high - low > 1e-9 * high; round++) {
            double middle = (low + high) / 2;
            if (total(middle, weights, assured, ceilings) <= available) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double[] exact = new double[n];
        for (int i = 0; i < n; i++) {
            exact[i] = clamp(low * weights[i], assured[i], ceilings[i]);
            shares[i] = (long) Math.floor(exact[i]);
        }
        fitWithin(shares, available);
        handOutRoundingLoss(shares, exact, ceilings, available);
        return shares;
    }

    private static double total(double level, int[] weights, long[] assured, long[] ceilings) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += clamp(level * weights[i], assured[i], ceilings[i]);
        }
        return sum;
    }

    private static double clamp(double value, long floor, long ceiling) {
        return Math.min(Math.max(value, Math.min(floor, ceiling)), ceiling);
    }

    /** Takes from the largest shares while doubles' rounding left the sum above {@code available}. */
    private static long[] fitWithin(long[] shares, long available) {
        long excess = sum(shares) - available;
        while (excess > 0) {
            int largest = 0;
            for (int i = 1; i < shares.length; i++) {
                if (shares[i] > shares[largest]) {
                    largest = i;
                }
            }
            long cut = Math.min(excess, shares[largest]);
            shares[largest] -= cut;
            excess -= cut;
        }
        return shares;
    }

    /** Gives the bits lost to rounding down, one each, to the shares with the largest remainders. */
    private static void handOutRoundingLoss(long[] shares, double[] exact, long[] ceilings, long available) {
        long left = available - sum(shares);
        boolean[] given = new boolean[shares.length];
        while (left > 0) {
            int best = -1;
            for (int i = 0; i < shares.length; i++) {
                if (!given[i] && shares[i] < ceilings[i]
                        && (best < 0 || exact[i] - shares[i] > exact[best] - shares[best])) {
                    best = i;
                }
            }
            if (best < 0 || exact[best] - shares[best] <= 0) {
                return;
            }
            shares[best]++;
            given[best] = true;
            left--;
        }
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum = sum + value < 0 ? Long.MAX_VALUE : sum + value;
        }
        return sum;
    }
}
