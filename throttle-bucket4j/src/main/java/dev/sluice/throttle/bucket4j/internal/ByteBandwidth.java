package dev.sluice.throttle.bucket4j.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;

/**
 * A byte budget as a Bucket4j configuration: one token per byte, capacity = the burst, greedy refill at
 * exactly the rate. Rates are in bits per second, so a byte rate is {@code bits / 8} tokens per second,
 * often not a whole number; the refill is therefore stated as {@code bits / g} tokens every
 * {@code 8 s / g}, reduced by their greatest common divisor {@code g}, which keeps it exact to the
 * token (819,200 bit/s becomes 8 tokens every 78,125 ns).
 */
public final class ByteBandwidth {

    /** Bucket4j refills at most one token per nanosecond: 1 GB/s. */
    public static final DataRate FASTEST = DataRate.ofBitsPerSecond(8_000_000_000L);

    private static final long BIT_NANOS_PER_BYTE_SECOND = 8_000_000_000L;

    private ByteBandwidth() {
    }

    /**
     * The configuration for {@code rate} and {@code burst}.
     *
     * @throws IllegalArgumentException if the rate is unlimited or above {@link #FASTEST}
     */
    public static BucketConfiguration of(DataRate rate, DataSize burst) {
        requireSupported(rate);
        long bits = rate.bitsPerSecond();
        long g = gcd(bits, BIT_NANOS_PER_BYTE_SECOND);
        long tokens = bits / g;
        long periodNanos = BIT_NANOS_PER_BYTE_SECOND / g;
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(burst.bytes()).refillGreedy(tokens, Duration.ofNanos(periodNanos)))
                .build();
    }

    /**
     * Moves {@code bucket} from {@code previous} to the finite {@code rate}: the backlog keeps its size in
     * bytes ({@code AS_IS}), except after {@link DataRate#UNLIMITED}, when it starts with a full burst
     * ({@code RESET}), as the leaky bucket does.
     */
    public static void reconfigure(Bucket bucket, DataRate previous, DataRate rate, DataSize burst) {
        bucket.replaceConfiguration(of(rate, burst),
                previous.isUnlimited() ? TokensInheritanceStrategy.RESET : TokensInheritanceStrategy.AS_IS);
    }

    /** @throws IllegalArgumentException if {@code rate} is finite and above {@link #FASTEST} */
    public static void requireSupported(DataRate rate) {
        if (rate == null) {
            throw new IllegalArgumentException("rate must not be null (use DataRate.UNLIMITED for no limit)");
        }
        if (!rate.isUnlimited() && rate.compareTo(FASTEST) > 0) {
            throw new IllegalArgumentException("rate " + rate + " is above Bucket4j's finest refill of 1 token/ns: "
                    + "use at most " + FASTEST + " (1 GB/s), or DataRate.UNLIMITED");
        }
    }

    /** @throws IllegalArgumentException if {@code burst} is null or below 1 B */
    public static void requireBurst(DataSize burst) {
        if (burst == null || burst.bytes() < 1) {
            throw new IllegalArgumentException("burst must be at least 1 B, was " + burst);
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
