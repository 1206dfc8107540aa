package dev.sluice.throttle.bucket4j.internal;

import dev.sluice.api.DataRate;
import java.math.BigInteger;

/**
 * How a wait planned at one rate stretches or shrinks at another: the bytes still ahead stay the same,
 * so the time scales by {@code previous / current} (the rule Sluice's pacers use to re-time waiters).
 */
public final class Rescaling {

    private Rescaling() {
    }

    /** {@code nanos} (negative for idle credit) planned at finite {@code previous}, at finite {@code current}. */
    public static long scale(long nanos, DataRate previous, DataRate current) {
        if (nanos == 0 || previous.equals(current)) {
            return nanos;
        }
        BigInteger scaled = BigInteger.valueOf(nanos)
                .multiply(BigInteger.valueOf(previous.bitsPerSecond()))
                .divide(BigInteger.valueOf(current.bitsPerSecond()));
        return scaled.bitLength() < Long.SIZE ? scaled.longValue() : (nanos > 0 ? Long.MAX_VALUE / 4 : Long.MIN_VALUE / 4);
    }
}
