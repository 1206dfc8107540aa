package dev.sluice.throttle.internal;

import dev.sluice.api.DataRate;
import java.math.BigInteger;

/**
 * How a wait planned at one rate stretches or shrinks at another: the bytes still ahead stay the same,
 * so the time scales by {@code previous / current}. The leaky bucket rescales its backlog and every
 * waiter rescales its deadline with this one function, which keeps them in step.
 */
public final class Retiming {

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
        return scaled.bitLength() < Long.SIZE ? scaled.longValue() : (nanos > 0 ? Long.MAX_VALUE / 4 : Long.MIN_VALUE / 4);
    }
}
