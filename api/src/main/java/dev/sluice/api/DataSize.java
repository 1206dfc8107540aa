package dev.sluice.api;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An amount of data, held exactly as a whole number of bytes (zero or more).
 *
 * <pre>{@code
 * DataSize burst = DataSize.ofKibibytes(16);
 * burst.bytes();                          // 16384
 * burst.toString();                       // "16 KiB"
 * DataSize.parse("16KiB").equals(burst);  // true
 * }</pre>
 *
 * <p>Zero is a valid size (an empty object); negative sizes and sizes beyond a {@code long} of
 * bytes are refused with a message naming the value and unit.
 */
public final class DataSize implements Comparable<DataSize> {

    /** No bytes. */
    public static final DataSize ZERO = new DataSize(0);

    private static final QuantityParser PARSER = new QuantityParser("data size", "B", factors());

    private final long bytes;

    private DataSize(long bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns {@code amount} of {@code unit}.
     *
     * @throws IllegalArgumentException if the amount is negative or does not fit in a long of bytes
     */
    public static DataSize of(long amount, SizeUnit unit) {
        if (unit == null) {
            throw new IllegalArgumentException("size unit must not be null");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("size must be at least 0 B, was " + amount + " " + unit);
        }
        if (amount > Long.MAX_VALUE / unit.bytes()) {
            throw tooLarge(amount + " " + unit);
        }
        return amount == 0 ? ZERO : new DataSize(amount * unit.bytes());
    }

    /** {@code bytes} B. */
    public static DataSize ofBytes(long bytes) {
        return of(bytes, SizeUnit.BYTES);
    }

    /** {@code kilobytes} kB (1 kB = 1,000 B). */
    public static DataSize ofKilobytes(long kilobytes) {
        return of(kilobytes, SizeUnit.KILOBYTES);
    }

    /** {@code megabytes} MB (1 MB = 1,000,000 B). */
    public static DataSize ofMegabytes(long megabytes) {
        return of(megabytes, SizeUnit.MEGABYTES);
    }

    /** {@code kibibytes} KiB (1 KiB = 1,024 B). */
    public static DataSize ofKibibytes(long kibibytes) {
        return of(kibibytes, SizeUnit.KIBIBYTES);
    }

    /** {@code mebibytes} MiB (1 MiB = 1,048,576 B). */
    public static DataSize ofMebibytes(long mebibytes) {
        return of(mebibytes, SizeUnit.MEBIBYTES);
    }

    /** {@code gibibytes} GiB. */
    public static DataSize ofGibibytes(long gibibytes) {
        return of(gibibytes, SizeUnit.GIBIBYTES);
    }

    /**
     * Reads a size such as {@code "16KiB"}, {@code "1.5 MiB"}, {@code "100kB"} or {@code "0B"}. Units
     * are those of {@link SizeUnit}, case-sensitive; {@code KB} is refused as ambiguous.
     * {@code parse(size.toString())} equals {@code size}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static DataSize parse(String text) {
        BigInteger bytes = PARSER.parse(text);
        if (bytes.bitLength() >= Long.SIZE) {
            throw tooLarge(text.strip());
        }
        return ofBytes(bytes.longValueExact());
    }

    /** The size in bytes. */
    public long bytes() {
        return bytes;
    }

    /**
     * The sum of this and {@code other}.
     *
     * @throws IllegalArgumentException if the sum does not fit in a long of bytes
     */
    public DataSize plus(DataSize other) {
        if (bytes > Long.MAX_VALUE - other.bytes) {
            throw tooLarge(this + " + " + other);
        }
        return ofBytes(bytes + other.bytes);
    }

    @Override
    public int compareTo(DataSize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSize && ((DataSize) o).bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    /** The size in the largest unit that states it exactly: {@code "16 KiB"}, {@code "1 kB"}, {@code "1 TB"}, {@code "1500 B"}. */
    @Override
    public String toString() {
        if (bytes == 0) {
            return "0 B";
        }
        SizeUnit largest = SizeUnit.BYTES;
        for (SizeUnit unit : SizeUnit.values()) {
            if (bytes % unit.bytes() == 0 && unit.bytes() > largest.bytes()) {
                largest = unit;
            }
        }
        return bytes / largest.bytes() + " " + largest.symbol();
    }

    private static IllegalArgumentException tooLarge(String value) {
        return new IllegalArgumentException("size " + value + " is too large: the largest size is "
                + Long.MAX_VALUE + " B");
    }

    private static Map<String, Long> factors() {
        Map<String, Long> factors = new LinkedHashMap<>();
        for (SizeUnit unit : SizeUnit.values()) {
            factors.put(unit.symbol(), unit.bytes());
        }
        return factors;
    }
}
