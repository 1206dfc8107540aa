package dev.sluice.oss;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.Checksum;

/**
 * CRC-64 as OSS computes it for {@code x-oss-hash-crc64ecma}: CRC-64/XZ (Go's {@code crc64.ECMA}),
 * reflected polynomial {@code 0xC96C5795D7870F42}, initial value and final xor all ones. OSS sends it as
 * an unsigned decimal ({@link #toDecimal(long)}); {@code "123456789"} gives {@code 11051210869376104954}.
 *
 * <p>Eight bytes are folded per step through eight tables ("slicing-by-8"); the remaining bytes go
 * through the first table one at a time. {@link #combine(long, long, long)} derives the CRC of two
 * concatenated pieces from their CRCs, which is how the CRC of a multipart object follows from its
 * parts' CRCs without reading the data again. Not thread-safe, like every {@link Checksum}.
 *
 * <pre>{@code
 * Crc64 crc = new Crc64();
 * crc.update(buffer);
 * String header = Crc64.toDecimal(crc.getValue());   // compare with x-oss-hash-crc64ecma
 * }</pre>
 */
public final class Crc64 implements Checksum {

    /** The reflected ECMA-182 polynomial. */
    static final long POLY = 0xC96C5795D7870F42L;

    /** {@code SLICES[k][b]}: the register change of byte {@code b} followed by {@code k} zero bytes. */
    private static final long[][] SLICES = slices();
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The register, kept un-inverted so that continuing and resetting are trivial. */
    private long register = -1L;

    /** A CRC of no bytes (value 0). */
    public Crc64() {
    }

    /** The CRC-64 of {@code bytes}. */
    public static long of(byte[] bytes) {
        Crc64 crc = new Crc64();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue();
    }

    @Override
    public void update(int b) {
        register = SLICES[0][(int) (register ^ b) & 0xff] ^ (register >>> 8);
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new ArrayIndexOutOfBoundsException("range " + offset + "+" + length + " outside an array of " + bytes.length + " B");
        }
        long crc = register;
        int i = offset;
        int end = offset + length;
        for (; i <= end - 8; i += 8) {
            crc = fold8(crc ^ (long) LONG_LE.get(bytes, i));
        }
        for (; i < end; i++) {
            crc = SLICES[0][(int) (crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
        }
        register = crc;
    }

    /** Adds the remaining bytes of {@code buffer}, leaving its position at its limit. */
    @Override
    public void update(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            int position = buffer.position();
            update(buffer.array(), buffer.arrayOffset() + position, buffer.remaining());
            buffer.position(buffer.limit());
            return;
        }
        // direct or read-only: read longs through a little-endian view, without copying
        ByteOrder order = buffer.order();
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        long crc = register;
        while (buffer.remaining() >= 8) {
            crc = fold8(crc ^ buffer.getLong());
        }
        while (buffer.hasRemaining()) {
            crc = SLICES[0][(int) (crc ^ buffer.get()) & 0xff] ^ (crc >>> 8);
        }
        buffer.order(order);
        register = crc;
    }

    /** The CRC of the bytes so far, as a signed long holding the unsigned 64-bit value. */
    @Override
    public long getValue() {
        return ~register;
    }

    @Override
    public void reset() {
        register = -1L;
    }

    /** {@code crc} as OSS writes it: an unsigned decimal, e.g. {@code "11051210869376104954"}. */
    public static String toDecimal(long crc) {
        return Long.toUnsignedString(crc);
    }

    /**
     * Reads an {@code x-oss-hash-crc64ecma} value.
     *
     * @throws IllegalArgumentException if {@code decimal} is not an unsigned 64-bit decimal
     */
    public static long parseDecimal(String decimal) {
        try {
            return Long.parseUnsignedLong(decimal.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("x-oss-hash-crc64ecma must be an unsigned 64-bit decimal, was \"" + decimal + "\"", e);
        }
    }

    /**
     * The CRC of A followed by B, from {@code crcA}, {@code crcB} and B's length, without the data.
     *
     * <p>Appending {@code lengthB} bytes moves A's register through a linear map (GF(2)); the map for
     * {@code lengthB} zero bytes is built by repeated squaring of the one-zero-bit map, so the cost is
     * logarithmic in the length. The all-ones initial value and final xor cancel out in the sum.
     *
     * @throws IllegalArgumentException if {@code lengthB} is negative
     */
    public static long combine(long crcA, long crcB, long lengthB) {
        if (lengthB < 0) {
            throw new IllegalArgumentException("length of the second piece must be at least 0 B, was " + lengthB + " B");
        }
        if (lengthB == 0) {
            return crcA;
        }
        long[] odd = new long[64];
        long[] even = new long[64];
        odd[0] = POLY; // one zero bit: shift right, xor the polynomial when the low bit falls out
        for (int n = 1; n < 64; n++) {
            odd[n] = 1L << (n - 1);
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = crcA;
        long remaining = lengthB;
        // each round squares once more: the first applies one zero byte (8 bits), then 2, 4, 8... bytes
        while (true) {
            square(even, odd);
            if ((remaining & 1) != 0) {
                crc = times(even, crc);
            }
            remaining >>>= 1;
            if (remaining == 0) {
                break;
            }
            square(odd, even);
            if ((remaining & 1) != 0) {
                crc = times(odd, crc);
            }
            remaining >>>= 1;
            if (remaining == 0) {
                break;
            }
        }
        return crc ^ crcB;
    }

    @Override
    public String toString() {
        return "Crc64[" + toDecimal(getValue()) + "]";
    }

    private static long fold8(long x) {
        return SLICES[7][(int) x & 0xff]
                ^ SLICES[6][(int) (x >>> 8) & 0xff]
                ^ SLICES[5][(int) (x >>> 16) & 0xff]
                ^ SLICES[4][(int) (x >>> 24) & 0xff]
                ^ SLICES[3][(int) (x >>> 32) & 0xff]
                ^ SLICES[2][(int) (x >>> 40) & 0xff]
                ^ SLICES[1][(int) (x >>> 48) & 0xff]
                ^ SLICES[0][(int) (x >>> 56) & 0xff];
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 64; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }

    private static long[][] slices() {
        long[][] slices = new long[8][256];
        for (int b = 0; b < 256; b++) {
            long entry = b;
            for (int bit = 0; bit < 8; bit++) {
                entry = (entry & 1) != 0 ? (entry >>> 1) ^ POLY : entry >>> 1;
            }
            slices[0][b] = entry;
        }
        for (int k = 1; k < 8; k++) {
            for (int b = 0; b < 256; b++) {
                long previous = slices[k - 1][b];
                slices[k][b] = (previous >>> 8) ^ slices[0][(int) previous & 0xff];
            }
        }
        return slices;
    }
}
