package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataRateParseTest {

    @ParameterizedTest(name = "\"{0}\" is {1} bit/s")
    @CsvSource(delimiter = '|', value = {
        "100KiB/s        | 819200",
        "819200bit/s     | 819200",
        "8Mbit/s         | 8000000",
        "1.5 MiB/s       | 12582912",
        "819_200 bit/s   | 819200",
        "'  100 KiB/s  ' | 819200",
        "102400B/s       | 819200",
        "1kbit/s         | 1000",
        "2Gbit/s         | 2000000000",
        "5kB/s           | 40000",
        "5MB/s           | 40000000",
        "1GB/s           | 8000000000",
        "1GiB/s          | 8589934592",
        "0.125B/s        | 1",
        "9223372036854775806bit/s | 9223372036854775806",
    })
    void readsANumberAndAUnit(String text, long bitsPerSecond) {
        assertEquals(bitsPerSecond, DataRate.parse(text).bitsPerSecond());
    }

    @Test
    void readsTheOssConnectionLimitInEachOfItsSpellings() {
        DataRate limit = DataRate.ofBitsPerSecond(819_200);

        assertEquals(limit, DataRate.parse("100KiB/s"));
        assertEquals(limit, DataRate.parse("819200bit/s"));
        assertEquals(limit, DataRate.parse("819_200 bit/s"));
        assertEquals(limit, DataRate.parse("102400B/s"));
    }

    @Test
    void readsUnlimitedWithSurroundingSpace() {
        assertSame(DataRate.UNLIMITED, DataRate.parse("unlimited"));
        assertSame(DataRate.UNLIMITED, DataRate.parse(" unlimited\t"));
    }

    @Test
    void readsBackWhatItWritesForEveryRateFromOneTo5000BitPerSecond() {
        for (long bits = 1; bits <= 5000; bits++) {
            assertRoundTrip(DataRate.ofBitsPerSecond(bits));
        }
    }

    @Test
    void readsBackWhatItWritesForMultiplesOfEveryUnitAndForPowersOfTwoAndTen() {
        List<DataRate> rates = new ArrayList<>();
        for (RateUnit unit : RateUnit.values()) {
            for (long amount = 1; amount <= 1000; amount++) {
                rates.add(DataRate.of(amount, unit));
            }
            rates.add(DataRate.of(1_048_577, unit));
        }
        for (int power = 0; power <= 62; power++) {
            rates.add(DataRate.ofBitsPerSecond(1L << power));
            rates.add(DataRate.ofBitsPerSecond((1L << power) + 1));
        }
        long powerOfTen = 1;
        for (int exponent = 0; exponent <= 18; exponent++, powerOfTen *= 10) {
            rates.add(DataRate.ofBitsPerSecond(powerOfTen));
            rates.add(DataRate.ofBitsPerSecond(3 * powerOfTen));
        }
        rates.add(DataRate.ofBitsPerSecond(Long.MAX_VALUE - 1));
        rates.add(DataRate.ofBitsPerSecond(Long.MAX_VALUE - 2));
        rates.add(DataRate.ofGibibytesPerSecond(1_073_741_823));
        rates.add(DataRate.UNLIMITED);

        for (DataRate rate : rates) {
            assertRoundTrip(rate);
        }
    }

    @Test
    void refusesTheAmbiguousKbAndSuggestsDecimalOrBinary() {
        assertRefused("100KB/s", "\"100KB/s\" is not a data rate: \"KB/s\" is ambiguous; use kB/s (1000) or KiB/s (1024)");
    }

    @Test
    void refusesAUnitInTheWrongCaseAndNamesTheRightOne() {
        assertRefused("100kb/s", "\"100kb/s\" is not a data rate: unknown unit \"kb/s\"; for bits write kbit/s,"
                + " for bytes kB/s");
        assertRefused("8Mbps", "\"8Mbps\" is not a data rate: unknown unit \"Mbps\"; for bits write Mbit/s,"
                + " for bytes MB/s");
        assertRefused("8mbit/s", "\"8mbit/s\" is not a data rate: unknown unit \"mbit/s\"; did you mean Mbit/s?"
                + " Units are case-sensitive");
        assertRefused("100Kbit/s", "\"100Kbit/s\" is not a data rate: unknown unit \"Kbit/s\"; did you mean kbit/s?"
                + " Units are case-sensitive");
    }

    @Test
    void pointsMbPerSecondToMegabitsPerSecond() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DataRate.parse("100Mb/s"));

        assertTrue(refused.getMessage().contains("Mbit/s"), refused.getMessage());
    }

    @Test
    void refusesAnUnknownUnitAndListsTheKnownOnes() {
        assertRefused("100 furlongs/s", "\"100 furlongs/s\" is not a data rate: unknown unit \"furlongs/s\"; known"
                + " units: bit/s, kbit/s, Mbit/s, Gbit/s, B/s, kB/s, MB/s, GB/s, KiB/s, MiB/s, GiB/s");
    }

    @Test
    void refusesASizeWhereARateIsExpected() {
        assertRefused("100KiB", "\"100KiB\" is not a data rate: unknown unit \"KiB\"; known"
                + " units: bit/s, kbit/s, Mbit/s, Gbit/s, B/s, kB/s, MB/s, GB/s, KiB/s, MiB/s, GiB/s");
    }

    @Test
    void refusesTextThatIsNotANumberAndAUnit() {
        String expected = " is not a data rate: expected a number followed by a unit, e.g. 16KiB/s";
        assertRefused("abc", "\"abc\"" + expected);
        assertRefused("", "\"\"" + expected);
        assertRefused("100", "\"100\"" + expected);
        assertRefused("KiB/s", "\"KiB/s\"" + expected);
        assertRefused("-5bit/s", "\"-5bit/s\"" + expected);
        assertRefused("1e6bit/s", "\"1e6bit/s\"" + expected);
        assertRefused("Unlimited", "\"Unlimited\"" + expected);
    }

    @Test
    void refusesNullText() {
        assertRefused(null, "data rate text must not be null");
    }

    @Test
    void refusesZeroAndPointsToUnlimited() {
        assertRefused("0bit/s", "\"0bit/s\" is not a data rate: rate must be at least 1 bit/s"
                + " (use \"unlimited\" for no limit)");
        assertRefused("0.0 KiB/s", "\"0.0 KiB/s\" is not a data rate: rate must be at least 1 bit/s"
                + " (use \"unlimited\" for no limit)");
    }

    @Test
    void refusesARateThatIsNotAWholeNumberOfBitsPerSecond() {
        assertRefused("1.5bit/s", "\"1.5bit/s\" is not a data rate: it is not a whole number of bit/s (1.5 bit/s)");
        assertRefused("0.1B/s", "\"0.1B/s\" is not a data rate: it is not a whole number of bit/s (0.8 bit/s)");
    }

    @Test
    void refusesARateAboveTheLargestFiniteRate() {
        assertRefused("9223372036854775807bit/s", "\"9223372036854775807bit/s\" is not a data rate: the largest finite"
                + " rate is 9223372036854775806 bit/s (use \"unlimited\" for no limit)");
        assertRefused(" 99999999999 GiB/s ", "\" 99999999999 GiB/s \" is not a data rate: the largest finite"
                + " rate is 9223372036854775806 bit/s (use \"unlimited\" for no limit)");
    }

    private static void assertRoundTrip(DataRate rate) {
        String text = rate.toString();
        DataRate read = DataRate.parse(text);
        assertEquals(rate, read, text);
        assertEquals(text, read.toString());
    }

    private static void assertRefused(String text, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DataRate.parse(text));
        assertEquals(message, refused.getMessage());
    }
}
