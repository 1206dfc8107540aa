package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataRateTest {

    private static final DataRate OSS_CONNECTION_LIMIT = DataRate.ofBitsPerSecond(819_200);

    @Test
    void eachFactoryGivesTheExactNumberOfBitsPerSecond() {
        assertEquals(819_200L, DataRate.ofBitsPerSecond(819_200).bitsPerSecond());
        assertEquals(3_000L, DataRate.ofKilobitsPerSecond(3).bitsPerSecond());
        assertEquals(8_000_000L, DataRate.ofMegabitsPerSecond(8).bitsPerSecond());
        assertEquals(2_000_000_000L, DataRate.ofGigabitsPerSecond(2).bitsPerSecond());
        assertEquals(819_200L, DataRate.ofBytesPerSecond(102_400).bitsPerSecond());
        assertEquals(40_000L, DataRate.ofKilobytesPerSecond(5).bitsPerSecond());
        assertEquals(40_000_000L, DataRate.ofMegabytesPerSecond(5).bitsPerSecond());
        assertEquals(819_200L, DataRate.ofKibibytesPerSecond(100).bitsPerSecond());
        assertEquals(8_388_608L, DataRate.ofMebibytesPerSecond(1).bitsPerSecond());
        assertEquals(8_589_934_592L, DataRate.ofGibibytesPerSecond(1).bitsPerSecond());
        assertEquals(8_000_000_000L, DataRate.of(1, RateUnit.GIGABYTES_PER_SECOND).bitsPerSecond());
    }

    @Test
    void theOssConnectionLimitIs819200BitPerSecondOr100KibPerSecondOr102400BytesPerSecond() {
        assertEquals(OSS_CONNECTION_LIMIT, DataRate.ofKibibytesPerSecond(100));
        assertEquals(OSS_CONNECTION_LIMIT, DataRate.ofBytesPerSecond(102_400));
        assertEquals(OSS_CONNECTION_LIMIT, DataRate.of(819_200, RateUnit.BITS_PER_SECOND));
        assertEquals(102_400.0, OSS_CONNECTION_LIMIT.bytesPerSecond());
    }

    @Test
    void givesBytesPerSecondWithAFractionWhenTheBitsAreNotAMultipleOfEight() {
        assertEquals(1.5, DataRate.ofBitsPerSecond(12).bytesPerSecond());
        assertEquals(Double.POSITIVE_INFINITY, DataRate.UNLIMITED.bytesPerSecond());
    }

    @Test
    void unlimitedIsTheLargestLongOfBitsPerSecondAndNoFactoryReachesIt() {
        assertTrue(DataRate.UNLIMITED.isUnlimited());
        assertEquals(Long.MAX_VALUE, DataRate.UNLIMITED.bitsPerSecond());
        DataRate largestFinite = DataRate.ofBitsPerSecond(Long.MAX_VALUE - 1);
        assertFalse(largestFinite.isUnlimited());
        assertTrue(largestFinite.compareTo(DataRate.UNLIMITED) < 0);
    }

    @Test
    void acceptsTheLargestWholeNumberOfGibibytesPerSecondThatFits() {
        assertEquals(1_073_741_823L * 8_589_934_592L, DataRate.ofGibibytesPerSecond(1_073_741_823).bitsPerSecond());
    }

    @Test
    void refusesAZeroRateAndPointsToUnlimited() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DataRate.ofKibibytesPerSecond(0));

        assertEquals("rate must be at least 1 bit/s, was 0 KiB/s (use DataRate.UNLIMITED for no limit)",
                refused.getMessage());
    }

    @Test
    void refusesANegativeRate() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DataRate.ofBitsPerSecond(-819_200));

        assertEquals("rate must be at least 1 bit/s, was -819200 bit/s (use DataRate.UNLIMITED for no limit)",
                refused.getMessage());
    }

    @Test
    void refusesARateThatOverflowsALongOfBitsPerSecond() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DataRate.ofGibibytesPerSecond(Long.MAX_VALUE));

        assertEquals("rate 9223372036854775807 GiB/s is too large: the largest finite rate is 9223372036854775806"
                + " bit/s (use DataRate.UNLIMITED for no limit)", refused.getMessage());
    }

    @Test
    void refusesOneGibibytePerSecondMoreThanFits() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DataRate.ofGibibytesPerSecond(1_073_741_824));

        assertEquals("rate 1073741824 GiB/s is too large: the largest finite rate is 9223372036854775806"
                + " bit/s (use DataRate.UNLIMITED for no limit)", refused.getMessage());
    }

    @Test
    void refusesTheUnlimitedValueAsAFiniteNumberOfBitsPerSecond() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DataRate.ofBitsPerSecond(Long.MAX_VALUE));

        assertEquals("rate 9223372036854775807 bit/s is too large: the largest finite rate is 9223372036854775806"
                + " bit/s (use DataRate.UNLIMITED for no limit)", refused.getMessage());
    }

    @Test
    void refusesANullUnit() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DataRate.of(1, null));

        assertEquals("rate unit must not be null", refused.getMessage());
    }

    @Test
    void showsTheLargestUnitThatStatesTheRateExactly() {
        assertEquals("100 KiB/s", OSS_CONNECTION_LIMIT.toString());
        assertEquals("8 Mbit/s", DataRate.ofMegabitsPerSecond(8).toString());
        assertEquals("100 B/s", DataRate.ofBytesPerSecond(100).toString());
        assertEquals("12 bit/s", DataRate.ofBitsPerSecond(12).toString());
        assertEquals("unlimited", DataRate.UNLIMITED.toString());
        assertEquals("2 GiB/s", DataRate.ofGibibytesPerSecond(2).toString());
        assertEquals("1 MiB/s", DataRate.ofMebibytesPerSecond(1).toString());
        assertEquals("1536 KiB/s", DataRate.parse("1.5 MiB/s").toString());
        assertEquals("1 Gbit/s", DataRate.ofGigabitsPerSecond(1).toString());
        assertEquals("8 kbit/s", DataRate.ofKilobytesPerSecond(1).toString());
        assertEquals("128 B/s", DataRate.ofBitsPerSecond(1024).toString());
        assertEquals("9223372036854775806 bit/s", DataRate.ofBitsPerSecond(Long.MAX_VALUE - 1).toString());
    }

    @Test
    void showsSixtyFourGigabitsPerSecondInGigabitsPerSecond() {
        assertEquals("64 Gbit/s", DataRate.ofGigabitsPerSecond(64).toString());
    }

    @Test
    void sendsEightKibIn80MillisecondsAt819200BitPerSecond() {
        assertEquals(80_000_000L, OSS_CONNECTION_LIMIT.nanosToSend(8192));
        assertEquals(Duration.ofMillis(80), OSS_CONNECTION_LIMIT.timeToSend(DataSize.ofKibibytes(8)));
    }

    @Test
    void roundsTheTimeToSendUpSoThatPacingNeverRunsFast() {
        assertEquals(2_666_666_667L, DataRate.ofBitsPerSecond(3).nanosToSend(1));
        assertEquals(1L, DataRate.ofBitsPerSecond(Long.MAX_VALUE - 1).nanosToSend(1));
        assertEquals(9_766L, OSS_CONNECTION_LIMIT.nanosToSend(1));
    }

    @Test
    void takesNoTimeToSendNothingOrToSendAtAnUnlimitedRate() {
        assertEquals(0L, OSS_CONNECTION_LIMIT.nanosToSend(0));
        assertEquals(0L, DataRate.UNLIMITED.nanosToSend(Long.MAX_VALUE));
        assertEquals(Duration.ZERO, DataRate.UNLIMITED.timeToSend(DataSize.ofGibibytes(1)));
    }

    @Test
    void givesTheSameTimeOnBothSidesOfTheLongArithmeticLimit() {
        // 1,152,921,504 B is the most for which bytes * 8e9 fits in a long; one more takes the BigInteger path.
        assertEquals(11_258_999_062_500L, OSS_CONNECTION_LIMIT.nanosToSend(1_152_921_504L));
        assertEquals(11_258_999_072_266L, OSS_CONNECTION_LIMIT.nanosToSend(1_152_921_505L));
        assertEquals(3_074_457_346_666_666_667L, DataRate.ofBitsPerSecond(3).nanosToSend(1_152_921_505L));
    }

    @Test
    void givesExactTimesForHugeByteCounts() {
        assertEquals(8_000_000_000_000L, DataRate.ofGigabitsPerSecond(1).nanosToSend(1_000_000_000_000L));
        assertEquals(1_024_000_000_000L, DataRate.ofGibibytesPerSecond(1).nanosToSend(1L << 40));
        assertEquals(Long.MAX_VALUE, DataRate.of(1, RateUnit.GIGABYTES_PER_SECOND).nanosToSend(Long.MAX_VALUE));
    }

    @Test
    void saturatesATimeToSendBeyondALongOfNanoseconds() {
        assertEquals(Long.MAX_VALUE, OSS_CONNECTION_LIMIT.nanosToSend(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, DataRate.ofBitsPerSecond(1).nanosToSend(2_000_000_000L));
    }

    @Test
    void refusesANegativeByteCountToSend() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> OSS_CONNECTION_LIMIT.nanosToSend(-1));

        assertEquals("byte count must be at least 0 B, was -1 B", refused.getMessage());
    }

    @Test
    void movesWholeBytesRoundedDownInAGivenTime() {
        assertEquals(8192L, OSS_CONNECTION_LIMIT.bytesIn(80_000_000L));
        assertEquals(102_400L, OSS_CONNECTION_LIMIT.bytesIn(1_000_000_000L));
        assertEquals(0L, OSS_CONNECTION_LIMIT.bytesIn(9_765L));
        assertEquals(1L, OSS_CONNECTION_LIMIT.bytesIn(9_766L));
        assertEquals(1L, DataRate.ofBitsPerSecond(12).bytesIn(1_000_000_000L));
    }

    @Test
    void movesNothingInNoTimeOrNegativeTime() {
        assertEquals(0L, OSS_CONNECTION_LIMIT.bytesIn(0));
        assertEquals(0L, OSS_CONNECTION_LIMIT.bytesIn(-80_000_000L));
        assertEquals(0L, DataRate.UNLIMITED.bytesIn(0));
    }

    @Test
    void movesEverythingAtAnUnlimitedRateAndSaturatesHugeAmounts() {
        assertEquals(Long.MAX_VALUE, DataRate.UNLIMITED.bytesIn(1));
        assertEquals(Long.MAX_VALUE, DataRate.ofBitsPerSecond(Long.MAX_VALUE - 1).bytesIn(Long.MAX_VALUE));
        assertEquals(1_152_921_504_606_846_975L, DataRate.ofBitsPerSecond(Long.MAX_VALUE - 1).bytesIn(1_000_000_000L));
    }

    @Test
    void ordersRatesByBitsPerSecondWithUnlimitedLast() {
        List<DataRate> rates = new ArrayList<>(List.of(DataRate.UNLIMITED, DataRate.ofMebibytesPerSecond(1),
                DataRate.ofBitsPerSecond(1), OSS_CONNECTION_LIMIT, DataRate.ofMegabitsPerSecond(8)));
        Collections.sort(rates);

        assertEquals(List.of(DataRate.ofBitsPerSecond(1), OSS_CONNECTION_LIMIT, DataRate.ofMegabitsPerSecond(8),
                DataRate.ofMebibytesPerSecond(1), DataRate.UNLIMITED), rates);
        assertEquals(0, OSS_CONNECTION_LIMIT.compareTo(DataRate.ofKibibytesPerSecond(100)));
    }

    @Test
    void ratesOfTheSameBitsAreEqualWithTheSameHashWhateverTheirUnit() {
        DataRate inKib = DataRate.ofKibibytesPerSecond(100);
        DataRate inBytes = DataRate.ofBytesPerSecond(102_400);

        assertEquals(inKib, inBytes);
        assertEquals(inKib.hashCode(), inBytes.hashCode());
        assertEquals(Long.hashCode(819_200), inKib.hashCode());
        assertNotEquals(inKib, DataRate.ofBitsPerSecond(819_201));
        assertNotEquals(inKib, "100 KiB/s");
        assertNotEquals(inKib, null);
    }
}
