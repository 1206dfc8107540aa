package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.throttle.tree.Direction;
import dev.sluice.throttle.tree.DirectionalRate;
import dev.sluice.throttle.tree.LimitTree;
import dev.sluice.throttle.tree.NodeLimits;
import dev.sluice.throttle.tree.NodeSnapshot;
import dev.sluice.throttle.tree.TreeTransfer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A limit tree shared by transfers paced through {@link Pacer}, on virtual time. (In this package, not in
 * {@code dev.sluice.throttle.tree}, because {@link FakeTime} is package-private here.)
 */
class LimitTreePacingTest {

    private static final long OSS_LIMIT_BYTES = 102_400; // 819,200 bit/s
    private static final long KIB = 1024;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final FakeTime time = new FakeTime();

    @Test
    void aTransferAloneGetsTheWholeParent() {
        LimitTree tree = tree("global=819200bit/s; bucket:a; bucket:b");
        Transfer a = new Transfer(tree.open("bucket:a").upload());

        a.start();
        time.advance(SECOND);
        long before = a.bytes;
        time.advance(10 * SECOND);

        assertEquals(DataRate.ofBitsPerSecond(819_200), a.limiter.rate());
        assertEquals(10 * OSS_LIMIT_BYTES, a.bytes - before, KIB, "100 KiB/s for 10 s, give or take one chunk");
    }

    @Test
    void aSecondBusyTransferTakesHalfAndTheFirstKeepsHalf() {
        LimitTree tree = tree("global=819200bit/s; bucket:a; bucket:b");
        Transfer a = new Transfer(tree.open("bucket:a").upload());
        Transfer b = new Transfer(tree.open("bucket:b").upload());
        a.start();
        time.advance(5 * SECOND);

        b.start();
        time.advance(SECOND);
        long aBefore = a.bytes;
        long bBefore = b.bytes;
        time.advance(10 * SECOND);

        assertEquals(DataRate.ofBitsPerSecond(409_600), a.limiter.rate());
        assertEquals(DataRate.ofBitsPerSecond(409_600), b.limiter.rate());
        assertEquals(5 * OSS_LIMIT_BYTES, a.bytes - aBefore, KIB);
        assertEquals(5 * OSS_LIMIT_BYTES, b.bytes - bBefore, KIB);
    }

    @Test
    void weightsTwoAndOneSplitTheParentTwoToOne() {
        LimitTree tree = tree("global=819200bit/s; bucket:a weight=2; bucket:b weight=1");
        Transfer a = new Transfer(tree.open("bucket:a").upload());
        Transfer b = new Transfer(tree.open("bucket:b").upload());
        a.start();
        b.start();
        time.advance(SECOND);
        long aBefore = a.bytes;
        long bBefore = b.bytes;
        time.advance(30 * SECOND);

        assertEquals(DataRate.ofBitsPerSecond(546_133), a.limiter.rate(), "2/3 of 819,200 bit/s, rounded down");
        assertEquals(DataRate.ofBitsPerSecond(273_067), b.limiter.rate(), "1/3, plus the bit lost to rounding");
        assertEquals(20 * OSS_LIMIT_BYTES, a.bytes - aBefore, KIB);
        assertEquals(10 * OSS_LIMIT_BYTES, b.bytes - bBefore, KIB);
    }

    @Test
    void sharesNestAcrossLevelsAndAnIdleTenantsShareStaysWithinItsBucket() {
        LimitTree tree = tree("global=819200bit/s; bucket:a; bucket:a/tenant:x; bucket:a/tenant:y; bucket:b");
        Transfer x = new Transfer(tree.open("bucket:a/tenant:x").upload());
        Transfer y = new Transfer(tree.open("bucket:a/tenant:y").upload());
        Transfer b = new Transfer(tree.open("bucket:b").upload());
        x.start();
        y.start();
        b.start();
        time.advance(SECOND);
        assertEquals(DataRate.ofBitsPerSecond(204_800), x.limiter.rate(), "half of bucket:a's half");
        assertEquals(DataRate.ofBitsPerSecond(204_800), y.limiter.rate());
        assertEquals(DataRate.ofBitsPerSecond(409_600), b.limiter.rate());

        y.stop();
        time.advance(SECOND);

        assertEquals(DataRate.ofBitsPerSecond(409_600), x.limiter.rate(), "tenant:x borrows tenant:y's share");
        assertEquals(DataRate.ofBitsPerSecond(409_600), b.limiter.rate(), "bucket:b still has its half");
    }

