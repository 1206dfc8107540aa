package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Blocking pacing, on virtual time. */
class PacerTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final long KIB = 1024;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = bucket(OSS_LIMIT);

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void splitsALargeAcquisitionIntoEightKibChunksReleasedEveryEightyMillis() throws InterruptedException {
        pacer(bucket).acquire(64 * KIB);
        assertEquals(Collections.nCopies(6, 80 * MS), time.parks(), "two chunks of burst, then six paced ones");
        assertEquals(480 * MS, time.elapsed());
    }

    @Test
    void capsTheChunkAtTheSmallestBurst() {
        LeakyBucket small = LeakyBucket.builder().rate(OSS_LIMIT).burst(DataSize.ofKibibytes(4)).ticker(time).build();
        assertEquals(4 * KIB, pacer(bucket, small).chunkSize());
        assertEquals(8 * KIB, pacer(bucket).chunkSize());
    }

    @Test
    void anInterruptedWaitGivesItsReservationBackAndKeepsTheFlag() {
        bucket.reserve(16 * KIB);
        time.at(40 * MS, () -> Thread.currentThread().interrupt());

        assertThrows(InterruptedException.class, () -> pacer(bucket).acquire(8 * KIB));

        assertTrue(Thread.currentThread().isInterrupted(), "interrupt flag kept");
        assertEquals(40 * MS, time.elapsed());
        assertEquals(40 * MS, bucket.waitEstimate(8 * KIB), "as if the 8 KiB had never been reserved");
    }

    @Test
    void anInterruptedMultiChunkAcquisitionGivesBackTheChunksAlreadyGrantedToo() {
        time.at(100 * MS, () -> Thread.currentThread().interrupt());

        assertThrows(InterruptedException.class, () -> pacer(bucket).acquire(32 * KIB));

        assertEquals(0, bucket.waitEstimate(16 * KIB), "all 32 KiB returned: a full burst is available again");
    }

    @Test
    void aRateChangeRetimesABlockedWaiter() throws InterruptedException {
        bucket.reserve(16 * KIB);
        time.at(40 * MS, () -> bucket.setRate(DataRate.ofKibibytesPerSecond(200)));

        pacer(bucket).acquire(8 * KIB);

        assertEquals(60 * MS, time.elapsed(), "40 ms at 100 KiB/s, then the last 40 ms of wait halved");
    }

    @Test
    void turningLimitingOffReleasesAWaiterAtOnceAndTurningItOnStartsWithOneBurst() throws InterruptedException {
        bucket.reserve(16 * KIB);
        time.at(40 * MS, () -> bucket.setRate(DataRate.UNLIMITED));
        Pacer pacer = pacer(bucket);

        pacer.acquire(8 * KIB);
        assertEquals(40 * MS, time.elapsed());
        pacer.acquire(10 * 1024 * KIB);
        assertEquals(40 * MS, time.elapsed(), "no wait while unlimited");

        bucket.setRate(OSS_LIMIT);
        pacer.acquire(24 * KIB);
        assertEquals(120 * MS, time.elapsed(), "16 KiB burst, then 80 ms for the last 8 KiB");
    }

    @Test
    void obeysTheSlowestOfSeveralLimiters() throws InterruptedException {
        LeakyBucket own = bucket(DataRate.ofMebibytesPerSecond(1));
        LeakyBucket parent = bucket(OSS_LIMIT);
        pacer(own, parent).acquire(64 * KIB);
        assertEquals(480 * MS, time.elapsed(), "the parent's 100 KiB/s");

        FakeTime other = new FakeTime();
        LeakyBucket slowOwn = LeakyBucket.builder().rate(DataRate.ofKibibytesPerSecond(50)).ticker(other).build();
        LeakyBucket fastGlobal = LeakyBucket.builder().rate(DataRate.ofMebibytesPerSecond(1)).ticker(other).build();
        Pacer.builder().limiter(fastGlobal).limiter(slowOwn).ticker(other).parker(other).scheduler(other).build()
                .acquire(64 * KIB);
        assertEquals(960 * MS, other.elapsed(), "the own limit's 50 KiB/s: 48 KiB beyond the burst");
    }

    @Test
    void neverHoldsOneLimitersBudgetWhileWaitingOnAnother() throws InterruptedException {
        LeakyBucket parent = bucket(OSS_LIMIT);
        LeakyBucket global = bucket(DataRate.ofMebibytesPerSecond(1));
        parent.reserve(16 * KIB);
        List<Long> globalWaitsSeenDuringTheWait = new ArrayList<>();
        time.at(40 * MS, () -> globalWaitsSeenDuringTheWait.add(global.waitEstimate(16 * KIB)));

        pacer(parent, global).acquire(8 * KIB);

        assertEquals(List.of(0L), globalWaitsSeenDuringTheWait, "the global burst was untouched while waiting on the parent");
        assertEquals(80 * MS, time.elapsed());
        assertEquals(DataRate.ofMebibytesPerSecond(1).nanosToSend(8 * KIB), global.waitEstimate(16 * KIB),
                "8 KiB taken from the global once the parent granted");
    }

    @Test
    void acquiringNothingReturnsAtOnce() throws InterruptedException {
        bucket.reserve(16 * KIB);
        pacer(bucket).acquire(0);
        assertEquals(0, time.elapsed());
    }

    @Test
    void refusesBadInputWithClearMessages() {
        Pacer pacer = pacer(bucket);
        assertEquals("byte count must be at least 0 B, was -1 B",
                assertThrows(IllegalArgumentException.class, () -> pacer.acquire(-1)).getMessage());
        assertEquals("byte count must be at least 0 B, was -1 B",
                assertThrows(IllegalArgumentException.class, () -> pacer.acquireAsync(-1)).getMessage());
        assertEquals("a pacer needs at least one limiter",
                assertThrows(IllegalStateException.class, () -> Pacer.builder().build()).getMessage());
        assertEquals("chunk size must be at least 1 B, was 0 B",
                assertThrows(IllegalArgumentException.class, () -> Pacer.builder().chunkSize(DataSize.ZERO)).getMessage());
        assertEquals("limiter LeakyBucket[rate=100 KiB/s, burst=16 KiB] was added twice",
                assertThrows(IllegalArgumentException.class, () -> Pacer.builder().limiter(bucket).limiter(bucket)).getMessage());
    }

    private LeakyBucket bucket(DataRate rate) {
        return LeakyBucket.builder().rate(rate).ticker(time).build();
    }

    private Pacer pacer(LeakyBucket... limiters) {
        Pacer.Builder builder = Pacer.builder().ticker(time).parker(time).scheduler(time);
        for (LeakyBucket limiter : limiters) {
            builder.limiter(limiter);
        }
        return builder.build();
    }
}
