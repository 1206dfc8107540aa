package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataSize;
import org.junit.jupiter.api.Test;

class PartSizeTest {

    @Test
    void keepsThePreferredSizeWhenTheObjectFitsInTenThousandParts() {
        assertEquals(10L << 20, PartSize.determine(50L << 30, PartSize.DEFAULT_PREFERRED));
        assertEquals(102_400, PartSize.determine(1_024_000_000L, PartSize.MIN_PART));
    }

    @Test
    void doublesThePartSizeUntilTheObjectFitsInTenThousandParts() {
        // 1 TiB in 10 MiB parts would be 104,858 parts: 160 MiB makes 6,554
        assertEquals(160L << 20, PartSize.determine(1L << 40, PartSize.DEFAULT_PREFERRED));
        assertEquals(204_800, PartSize.determine(1_024_000_001L, PartSize.MIN_PART));
        assertEquals(10_000, PartSize.partCount(1_024_000_000L, 102_400));
    }

    @Test
    void makesAnObjectSmallerThanOnePartOnePart() {
        assertEquals(5000, PartSize.determine(5000, PartSize.DEFAULT_PREFERRED));
        assertEquals(1, PartSize.partCount(5000, 5000));
        assertEquals(1, PartSize.determine(0, PartSize.MIN_PART));
    }

    @Test
    void refusesAPreferredPartBelowOneHundredKibibytes() {
        assertEquals("part size 102399 B is below the OSS minimum of 102400 B (100 KiB)", assertThrows(IllegalArgumentException.class,
                () -> PartSize.determine(1 << 20, DataSize.ofBytes(102_399))).getMessage());
    }

    @Test
    void refusesAnObjectThatNeedsPartsAboveFiveGibibytes() {
        assertEquals("object size 53687091200001 B needs parts of 10737418240 B to fit in 10000 parts, above the OSS maximum part"
                + " of 5368709120 B (5 GiB)", assertThrows(IllegalArgumentException.class,
                () -> PartSize.determine(10_000L * (5L << 30) + 1, PartSize.DEFAULT_PREFERRED)).getMessage());
        assertEquals("object size must be at least 0 B, was -1 B",
                assertThrows(IllegalArgumentException.class, () -> PartSize.determine(-1, PartSize.MIN_PART)).getMessage());
    }
}
