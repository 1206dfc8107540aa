package dev.sluice.throttle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Taking a chunk from limiters that are all switched off, while limits are switched on in between:
 * scripted limiters flip their rate at the moment a test needs, so each interleaving is played exactly.
 */
class LimiterSetTest {

    private static final long CHUNK = 8192;

    @Test
    void takesAChunkFromEveryLimiterWhenAllAreSwitchedOff() {
        Switchable first = new Switchable();
        Switchable second = new Switchable();

        assertTrue(set(first, second).takeAllNowIfUnlimited(CHUNK));

        assertEquals(List.of(CHUNK), first.reserved);
        assertEquals(List.of(CHUNK), second.reserved);
    }

    @Test
    void aRefusalGivesTheFreeGrantBackOnlyToLimitersThatAreStillSwitchedOff() {
        Switchable switchedOnAfterItsGrant = new Switchable();
        switchedOnAfterItsGrant.switchOnAfterGrant = true;
        Switchable stillOff = new Switchable();
        Switchable refusing = new Switchable();
        refusing.refuse = true; // switched on between the check and its tryReserve, and would have to wait

        assertFalse(set(switchedOnAfterItsGrant, stillOff, refusing).takeAllNowIfUnlimited(CHUNK));

        assertEquals(List.of(), switchedOnAfterItsGrant.givenBack, "credited bytes its free grant never charged");
        assertEquals(List.of(CHUNK), stillOff.givenBack);
        assertEquals(List.of(), refusing.givenBack);
    }

    @Test
    void takesNothingWhenALimiterIsSwitchedOnBeforeTheCheck() {
        Switchable on = new Switchable();
        on.rate = DataRate.ofKibibytesPerSecond(100);
        Switchable off = new Switchable();

        assertFalse(set(off, on).takeAllNowIfUnlimited(CHUNK));

        assertEquals(List.of(), off.reserved);
        assertEquals(List.of(), on.reserved);
    }

    private static LimiterSet set(RateLimiter... limiters) {
        return new LimiterSet(List.of(limiters), () -> 0L);
    }

    /** A limiter that starts switched off, can refuse, and can be switched on right after a grant. */
    private static final class Switchable implements RateLimiter {
        final List<Long> reserved = new ArrayList<>();
        final List<Long> givenBack = new ArrayList<>();
        DataRate rate = DataRate.UNLIMITED;
        boolean refuse;
        boolean switchOnAfterGrant;

        @Override
        public long reserve(long bytes) {
            reserved.add(bytes);
            if (switchOnAfterGrant) {
                rate = DataRate.ofKibibytesPerSecond(100);
            }
            return 0;
        }

        @Override
        public long tryReserve(long bytes, long maxWaitNanos) {
            return refuse ? REFUSED : reserve(bytes);
        }

        @Override
        public long waitEstimate(long bytes) {
            return 0;
        }

        @Override
        public void giveBack(long bytes) {
            givenBack.add(bytes);
        }

        @Override
        public DataRate rate() {
            return rate;
        }

        @Override
        public void setRate(DataRate rate) {
            this.rate = rate;
        }

        @Override
        public DataSize burst() {
            return DataSize.ofKibibytes(16);
        }
    }
}