    @Test
    void aCeilingCapsBorrowingEvenWhenTheSiblingIsIdle() {
        LimitTree tree = tree("global=819200bit/s; bucket:a ceil=300kbit/s; bucket:b");
        Transfer a = new Transfer(tree.open("bucket:a").upload());
        a.start();
        time.advance(SECOND);
        assertEquals(DataRate.ofKilobitsPerSecond(300), a.limiter.rate(), "alone, yet held to its ceiling");

        Transfer b = new Transfer(tree.open("bucket:b").upload());
        b.start();
        time.advance(SECOND);

        assertEquals(DataRate.ofKilobitsPerSecond(300), a.limiter.rate());
        assertEquals(DataRate.ofBitsPerSecond(519_200), b.limiter.rate(), "the rest of the parent, not half of it");
    }

    @Test
    void anAssuredRateHoldsAgainstAMuchHeavierSibling() {
        LimitTree tree = tree("global=819200bit/s; bucket:a assured=600kbit/s; bucket:b weight=10");
        Transfer a = new Transfer(tree.open("bucket:a").upload());
        Transfer b = new Transfer(tree.open("bucket:b").upload());
        a.start();
        b.start();
        time.advance(SECOND);
        long aBefore = a.bytes;
        time.advance(10 * SECOND);

        assertEquals(DataRate.ofKilobitsPerSecond(600), a.limiter.rate(), "weight alone would give it 1/11");
        assertEquals(DataRate.ofBitsPerSecond(219_200), b.limiter.rate());
        assertEquals(750_000, a.bytes - aBefore, KIB, "75,000 B/s for 10 s");
    }

    @Test
    void anIdleTransfersShareComesBackWithItsFirstReservation() {
        LimitTree tree = tree("global=819200bit/s; bucket:a; bucket:b");
        Transfer a = new Transfer(tree.open("bucket:a").upload());
        RateLimiter b = tree.open("bucket:b").upload();
        a.start();
        time.advance(5 * SECOND);
        assertEquals(DataRate.ofBitsPerSecond(819_200), a.limiter.rate(), "b never reserved: a borrows all of it");

        long bWait = b.reserve(8 * KIB);

        assertEquals(0, bWait, "b's first chunk goes at once, from its burst");
        assertEquals(DataRate.ofBitsPerSecond(409_600), b.rate(), "priced at b's share already");
        time.advance(0); // the siblings' new rates are applied by a task on the scheduler
        assertEquals(DataRate.ofBitsPerSecond(409_600), a.limiter.rate(), "a is back to half within one grant");
    }

    @Test
    void aTransferThatStopsLendsItsShareBackAfterTheIdleWindow() {
        LimitTree tree = tree("global=819200bit/s; bucket:a; bucket:b");
        Transfer a = new Transfer(tree.open("bucket:a").upload());
        Transfer b = new Transfer(tree.open("bucket:b").upload());
        a.start();
        b.start();
        time.advance(5 * SECOND);
        b.stop();

        time.advance(100 * MS);
        assertEquals(DataRate.ofBitsPerSecond(409_600), a.limiter.rate(), "within the 200 ms idle window b keeps its share");
        time.advance(300 * MS);
        assertEquals(DataRate.ofBitsPerSecond(819_200), a.limiter.rate(), "idle window plus one grant later, a has it all");
        long before = a.bytes;
        time.advance(10 * SECOND);
        assertEquals(10 * OSS_LIMIT_BYTES, a.bytes - before, KIB);
    }

