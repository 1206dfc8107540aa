package dev.sluice.throttle.tree.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The weighted max-min split of a parent's rate among its busy children. */
class FairShareTest {

    private static final long OFF = FairShare.UNLIMITED;

    @Test
    void equalWeightsSplitEvenly() {
        assertArrayEquals(new long[] {409_600, 409_600}, split(819_200, w(1, 1), a(0, 0), c(OFF, OFF)));
    }

    @Test
    void weightsTwoAndOneSplitTwoToOneAndTheRoundingBitGoesToTheLargestRemainder() {
        assertArrayEquals(new long[] {546_133, 273_067}, split(819_200, w(2, 1), a(0, 0), c(OFF, OFF)));
    }

    @Test
    void whatACappedChildCannotTakeGoesToTheOthers() {
        assertArrayEquals(new long[] {100_000, 359_600, 359_600},
                split(819_200, w(1, 1, 1), a(0, 0, 0), c(100_000, OFF, OFF)));
    }

    @Test
    void anAssuredRateIsAFloorUnderTheWeightedShare() {
        assertArrayEquals(new long[] {600_000, 219_200}, split(819_200, w(1, 10), a(600_000, 0), c(OFF, OFF)));
    }

    @Test
    void aParentSqueezedBelowTheGuaranteesScalesThemDownInProportion() {
        assertArrayEquals(new long[] {300_000, 100_000}, split(400_000, w(1, 1), a(600_000, 200_000), c(OFF, OFF)));
    }

    @Test
    void childrenWhoseCeilingsAddUpToLessThanTheParentGetTheirCeilings() {
        assertArrayEquals(new long[] {100_000, 200_000}, split(819_200, w(1, 1), a(0, 0), c(100_000, 200_000)));
    }

    @Test
    void anUnlimitedParentGivesEachChildItsCeiling() {
        assertArrayEquals(new long[] {100_000, OFF}, split(OFF, w(1, 1), a(0, 0), c(100_000, OFF)));
    }

    @Test
    void theSharesNeverAddUpToMoreThanTheParent() {
        long[] shares = split(1_000_003, w(3, 7, 11, 13), a(1, 2, 3, 4), c(OFF, 150_001, OFF, OFF));
        long sum = 0;
        for (long share : shares) {
            sum += share;
        }
        assertArrayEquals(new long[] {1_000_003}, new long[] {sum}, "all of it, not a bit more");
    }

    private static long[] split(long available, int[] weights, long[] assured, long[] ceilings) {
        return FairShare.split(available, weights, assured, ceilings);
    }

    private static int[] w(int... weights) {
        return weights;
    }

    private static long[] a(long... assured) {
        return assured;
    }

    private static long[] c(long... ceilings) {
        return ceilings;
    }
}
