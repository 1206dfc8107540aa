package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.tree.DirectionalRate;
import dev.sluice.throttle.tree.LimitTree;
import dev.sluice.throttle.tree.NodeLimits;
import dev.sluice.throttle.tree.NodeSnapshot;
import dev.sluice.throttle.tree.TreeTransfer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A limit tree's reallocations racing its reservations, acted out deterministically on virtual time: a
 * ticker or listener hook runs "another thread's" call at the exact point of interest; and the edges found
 * with them (the idle sweep when nobody reserves, a pause's arithmetic, the ticker's wrap, closing mid-wait).
 * Found in review; each of these once failed, except the late-allocation test (a design point) and the
 * timer-cancel test (the timer is new).
 */
class LimitTreeRaceTest {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN = TimeUnit.MINUTES.toNanos(1);
    private static final DataRate HALF = DataRate.ofBitsPerSecond(409_600);
    private static final DataRate WHOLE = DataRate.ofBitsPerSecond(819_200);

    private final FakeTime time = new FakeTime();
    private final HookTicker ticker = new HookTicker(time);

    @Test
    void aReservationThatAnIdleSweepOvertakesMakesItsTransferBusyAgainAndItsSiblingGivesBackTheBorrowedShare() {
        LimitTree tree = tree("global=819200bit/s; bucket:a; bucket:b");
        RateLimiter a = tree.open("bucket:a").upload();
        RateLimiter b = tree.open("bucket:b").upload();
        a.reserve(KIB);
        b.reserve(KIB);
        time.advance(100 * MS);
        // a's reservation has read the clock and checked that a is busy; before its bucket is charged, "another
        // thread" reserves on b one idle window later, whose sweep finds a's last reservation 200 ms old
        ticker.hookAtReading(2, () -> {
            time.advance(200 * MS);
            b.reserve(KIB);
        });

        a.reserve(MIB); // 20.48 s at a's half

        time.advance(0); // the siblings' new rates are applied by a task on the scheduler
        assertEquals(HALF, a.rate(), "a waits at its half");
        assertEquals(HALF, b.rate(), "so b must not keep a's half as well: 150 % of the parent for 20 s");
    }

    @Test
    void aTransferWaitingOnOneLargeReservationGetsItsIdleSiblingsShareAfterTheIdleWindow() {
        LimitTree tree = tree("global=819200bit/s; bucket:a; bucket:b");
        RateLimiter a = tree.open("bucket:a").upload();
        RateLimiter b = tree.open("bucket:b").upload();
        b.reserve(KIB); // b's only reservation: it is idle from 200 ms on
        a.reserve(16 * KIB); // a's burst
        a.reserve(MIB); // then one reservation that waits 20.48 s at half the parent, and nothing reserves after it
        time.advance(0);
        assertEquals(HALF, a.rate());

        time.advance(201 * MS);

        assertEquals(WHOLE, a.rate(), "nobody reserves, yet b's idle window has passed");
        // at 200 ms the backlog (16 KiB + 1 MiB at half: 20.8 s, 20.6 s of it left) became 10.3 s at the whole;
        // 1 ms later, less the whole rate's 160 ms burst, 10.139 s of waiting are left
        assertEquals(10_139 * MS, a.waitEstimate(0));
    }

    @Test
    void theIdleSweepTimerStopsWhenNoTransferIsBusy() {
        LimitTree tree = tree("global=819200bit/s; bucket:a");
        RateLimiter a = tree.open("bucket:a").upload();
        a.reserve(KIB);

        time.advance(MIN);

        assertEquals(0, time.pendingTasks(), "an idle tree keeps nothing on the scheduler");
        assertEquals(0, tree.snapshot().get(0).activeChildren());
    }

    @Test
    void aTenSecondBacklogAtOneGigabitPerSecondIsStillTenSecondsAfterAPauseAndResume() {
        LimitTree tree = tree("global=1000000000bit/s; bucket:a");
        RateLimiter a = tree.open("bucket:a").upload();
        a.reserve(16 * KIB);
        a.reserve(1_250_000_000L); // 10 s at 1 Gbit/s
        assertEquals(10 * SECOND, a.waitEstimate(0));

        tree.pause("bucket:a");
        time.advance(SECOND);
        tree.resume("bucket:a");

        // held for 1 s; a pause that scaled 10 s by 10^9 hit the schedule's 73-year clamp and came back as 2.3 s
        assertEquals(10 * SECOND, a.waitEstimate(0), MS);
    }

