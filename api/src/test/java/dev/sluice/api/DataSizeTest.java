package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataSizeTest {

    @Test
    void eachFactoryGivesTheExactNumberOfBytes() {
        assertEquals(1_500L, DataSize.ofBytes(1_500).bytes());
        assertEquals(3_000L, DataSize.ofKilobytes(3).bytes());
        assertEquals(2_000_000L, DataSize.ofMegabytes(2).bytes());
        assertEquals(16_384L, DataSize.ofKibibytes(16).bytes());
        assertEquals(1_048_576L, DataSize.ofMebibytes(1).bytes());
        assertEquals(1_073_741_824L, DataSize.ofGibibytes(1).bytes());
        assertEquals(1_000_000_000L, DataSize.of(1, SizeUnit.GIGABYTES).bytes());
        assertEquals(1_000_000_000_000L, DataSize.of(1, SizeUnit.TERABYTES).bytes());
        assertEquals(1_099_511_627_776L, DataSize.of(1, SizeUnit.TEBIBYTES).bytes());
    }

    @Test
    void zeroIsAValidSizeAndAlwaysTheSameInstance() {
        assertSame(DataSize.ZERO, DataSize.ofBytes(0));
        assertSame(DataSize.ZERO, DataSize.ofGibibytes(0));
        assertSame(DataSize.ZERO, DataSize.parse("0B"));
        assertEquals(0L, DataSize.ZERO.bytes());
        assertEquals("0 B", DataSize.ZERO.toString());
    }

    @Test
    void holdsTheLargestLongOfBytes() {
        assertEquals(Long.MAX_VALUE, DataSize.ofBytes(Long.MAX_VALUE).bytes());
        assertEquals(8_589_934_591L * 1_073_741_824L, DataSize.ofGibibytes(8_589_934_591L).bytes());
    }

    @Test
    void refusesANegativeSizeNamingItsUnit() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DataSize.ofKibibytes(-1));

        assertEquals("size must be at least 0 B, was -1 KiB", refused.getMessage());
    }

    @Test
    void refusesASizeBeyondALongOfBytes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DataSize.ofGibibytes(Long.MAX_VALUE));

        assertEquals("size 9223372036854775807 GiB is too large: the largest size is 9223372036854775807 B",
                refused.getMessage());
    }

    @Test
    void refusesOneGibibyteMoreThanFits() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DataSize.ofGibibytes(8_589_934_592L));

        assertEquals("size 8589934592 GiB is too large: the largest size is 9223372036854775807 B", refused.getMessage());
    }

    @Test
    void refusesANullUnit() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DataSize.of(1, null));

        assertEquals("size unit must not be null", refused.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is {1} B")
    @CsvSource(delimiter = '|', value = {
        "16KiB               | 16384",
        "1.5 MiB             | 1572864",
        "100kB               | 100000",
        "0B                  | 0",
        "'  16 KiB  '        | 16384",
        "8_192 B             | 8192",
        "2MB                 | 2000000",
        "1GB                 | 1000000000",
        "1TB                 | 1000000000000",
        "1GiB                | 1073741824",
        "1TiB                | 1099511627776",
        "0.5KiB              | 512",
        "9223372036854775807B | 9223372036854775807",
    })
    void readsANumberAndAUnit(String text, long bytes) {
        assertEquals(bytes, DataSize.parse(text).bytes());
    }

    @Test
    void refusesTheAmbiguousKbAndSuggestsDecimalOrBinary() {
        assertRefused("16KB", "\"16KB\" is not a data size: \"KB\" is ambiguous; use kB (1000) or KiB (1024)");
    }

    @Test
    void refusesAUnitInTheWrongCaseAndNamesTheRightOne() {
        assertRefused("16kb", "\"16kb\" is not a data size: unknown unit \"kb\"; did you mean kB? Units are case-sensitive");
        assertRefused("16kib", "\"16kib\" is not a data size: unknown unit \"kib\"; did you mean KiB? Units are case-sensitive");
    }

    @Test
    void refusesAnUnknownUnitAndListsTheKnownOnes() {
        assertRefused("16 KiB/s", "\"16 KiB/s\" is not a data size: unknown unit \"KiB/s\"; known units: B, kB, MB, GB,"
                + " TB, KiB, MiB, GiB, TiB");
    }

    @Test
    void refusesTextThatIsNotANumberAndAUnit() {
        String expected = " is not a data size: expected a number followed by a unit, e.g. 16KiB";
        assertRefused("abc", "\"abc\"" + expected);
        assertRefused("", "\"\"" + expected);
        assertRefused("16", "\"16\"" + expected);
        assertRefused("-1B", "\"-1B\"" + expected);
    }

    @Test
    void refusesNullText() {
        assertRefused(null, "data size text must not be null");
    }

    @Test
    void refusesASizeThatIsNotAWholeNumberOfBytes() {
        assertRefused("1.5B", "\"1.5B\" is not a data size: it is not a whole number of B (1.5 B)");
        assertRefused("0.001KiB", "\"0.001KiB\" is not a data size: it is not a whole number of B (1.024 B)");
    }

    @Test
    void refusesATextSizeBeyondALongOfBytes() {
        assertRefused("9223372036854775808B", "size 9223372036854775808B is too large: the largest size is"
                + " 9223372036854775807 B");
        assertRefused(" 8589934592 GiB ", "size 8589934592 GiB is too large: the largest size is"
                + " 9223372036854775807 B");
    }

    @Test
    void showsTheLargestUnitThatStatesTheSizeExactlyBinaryFirst() {
        assertEquals("16 KiB", DataSize.ofKibibytes(16).toString());
        assertEquals("1 kB", DataSize.ofBytes(1_000).toString());
        assertEquals("1500 B", DataSize.ofBytes(1_500).toString());
        assertEquals("1536 KiB", DataSize.parse("1.5 MiB").toString());
        assertEquals("1000 KiB", DataSize.ofBytes(1_024_000).toString());
        assertEquals("5 GB", DataSize.of(5, SizeUnit.GIGABYTES).toString());
        assertEquals("1 TiB", DataSize.of(1, SizeUnit.TEBIBYTES).toString());
        assertEquals("9223372036854775807 B", DataSize.ofBytes(Long.MAX_VALUE).toString());
    }

    @Test
    void showsOneTerabyteInTerabytes() {
        assertEquals("1 TB", DataSize.of(1, SizeUnit.TERABYTES).toString());
    }

    @Test
    void readsBackWhatItWritesForManySizes() {
        List<DataSize> sizes = new ArrayList<>();
        for (long bytes = 0; bytes <= 5000; bytes++) {
            sizes.add(DataSize.ofBytes(bytes));
        }
        for (SizeUnit unit : SizeUnit.values()) {
            for (long amount = 1; amount <= 1000; amount++) {
                sizes.add(DataSize.of(amount, unit));
            }
        }
        for (int power = 0; power <= 62; power++) {
            sizes.add(DataSize.ofBytes(1L << power));
            sizes.add(DataSize.ofBytes((1L << power) - 1));
        }
        long powerOfTen = 1;
        for (int exponent = 0; exponent <= 18; exponent++, powerOfTen *= 10) {
            sizes.add(DataSize.ofBytes(powerOfTen));
            sizes.add(DataSize.ofBytes(7 * powerOfTen));
        }
        sizes.add(DataSize.ofBytes(Long.MAX_VALUE));

        for (DataSize size : sizes) {
            String text = size.toString();
            assertEquals(size, DataSize.parse(text), text);
            assertEquals(text, DataSize.parse(text).toString());
        }
    }

    @Test
    void addsSizes() {
        assertEquals(DataSize.ofKibibytes(32), DataSize.ofKibibytes(16).plus(DataSize.ofKibibytes(16)));
        assertEquals(DataSize.ofBytes(2_024), DataSize.ofKilobytes(1).plus(DataSize.ofKibibytes(1)));
        assertEquals(DataSize.ofKibibytes(8), DataSize.ZERO.plus(DataSize.ofKibibytes(8)));
    }

    @Test
    void refusesASumBeyondALongOfBytes() {
        DataSize largest = DataSize.ofBytes(Long.MAX_VALUE);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> largest.plus(DataSize.ofBytes(1)));

        assertEquals("size 9223372036854775807 B + 1 B is too large: the largest size is 9223372036854775807 B",
                refused.getMessage());
    }

    @Test
    void ordersSizesByBytes() {
        List<DataSize> sizes = new ArrayList<>(List.of(DataSize.ofMebibytes(1), DataSize.ZERO, DataSize.ofKilobytes(1),
                DataSize.ofKibibytes(1), DataSize.ofMegabytes(1)));
        Collections.sort(sizes);

        assertEquals(List.of(DataSize.ZERO, DataSize.ofKilobytes(1), DataSize.ofKibibytes(1), DataSize.ofMegabytes(1),
                DataSize.ofMebibytes(1)), sizes);
    }

    @Test
    void sizesOfTheSameBytesAreEqualWithTheSameHashWhateverTheirUnit() {
        DataSize inKib = DataSize.ofKibibytes(16);
        DataSize inBytes = DataSize.ofBytes(16_384);

        assertEquals(inKib, inBytes);
        assertEquals(inKib.hashCode(), inBytes.hashCode());
        assertEquals(0, inKib.compareTo(inBytes));
        assertNotEquals(inKib, DataSize.ofBytes(16_383));
        assertNotEquals(inKib, "16 KiB");
    }

    private static void assertRefused(String text, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DataSize.parse(text));
        assertEquals(message, refused.getMessage());
    }
}
