package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Crc64Test {

    @Test
    void matchesTheCheckValuesOfTheReference() {
        assertEquals(0L, Crc64.of(new byte[0]));
        assertEquals("11051210869376104954", Crc64.toDecimal(Crc64.of(ascii("123456789"))));
        assertEquals(0x995DC9BBDF1939FAL, Crc64.of(ascii("123456789")));
        assertEquals(0x27DB187FC15BBC72L, Crc64.of(ascii("This is a test of the emergency broadcast system.")));
        assertEquals(0x53037ECDEF2352DAL, Crc64.of(ascii("hello world")));
    }

    @Test
    void leavesTheReferenceResidueAfterItsOwnComplementedCrc() {
        // the register (before the final inversion) after data plus its own CRC, little-endian, is the residue
        byte[] data = ascii("123456789");
        ByteBuffer withCrc = ByteBuffer.allocate(data.length + 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        withCrc.put(data).putLong(Crc64.of(data)).flip();
        Crc64 crc = new Crc64();
        crc.update(withCrc);
        assertEquals(0x49958C9ABD7D353FL, ~crc.getValue());
    }

    @Test
    void slicingByEightAgreesWithABitwiseReferenceAtEveryLengthAndOffset() {
        Random random = new Random(42);
        byte[] data = new byte[300];
        random.nextBytes(data);
        for (int offset = 0; offset < 9; offset++) {
            for (int length = 0; length <= data.length - offset; length += 1 + length / 16) {
                Crc64 crc = new Crc64();
                crc.update(data, offset, length);
                assertEquals(bitwise(data, offset, length), crc.getValue(), "offset " + offset + ", length " + length);
            }
        }
    }

    @Test
    void continuesAcrossUpdatesAndResets() {
        byte[] data = ascii("This is a test of the emergency broadcast system.");
        Crc64 crc = new Crc64();
        crc.update(data, 0, 5);
        crc.update(data[5]);
        crc.update(data, 6, data.length - 6);
        assertEquals(0x27DB187FC15BBC72L, crc.getValue());
        crc.reset();
        assertEquals(0L, crc.getValue());
    }

    @Test
    void readsHeapDirectAndReadOnlyBuffersAlike() {
        byte[] data = ascii("This is a test of the emergency broadcast system.");
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length + 3);
        direct.put(new byte[3]).put(data).flip().position(3);
        ByteBuffer heapSlice = ByteBuffer.wrap(new byte[data.length + 7]).position(7).slice().put(data).flip();
        for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.wrap(data), direct, heapSlice, ByteBuffer.wrap(data).asReadOnlyBuffer()}) {
            Crc64 crc = new Crc64();
            crc.update(buffer);
            assertEquals(0x27DB187FC15BBC72L, crc.getValue(), buffer.toString());
            assertEquals(0, buffer.remaining());
        }
    }

    @Test
    void combinesPartCrcsIntoTheCrcOfTheWhole() {
        Random random = new Random(7);
        byte[] data = new byte[10_000];
        random.nextBytes(data);
        long whole = Crc64.of(data);
        for (int split : new int[] {0, 1, 7, 8, 9, 4096, 9_999, 10_000}) {
            long a = crcOf(data, 0, split);
            long b = crcOf(data, split, data.length - split);
            assertEquals(whole, Crc64.combine(a, b, data.length - split), "split at " + split);
        }
    }

    @Test
    void combinesThreePartsInOrder() {
        byte[] data = ascii("hello world, hello OSS, hello parts");
        long combined = Crc64.combine(Crc64.combine(crcOf(data, 0, 11), crcOf(data, 11, 12), 12), crcOf(data, 23, data.length - 23),
                data.length - 23);
        assertEquals(Crc64.of(data), combined);
    }

    @Test
    void combinesALongZeroRunLikeTheDirectComputation() {
        byte[] zeros = new byte[1 << 20];
        long prefix = Crc64.of(ascii("hello world"));
        Crc64 direct = new Crc64();
        direct.update(ascii("hello world"), 0, 11);
        direct.update(zeros, 0, zeros.length);
        assertEquals(direct.getValue(), Crc64.combine(prefix, Crc64.of(zeros), zeros.length));
    }

    @Test
    void refusesANegativeLengthForCombine() {
        assertEquals("length of the second piece must be at least 0 B, was -1 B",
                assertThrows(IllegalArgumentException.class, () -> Crc64.combine(1, 2, -1)).getMessage());
    }

    @Test
    void readsAndWritesTheUnsignedDecimalHeaderForm() {
        assertEquals(0x995DC9BBDF1939FAL, Crc64.parseDecimal("11051210869376104954"));
        assertEquals("18446744073709551615", Crc64.toDecimal(-1L));
        assertEquals("x-oss-hash-crc64ecma must be an unsigned 64-bit decimal, was \"-5\"",
                assertThrows(IllegalArgumentException.class, () -> Crc64.parseDecimal("-5")).getMessage());
    }

    @Test
    void namesBothValuesWhenAMismatchIsReported() {
        assertEquals("CRC-64 mismatch on GetObject oss://b/k: computed 1 locally but OSS reported 18446744073709551615"
                + " (x-oss-hash-crc64ecma); the data is corrupt", new Crc64MismatchException("GetObject oss://b/k", 1, -1).getMessage());
    }

    private static long crcOf(byte[] data, int offset, int length) {
        Crc64 crc = new Crc64();
        crc.update(data, offset, length);
        return crc.getValue();
    }

    /** The definition, one bit at a time, with no table: an oracle independent of the slicing tables. */
    private static long bitwise(byte[] data, int offset, int length) {
        long register = -1L;
        for (int i = offset; i < offset + length; i++) {
            register ^= data[i] & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                register = (register & 1) != 0 ? (register >>> 1) ^ 0xC96C5795D7870F42L : register >>> 1;
            }
        }
        return ~register;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
