package dev.sluice.api;

/**
 * A unit of data size, with the symbol used by {@link DataSize#parse(String)} and
 * {@link DataSize#toString()}. {@code kB} is 1,000 bytes and {@code KiB} is 1,024; the ambiguous
 * {@code KB} is refused.
 */
public enum SizeUnit {
    BYTES("B", 1L),
    KILOBYTES("kB", 1_000L),
    MEGABYTES("MB", 1_000_000L),
    GIGABYTES("GB", 1_000_000_000L),
    TERABYTES("TB", 1_000_000_000_000L),
    KIBIBYTES("KiB", 1024L),
    MEBIBYTES("MiB", 1024L * 1024),
    GIBIBYTES("GiB", 1024L * 1024 * 1024),
    TEBIBYTES("TiB", 1024L * 1024 * 1024 * 1024);

    private final String symbol;
    private final long bytes;

    SizeUnit(String symbol, long bytes) {
        this.symbol = symbol;
        this.bytes = bytes;
    }

    /** The symbol, e.g. {@code "KiB"}. */
    public String symbol() {
        return symbol;
    }

    /** How many bytes one of this unit is. */
    public long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
