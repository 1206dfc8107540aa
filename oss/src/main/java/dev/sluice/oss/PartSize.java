package dev.sluice.oss;

import dev.sluice.api.DataSize;

/**
 * How large the parts of a multipart upload are, by the rule of the oss2 SDK's {@code determine_part_size}.
 *
 * <p>Start from the preferred size. An object smaller than it is one part. Otherwise double the size
 * until the object fits in {@link #MAX_PARTS} parts. Doubling (rather than dividing the object exactly)
 * keeps parts a multiple of the preferred size, which keeps file reads aligned and part boundaries
 * predictable across retries. Every part but the last must be at least {@link #MIN_PART} (OSS refuses
 * smaller ones only at CompleteMultipartUpload, after the whole upload, with {@code EntityTooSmall}), so a
 * preferred size below it is refused up front.
 */
public final class PartSize {

    /** The smallest part OSS accepts except the last: 100 KiB. */
    public static final DataSize MIN_PART = DataSize.ofKibibytes(100);
    /** The largest part OSS accepts: 5 GiB. */
    public static final DataSize MAX_PART = DataSize.ofGibibytes(5);
    /** The most parts in one upload. */
    public static final int MAX_PARTS = 10_000;
    /** The preferred size when the caller has none: 10 MiB, as oss2's default. */
    public static final DataSize DEFAULT_PREFERRED = DataSize.ofMebibytes(10);

    private PartSize() {
    }

    /**
     * The part size for an object of {@code total} bytes, starting from {@code preferred}.
     *
     * @throws IllegalArgumentException if {@code total} is negative, {@code preferred} is below 100 KiB or
     *     above 5 GiB, or the object needs more than 10,000 parts of 5 GiB
     */
    public static long determine(long total, DataSize preferred) {
        if (total < 0) {
            throw new IllegalArgumentException("object size must be at least 0 B, was " + total + " B");
        }
        if (preferred == null || preferred.bytes() < MIN_PART.bytes()) {
            throw new IllegalArgumentException("part size " + (preferred == null ? "null" : preferred.bytes() + " B")
                    + " is below the OSS minimum of " + MIN_PART.bytes() + " B (100 KiB)");
        }
        if (preferred.bytes() > MAX_PART.bytes()) {
            throw new IllegalArgumentException("part size " + preferred.bytes() + " B is above the OSS maximum of "
                    + MAX_PART.bytes() + " B (5 GiB)");
        }
        if (total < preferred.bytes()) {
            return Math.max(total, 1);
        }
        long size = preferred.bytes();
        while (partCount(total, size) > MAX_PARTS) {
            size *= 2;
        }
        if (size > MAX_PART.bytes()) {
            throw new IllegalArgumentException("object size " + total + " B needs parts of " + size + " B to fit in "
                    + MAX_PARTS + " parts, above the OSS maximum part of " + MAX_PART.bytes() + " B (5 GiB)");
        }
        return size;
    }

    /** The number of parts of {@code size} bytes that {@code total} bytes make (at least 1). */
    public static long partCount(long total, long size) {
        return Math.max(1, (total + size - 1) / size);
    }
}
