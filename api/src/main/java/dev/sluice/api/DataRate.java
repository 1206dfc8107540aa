package dev.sluice.api;

import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A data rate, held exactly as a whole number of bits per second.
 *
 * <p>Sluice's running example is the OSS single-connection limit, 819,200 bit/s:
 * <pre>{@code
 * DataRate limit = DataRate.ofBitsPerSecond(819_200);
 * limit.equals(DataRate.ofKibibytesPerSecond(100));   // true: 102,400 B/s
 * limit.toString();                                    // "100 KiB/s"
 * DataRate.parse("100KiB/s").equals(limit);            // true
 * limit.nanosToSend(8192);                             // 80,000,000 (80 ms)
 * }</pre>
 *
 * <p>Every factory refuses a rate below 1 bit/s and a rate that does not fit in a {@code long} of
 * bits per second; "no limit" is the named value {@link #UNLIMITED}, never zero.
 */
public final class DataRate implements Comparable<DataRate> {

    /** No limit at all. Its {@code toString} is {@code "unlimited"}, which {@link #parse} reads back. */
    public static final DataRate UNLIMITED = new DataRate(Long.MAX_VALUE);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long BITS_PER_BYTE = 8L;
    private static final BigInteger BIT_NANOS_PER_BYTE_SECOND = BigInteger.valueOf(BITS_PER_BYTE * NANOS_PER_SECOND);
    /** Below this many bytes, {@code bytes * 8e9} fits in a long. */
    private static final long EXACT_LONG_BYTES = Long.MAX_VALUE / (BITS_PER_BYTE * NANOS_PER_SECOND);

    /** The units {@link #toString()} chooses from; kB/s, MB/s and GB/s are always also whole kbit/s, Mbit/s, Gbit/s. */
    private static final RateUnit[] DISPLAY_UNITS = {
        RateUnit.BITS_PER_SECOND, RateUnit.BYTES_PER_SECOND,
        RateUnit.KILOBITS_PER_SECOND, RateUnit.MEGABITS_PER_SECOND, RateUnit.GIGABITS_PER_SECOND,
        RateUnit.KIBIBYTES_PER_SECOND, RateUnit.MEBIBYTES_PER_SECOND, RateUnit.GIBIBYTES_PER_SECOND,
    };
    private static final QuantityParser PARSER = new QuantityParser("data rate", "bit/s", factors());

    private final long bitsPerSecond;

    private DataRate(long bitsPerSecond) {
        this.bitsPerSecond = bitsPerSecond;
    }

    /**
     * Returns {@code amount} of {@code unit}.
     *
     * @throws IllegalArgumentException if the rate is below 1 bit/s or above
     *     {@value Long#MAX_VALUE} - 1 bit/s; the message names the value and its unit
     */
    public static DataRate of(long amount, RateUnit unit) {
        if (unit == null) {
            throw new IllegalArgumentException("rate unit must not be null");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("rate must be at least 1 bit/s, was " + amount + " " + unit
                    + " (use DataRate.UNLIMITED for no limit)");
        }
        if (amount > (Long.MAX_VALUE - 1) / unit.bitsPerSecond()) {
            throw tooLarge(amount + " " + unit);
        }
        return new DataRate(amount * unit.bitsPerSecond());
    }

    /** {@code bits} bit/s; 819,200 is the OSS single-connection limit. */
    public static DataRate ofBitsPerSecond(long bits) {
        return of(bits, RateUnit.BITS_PER_SECOND);
    }

    /** {@code kilobits} kbit/s (1 kbit/s = 1,000 bit/s). */
    public static DataRate ofKilobitsPerSecond(long kilobits) {
        return of(kilobits, RateUnit.KILOBITS_PER_SECOND);
    }

    /** {@code megabits} Mbit/s (1 Mbit/s = 1,000,000 bit/s). */
    public static DataRate ofMegabitsPerSecond(long megabits) {
        return of(megabits, RateUnit.MEGABITS_PER_SECOND);
    }

    /** {@code gigabits} Gbit/s (1 Gbit/s = 10^9 bit/s). */
    public static DataRate ofGigabitsPerSecond(long gigabits) {
        return of(gigabits, RateUnit.GIGABITS_PER_SECOND);
    }

    /** {@code bytes} B/s. */
    public static DataRate ofBytesPerSecond(long bytes) {
        return of(bytes, RateUnit.BYTES_PER_SECOND);
    }

    /** {@code kilobytes} kB/s (1 kB/s = 1,000 B/s). */
    public static DataRate ofKilobytesPerSecond(long kilobytes) {
        return of(kilobytes, RateUnit.KILOBYTES_PER_SECOND);
    }

    /** {@code megabytes} MB/s (1 MB/s = 1,000,000 B/s). */
    public static DataRate ofMegabytesPerSecond(long megabytes) {
        return of(megabytes, RateUnit.MEGABYTES_PER_SECOND);
    }

    /** {@code kibibytes} KiB/s (1 KiB/s = 1,024 B/s). */
    public static DataRate ofKibibytesPerSecond(long kibibytes) {
        return of(kibibytes, RateUnit.KIBIBYTES_PER_SECOND);
    }

    /** {@code mebibytes} MiB/s (1 MiB/s = 1,048,576 B/s). */
    public static DataRate ofMebibytesPerSecond(long mebibytes) {
        return of(mebibytes, RateUnit.MEBIBYTES_PER_SECOND);
    }

    /** {@code gibibytes} GiB/s. */
    public static DataRate ofGibibytesPerSecond(long gibibytes) {
        return of(gibibytes, RateUnit.GIBIBYTES_PER_SECOND);
    }

    /**
     * Reads a rate such as {@code "100KiB/s"}, {@code "819200bit/s"}, {@code "8Mbit/s"},
     * {@code "1.5 MiB/s"} or {@code "unlimited"}. Units are those of {@link RateUnit}, case-sensitive;
     * {@code KB/s} is refused as ambiguous. {@code parse(rate.toString())} equals {@code rate}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static DataRate parse(String text) {
        if (text != null && text.strip().equals("unlimited")) {
            return UNLIMITED;
        }
        BigInteger bits = PARSER.parse(text);
        if (bits.signum() <= 0) {
            throw PARSER.refused(text, "rate must be at least 1 bit/s (use \"unlimited\" for no limit)");
        }
        if (bits.bitLength() >= Long.SIZE - 1 && bits.compareTo(BigInteger.valueOf(Long.MAX_VALUE - 1)) > 0) {
            throw PARSER.refused(text, "the largest finite rate is " + (Long.MAX_VALUE - 1)
                    + " bit/s (use \"unlimited\" for no limit)");
        }
        return new DataRate(bits.longValueExact());
    }

    /** The rate in bits per second; {@link Long#MAX_VALUE} for {@link #UNLIMITED}. */
    public long bitsPerSecond() {
        return bitsPerSecond;
    }

    /** The rate in bytes per second, with a fraction when the bit rate is not a multiple of 8. */
    public double bytesPerSecond() {
        return isUnlimited() ? Double.POSITIVE_INFINITY : bitsPerSecond / (double) BITS_PER_BYTE;
    }

    /** Whether this is {@link #UNLIMITED}. */
    public boolean isUnlimited() {
        return bitsPerSecond == Long.MAX_VALUE;
    }

    /**
     * Nanoseconds it takes to send {@code bytes} at this rate, rounded up so that pacing never runs
     * faster than the rate; 0 when unlimited. Exact at 819,200 bit/s for multiples of 128 bytes.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public long nanosToSend(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("byte count must be at least 0 B, was " + bytes + " B");
        }
        if (isUnlimited() || bytes == 0) {
            return 0;
        }
        if (bytes <= EXACT_LONG_BYTES) {
            long bitNanos = bytes * BITS_PER_BYTE * NANOS_PER_SECOND;
            return bitNanos / bitsPerSecond + (bitNanos % bitsPerSecond == 0 ? 0 : 1);
        }
        BigInteger[] qr = BigInteger.valueOf(bytes).multiply(BIT_NANOS_PER_BYTE_SECOND)
                .divideAndRemainder(BigInteger.valueOf(bitsPerSecond));
        BigInteger nanos = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return nanos.bitLength() < Long.SIZE ? nanos.longValue() : Long.MAX_VALUE;
    }

    /** The time it takes to send {@code size} at this rate ({@link Duration#ZERO} when unlimited). */
    public Duration timeToSend(DataSize size) {
        return Duration.ofNanos(nanosToSend(size.bytes()));
    }

    /** Whole bytes this rate moves in {@code nanos} nanoseconds, rounded down; saturates at {@link Long#MAX_VALUE}. */
    public long bytesIn(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        if (isUnlimited()) {
            return Long.MAX_VALUE;
        }
        BigInteger bytes = BigInteger.valueOf(bitsPerSecond).multiply(BigInteger.valueOf(nanos))
                .divide(BIT_NANOS_PER_BYTE_SECOND);
        return bytes.bitLength() < Long.SIZE ? bytes.longValue() : Long.MAX_VALUE;
    }

    @Override
    public int compareTo(DataRate other) {
        return Long.compare(bitsPerSecond, other.bitsPerSecond);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataRate && ((DataRate) o).bitsPerSecond == bitsPerSecond;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bitsPerSecond);
    }

    /**
     * The rate in the largest unit that states it exactly, among bit/s, B/s, the decimal bit units and the
     * binary byte units: {@code "100 KiB/s"}, {@code "8 Mbit/s"}, {@code "64 Gbit/s"}, {@code "100 B/s"},
     * {@code "12 bit/s"}, {@code "unlimited"}.
     */
    @Override
    public String toString() {
        if (isUnlimited()) {
            return "unlimited";
        }
        RateUnit largest = RateUnit.BITS_PER_SECOND;
        for (RateUnit unit : DISPLAY_UNITS) {
            if (bitsPerSecond % unit.bitsPerSecond() == 0 && unit.bitsPerSecond() > largest.bitsPerSecond()) {
                largest = unit;
            }
        }
        return bitsPerSecond / largest.bitsPerSecond() + " " + largest.symbol();
    }

    private static IllegalArgumentException tooLarge(String value) {
        return new IllegalArgumentException("rate " + value + " is too large: the largest finite rate is "
                + (Long.MAX_VALUE - 1) + " bit/s (use DataRate.UNLIMITED for no limit)");
    }

    private static Map<String, Long> factors() {
        Map<String, Long> factors = new LinkedHashMap<>();
        for (RateUnit unit : RateUnit.values()) {
            factors.put(unit.symbol(), unit.bitsPerSecond());
        }
        return factors;
    }
}
