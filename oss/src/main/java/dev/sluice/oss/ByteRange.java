package dev.sluice.oss;

import java.util.OptionalLong;

/**
 * A byte range of an object for a ranged GetObject: from {@code first} to {@code last} inclusive, or from
 * {@code first} to the end. Sent as {@code Range: bytes=first-last}. Refused on construction when negative
 * or inverted, so a bad range never reaches the wire.
 */
public final class ByteRange {

    private final long first;
    private final long last; // -1: to the end

    private ByteRange(long first, long last) {
        this.first = first;
        this.last = last;
    }

    /**
     * Bytes {@code first} to {@code last}, both inclusive.
     *
     * @throws IllegalArgumentException if {@code first} is negative or {@code last} is before it
     */
    public static ByteRange of(long first, long last) {
        requireStart(first);
        if (last < first) {
            throw new IllegalArgumentException("range end " + last + " B is before its start " + first + " B");
        }
        return new ByteRange(first, last);
    }

    /**
     * Bytes from {@code first} to the end of the object.
     *
     * @throws IllegalArgumentException if {@code first} is negative
     */
    public static ByteRange from(long first) {
        requireStart(first);
        return new ByteRange(first, -1);
    }

    /** The first byte, counted from 0. */
    public long first() {
        return first;
    }

    /** The last byte (inclusive), or empty for "to the end". */
    public OptionalLong last() {
        return last < 0 ? OptionalLong.empty() : OptionalLong.of(last);
    }

    /** The {@code Range} header value, e.g. {@code bytes=0-1023}. */
    public String headerValue() {
        return "bytes=" + first + "-" + (last < 0 ? "" : Long.toString(last));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteRange && ((ByteRange) o).first == first && ((ByteRange) o).last == last;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(first) * 31 + Long.hashCode(last);
    }

    @Override
    public String toString() {
        return headerValue();
    }

    private static void requireStart(long first) {
        if (first < 0) {
            throw new IllegalArgumentException("range start must be at least 0 B, was " + first + " B");
        }
    }
}
