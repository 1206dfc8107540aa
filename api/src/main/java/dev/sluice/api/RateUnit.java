package dev.sluice.api;

/**
 * A unit of data rate, with the symbol used by {@link DataRate#parse(String)} and
 * {@link DataRate#toString()}. Decimal (SI) and binary (IEC) prefixes are kept apart: {@code kB/s}
 * is 1,000 bytes per second and {@code KiB/s} is 1,024; the ambiguous {@code KB/s} is refused.
 */
public enum RateUnit {
    BITS_PER_SECOND("bit/s", 1L),
    KILOBITS_PER_SECOND("kbit/s", 1_000L),
    MEGABITS_PER_SECOND("Mbit/s", 1_000_000L),
    GIGABITS_PER_SECOND("Gbit/s", 1_000_000_000L),
    BYTES_PER_SECOND("B/s", 8L),
    KILOBYTES_PER_SECOND("kB/s", 8_000L),
    MEGABYTES_PER_SECOND("MB/s", 8_000_000L),
    GIGABYTES_PER_SECOND("GB/s", 8_000_000_000L),
    KIBIBYTES_PER_SECOND("KiB/s", 8L * 1024),
    MEBIBYTES_PER_SECOND("MiB/s", 8L * 1024 * 1024),
    GIBIBYTES_PER_SECOND("GiB/s", 8L * 1024 * 1024 * 1024);

    private final String symbol;
    private final long bitsPerSecond;

    RateUnit(String symbol, long bitsPerSecond) {
        this.symbol = symbol;
        this.bitsPerSecond = bitsPerSecond;
    }

    /** The symbol, e.g. {@code "KiB/s"}. */
    public String symbol() {
        return symbol;
    }

    /** How many bits per second one of this unit is. */
    public long bitsPerSecond() {
        return bitsPerSecond;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
