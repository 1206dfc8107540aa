package dev.sluice.throttle.internal;

import dev.sluice.api.DataRate;
import java.math.BigInteger;

/**
 * How a wait planned at one rate stretches or shrinks at another: the bytes still ahead stay the same,
 * so the time scales by {@code previous / current}. The leaky bucket rescales its backlog and every
 * waiter rescales its deadline with this one function, which keeps them in step.
 */
public final class Retiming {

    /** The longest a scaled wait may become (about 73 years), so that deadlines never overflow. */
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE / 4);
    private static final BigInteger MIN = MAX.negate();

    private Retiming() {
    }

    /** {@code nanos} (which may be negative: idle credit) planned at {@code previous}, at {@code current}. */
    public static long scale(long nanos, DataRate previous, DataRate current) {
        if (nanos == 0 || previous.equals(current)) {
            return nanos;
        }
        if (current.isUnlimited()) {
            return Math.min(nanos, 0);
        }
        if (previous.isUnlimited()) {
            return Math.min(nanos, 0);
        }
        BigInteger scaled = BigInteger.valueOf(nanos)
                .multiply(BigInteger.valueOf(previous.bitsPerSecond()))
                .divide(BigInteger.valueOf(current.bitsPerSecond()));
        return scaled.max(MIN).min(MAX).longValue();
    }
}