    @Test
    void aTransferThatReservedTenMillisecondsAgoAcrossTheTickersWrapIsStillBusy() {
        ticker.offset = Long.MAX_VALUE - FakeTime.START - 300 * MS; // the ticker wraps 300 ms from now
        LimitTree tree = tree("global=819200bit/s; bucket:a");
        TreeTransfer c = tree.open("bucket:a");
        RateLimiter d = tree.open("bucket:a").upload();
        RateLimiter e = tree.open("bucket:a").upload();
        time.advance(45 * MS);
        d.reserve(KIB); // idle from 55 ms before the wrap
        time.advance(195 * MS);
        c.upload().reserve(KIB); // 60 ms before the wrap: busy until 140 ms after it
        time.advance(10 * MS);

        e.reserve(KIB); // sweeps: d is idle, c is not

        NodeSnapshot row = tree.snapshot().stream().filter(r -> r.path().equals(c.path())).findFirst().orElseThrow();
        assertEquals(1, row.activeChildren(), "the later of two instants across the wrap is not Math.max");
    }

    @Test
    void anOlderAllocationStillBeingAppliedWhenANewerOneIsAppliedLeavesTheNewerRates() {
        LimitTree tree = tree("global=819200bit/s; bucket:a");
        RateLimiter first = tree.open("bucket:a").upload();
        RateLimiter second = tree.open("bucket:a").upload();
        first.reserve(KIB);
        second.reserve(KIB);
        time.advance(0);
        DataRate newer = DataRate.ofBitsPerSecond(1_638_400);
        Runnable[] hook = {() -> tree.setLimits(LimitTree.ROOT, NodeLimits.DEFAULT.ceil(DirectionalRate.both(newer)))};
        // the older allocation has set the first transfer's bucket and is about to set the second's when
        // "another thread" computes and applies a newer one to both
        first.addListener((previous, current) -> {
            Runnable once = hook[0];
            hook[0] = null;
            if (once != null) {
                once.run();
            }
        });

        tree.setLimits(LimitTree.ROOT, NodeLimits.DEFAULT.ceil(DirectionalRate.both(HALF)));

        assertEquals(WHOLE, first.rate(), "half of the newer 1,638,400 bit/s");
        assertEquals(WHOLE, second.rate(), "not half of the older 409,600 bit/s, applied late");
    }

    @Test
    void aTransferClosedWhileItsReservationStillWaitsKeepsItsShareUntilTheWaitEnds() {
        LimitTree tree = tree("global=819200bit/s; bucket:a; bucket:b");
        TreeTransfer a = tree.open("bucket:a");
        RateLimiter b = tree.open("bucket:b").upload();
        a.upload().reserve(16 * KIB);
        a.upload().reserve(MIB); // 20.48 s at half the parent, already charged to a's bucket
        b.reserve(16 * KIB);
        b.reserve(2 * MIB); // b stays busy for 40.96 s
        time.advance(0);

        a.close();

        assertEquals(HALF, b.rate(), "a's bucket still paces its 1 MiB at half: b taking the whole would be 150 %");
        time.advance(20_480 * MS);
        assertEquals(WHOLE, b.rate(), "a's wait is over: its share is b's");
    }

    @Test
    void closingTheLastBusyTransferCancelsTheIdleSweepTimer() {
        LimitTree tree = tree("global=819200bit/s; bucket:a");
        TreeTransfer a = tree.open("bucket:a");
        a.upload().reserve(KIB);
        assertEquals(1, time.pendingTasks(), "the sweep timer, 200 ms ahead");

        a.close();

        assertEquals(0, time.pendingTasks());
    }

    private LimitTree tree(String text) {
        return LimitTree.builder().text(text).ticker(ticker).scheduler(time).build();
    }

    /** FakeTime's clock, with a hook run once, just before a chosen later reading. */
    private static final class HookTicker implements Ticker {
        private final FakeTime time;
        long offset;
        private int readingsLeft;
        private Runnable hook;

        HookTicker(FakeTime time) {
            this.time = time;
        }

        /** Runs {@code hook} at the {@code n}-th reading from now (1 = the next one). */
        void hookAtReading(int n, Runnable hook) {
            this.readingsLeft = n;
            this.hook = hook;
        }

        @Override
        public long read() {
            if (hook != null && --readingsLeft == 0) {
                Runnable once = hook;
                hook = null;
                once.run();
            }
            return time.read() + offset;
        }
    }
}