    @Test
    void uploadAndDownloadAreSharedIndependently() {
        LimitTree tree = tree("global=100KiB/s:50KiB/s; bucket:a; bucket:b");
        TreeTransfer first = tree.open("bucket:a");
        TreeTransfer second = tree.open("bucket:b");

        first.upload().reserve(KIB);
        first.download().reserve(KIB);
        second.upload().reserve(KIB);
        time.advance(0);

        assertEquals(DataRate.ofKibibytesPerSecond(50), first.upload().rate(), "two uploads share 100 KiB/s");
        assertEquals(DataRate.ofKibibytesPerSecond(50), second.upload().rate());
        assertEquals(DataRate.ofKibibytesPerSecond(50), first.download().rate(), "the only download has all 50 KiB/s");
    }

    @Test
    void pauseHoldsAWaitingReservationAndResumeRetimesIt() throws InterruptedException {
        LimitTree tree = tree("global=819200bit/s; bucket:a");
        RateLimiter a = tree.open("bucket:a").upload();
        a.reserve(16 * KIB); // the burst: the next 8 KiB waits 80 ms
        time.at(40 * MS, () -> tree.pause("bucket:a"));
        time.at(1040 * MS, () -> tree.resume("bucket:a"));

        pacer(a).acquire(8 * KIB);

        // 40 ms, then 1 s held, then the other 40 ms less what a paused node drains at 1 bit/s (1220.7 ns in 1 s)
        assertEquals(1080 * MS - 1221, time.elapsed());
    }

    @Test
    void aPausedNodesShareIsBorrowedByItsSiblingsUntilItResumes() {
        LimitTree tree = tree("global=819200bit/s; bucket:a; bucket:b");
        Transfer a = new Transfer(tree.open("bucket:a").upload());
        Transfer b = new Transfer(tree.open("bucket:b").upload());
        a.start();
        b.start();
        time.advance(SECOND);

        tree.pause("bucket:b");
        long bPaused = b.bytes;
        time.advance(SECOND);
        assertEquals(DataRate.ofBitsPerSecond(819_200), a.limiter.rate());
        assertEquals(bPaused, b.bytes, "nothing granted to a paused node");

        tree.resume("bucket:b");
        assertEquals(DataRate.ofBitsPerSecond(409_600), a.limiter.rate());
        assertEquals(DataRate.ofBitsPerSecond(409_600), b.limiter.rate());
    }

    @Test
    void aRateChangeRetimesAWaitingReservation() throws InterruptedException {
        LimitTree tree = tree("global=819200bit/s; bucket:a");
        RateLimiter a = tree.open("bucket:a").upload();
        a.reserve(16 * KIB);
        time.at(40 * MS, () -> tree.setLimits(LimitTree.ROOT,
                NodeLimits.DEFAULT.ceil(DirectionalRate.both(DataRate.ofBitsPerSecond(1_638_400)))));

        pacer(a).acquire(8 * KIB);

        assertEquals(60 * MS, time.elapsed(), "40 ms at 100 KiB/s, then the last 40 ms of wait halved");
    }

    @Test
    void twoTransfersComingAndGoingStayWithinOnePercentOfTheParentOverTenVirtualMinutes() {
        LimitTree tree = tree("global=819200bit/s; bucket:a; bucket:b");
        Transfer a = new Transfer(tree.open("bucket:a").upload());
        Transfer b = new Transfer(tree.open("bucket:b").upload());
        a.start();
        for (int minute = 0; minute < 10; minute++) {
            time.advance(20 * SECOND);
            b.start();
            time.advance(30 * SECOND);
            b.stop();
            time.advance(10 * SECOND);
        }

        long expected = 600 * OSS_LIMIT_BYTES;
        long total = a.bytes + b.bytes;
        assertTrue(Math.abs(total - expected) <= expected / 100, "total " + total + " B, expected " + expected + " B ± 1 %");
        assertTrue(total <= expected + 40 * 16 * KIB, "never above the parent by more than a burst per start");
    }

