package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.throttle.schedule.AppliedTimetable;
import dev.sluice.throttle.schedule.Timetable;
import dev.sluice.throttle.schedule.TimetableTarget;
import dev.sluice.throttle.tree.LimitTree;
import dev.sluice.throttle.tree.TreeTransfer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A timetable applied to a limit tree node's ceiling: the shares of the transfers under it change at the
 * boundary, while they run. On virtual time; the wall clock starts one second before 08:00 on a Monday.
 */
class TimetableOnLimitTreeTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DataRate HUNDRED_KIB = DataRate.ofKibibytesPerSecond(100);
    private static final DataRate ONE_MIB = DataRate.ofMebibytesPerSecond(1);
    private static final long KIB = 1024;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private final FakeTime time = new FakeTime();
    private final FakeWallClock clock = new FakeWallClock(time, Instant.parse("2026-03-02T07:59:59Z"), UTC);

    @Test
    void aRunningTransferDropsToTheNodesOfficeHoursCeilingAtTheBoundary() {
        LimitTree tree = tree("global=1MiB/s; bucket:a weight=2; bucket:b");
        AppliedTimetable.start(Timetable.parse("08:00,100KiB/s 23:00,off"), TimetableTarget.ceilingOf(tree, "bucket:a"),
                clock, time);
        Transfer a = new Transfer(tree.open("bucket:a").upload());
        a.start();
        time.advance(SECOND / 2);
        assertEquals(ONE_MIB, a.limiter.rate(), "before 08:00 bucket:a has no ceiling of its own");

        time.advance(SECOND / 2);
        long before = a.bytes;
        time.advance(10 * SECOND);

        assertEquals(HUNDRED_KIB, a.limiter.rate());
        assertEquals(10 * 100 * KIB, a.bytes - before, KIB, "100 KiB/s for 10 s, give or take one chunk");
        assertEquals("ceil=100KiB/s weight=2", tree.limits("bucket:a").toString(), "the weight stays");
    }

    @Test
    void theGlobalNodeFollowsAnUpDownTimetableAndOffLiftsIt() {
        LimitTree tree = tree("global=off; bucket:a");
        AppliedTimetable.start(Timetable.parse("07:00,1MiB/s 08:00,100KiB/s:off 23:00,off"),
                TimetableTarget.ceilingOf(tree, LimitTree.ROOT), clock, time);
        TreeTransfer transfer = tree.open("bucket:a");
        Transfer up = new Transfer(transfer.upload()); // only while limited: an unlimited loop never yields
        up.start();
        time.advance(SECOND / 2);
        assertEquals(ONE_MIB, up.limiter.rate());

        time.advance(SECOND);
        assertEquals("global=100KiB/s:off; bucket:a weight=1", tree.toString());
        assertEquals(HUNDRED_KIB, up.limiter.rate());
        assertEquals(0, transfer.download().reserve(64 * KIB), "a download is granted at once: no limit that way");
        assertEquals(DataRate.UNLIMITED, transfer.download().rate());

        up.stop();
        time.advance(SECOND); // the last grant completes, and the loop ends before 23:00 lifts the limit
        time.advance(15 * HOUR);
        assertEquals("global=off; bucket:a weight=1", tree.toString());
    }

    @Test
    void aMissingNodeIsRefusedBeforeAnythingIsScheduled() {
        LimitTree tree = tree("global=1MiB/s; bucket:a");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimetableTarget.ceilingOf(tree, "bucket:z"));
        assertEquals("no node \"bucket:z\" in the limit tree; nodes are global, bucket:a", e.getMessage());
        assertEquals(0, time.pendingTasks());
    }

    @Test
    void aCeilingBelowTheNodesGuaranteeIsRefusedAndTheTimetableKeepsGoing() {
        LimitTree tree = tree("global=1MiB/s; bucket:a assured=200KiB/s");
        AppliedTimetable applied = AppliedTimetable.start(Timetable.parse("08:00,100KiB/s 23:00,off"),
                TimetableTarget.ceilingOf(tree, "bucket:a"), clock, time);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> time.advance(SECOND));
        assertEquals("node bucket:a: assured upload rate 200 KiB/s must be at most its ceiling 100 KiB/s", e.getMessage());
        assertEquals("assured=200KiB/s weight=1", tree.limits("bucket:a").toString());
        assertEquals(1, time.pendingTasks(), "the timer is armed again");
        applied.close();
    }

    private LimitTree tree(String text) {
        return LimitTree.builder().text(text).ticker(time).scheduler(time).build();
    }

    /** A transfer that asks for 1 KiB after 1 KiB, asynchronously, until stopped. */
    private final class Transfer {
        final RateLimiter limiter;
        final Pacer pacer;
        long bytes;
        boolean running;

        Transfer(RateLimiter limiter) {
            this.limiter = limiter;
            this.pacer = Pacer.builder().limiter(limiter).ticker(time).parker(time).scheduler(time)
                    .chunkSize(DataSize.ofKibibytes(1)).build();
        }

        void start() {
            running = true;
            next();
        }

        void stop() {
            running = false;
        }

        private void next() {
            while (running) {
                var granted = pacer.acquireAsync(KIB);
                if (!granted.isDone()) {
                    granted.thenRun(() -> {
                        bytes += KIB;
                        next();
                    });
                    return;
                }
                bytes += KIB;
            }
        }
    }
}