    @Test
    void aTransfersOwnSetRateSetsItsCeilingThatWayOnly() {
        LimitTree tree = tree("global=819200bit/s; bucket:a");
        TreeTransfer transfer = tree.open("bucket:a", NodeLimits.DEFAULT.assured(DirectionalRate.parse("1KiB/s")));
        RateLimiter a = transfer.upload();
        a.reserve(KIB);

        a.setRate(DataRate.ofKibibytesPerSecond(10));

        assertEquals(DataRate.ofKibibytesPerSecond(10), a.rate());
        assertEquals(DirectionalRate.parse("10KiB/s:off"), tree.limits(transfer.path()).ceil());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> a.setRate(DataRate.ofBitsPerSecond(800)));
        assertEquals("node bucket:a/#1: assured upload rate 1 KiB/s must be at most its ceiling 100 B/s",
                refused.getMessage());
    }

    @Test
    void closingATransferGivesItsShareBackAtOnce() {
        LimitTree tree = tree("global=819200bit/s; bucket:a; bucket:b");
        RateLimiter a = tree.open("bucket:a").upload();
        TreeTransfer b = tree.open("bucket:b");
        a.reserve(KIB);
        b.upload().reserve(KIB);
        time.advance(0);
        assertEquals(DataRate.ofBitsPerSecond(409_600), a.rate());

        b.close();

        assertEquals(DataRate.ofBitsPerSecond(819_200), a.rate());
    }

    @Test
    void aSnapshotShowsEachNodesLimitsShareBusyChildrenWaitersAndMeasuredRate() {
        LimitTree tree = tree("global=819200bit/s:off; bucket:a assured=100kbit/s weight=2; bucket:b");
        Transfer a = new Transfer(tree.open("bucket:a").upload());
        a.start();
        tree.snapshot();
        time.advance(10 * SECOND);

        List<NodeSnapshot> rows = tree.snapshot();

        NodeSnapshot global = row(rows, "global", Direction.UPLOAD);
        assertEquals(Optional.of(DataRate.ofBitsPerSecond(819_200)), global.allotted());
        assertEquals(DataRate.ofBitsPerSecond(819_200), global.ceil());
        assertEquals(1, global.activeChildren());
        assertEquals(1, global.waiters(), "a's next chunk is waiting");
        assertEquals(OSS_LIMIT_BYTES, global.measuredBytesPerSecond(), 200.0);
        NodeSnapshot bucketA = row(rows, "bucket:a", Direction.UPLOAD);
        assertEquals(Optional.of(DataRate.ofKilobitsPerSecond(100)), bucketA.assured());
        assertEquals(2, bucketA.weight());
        assertEquals(DataRate.UNLIMITED, bucketA.ceil());
        NodeSnapshot bucketB = row(rows, "bucket:b", Direction.UPLOAD);
        assertEquals(Optional.empty(), bucketB.allotted(), "idle");
        assertEquals(0, bucketB.activeChildren());
        NodeSnapshot transfer = row(rows, "bucket:a/#1", Direction.UPLOAD);
        assertTrue(transfer.transfer());
        assertEquals(1, transfer.activeChildren());
        assertEquals(Optional.empty(), row(rows, "bucket:a/#1", Direction.DOWNLOAD).allotted(), "no download reserved");
        assertEquals(DataRate.UNLIMITED, row(rows, "global", Direction.DOWNLOAD).ceil());

        tree.pause("bucket:a");
        assertTrue(row(tree.snapshot(), "bucket:a/#1", Direction.UPLOAD).paused());
    }

    private static NodeSnapshot row(List<NodeSnapshot> rows, String path, Direction direction) {
        return rows.stream().filter(row -> row.path().equals(path) && row.direction() == direction).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + path + " " + direction + " in " + rows));
    }

    private LimitTree tree(String text) {
        return LimitTree.builder().text(text).ticker(time).scheduler(time).build();
    }

    private Pacer pacer(RateLimiter limiter) {
        return Pacer.builder().limiter(limiter).ticker(time).parker(time).scheduler(time).build();
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
