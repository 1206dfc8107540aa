package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeakyBucketTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final long KIB_8 = 8 * 1024;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = LeakyBucket.builder().rate(OSS_LIMIT).ticker(time).build();

    @Test
    void releasesEightKibEveryEightyMillisAt819200BitPerSecond() {
        List<Long> releases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            time.advance(bucket.reserve(KIB_8));
            releases.add(time.elapsed() / MS);
        }
        // two chunks of burst at once, then one every 80 ms: 102,400 B/s exactly
        assertEquals(List.of(0L, 0L, 80L, 160L, 240L, 320L, 400L, 480L), releases);
    }

    @Test
    void startsWithAFullBurstAndNoMore() {
        assertEquals(0, bucket.reserve(16 * 1024));
        assertEquals(OSS_LIMIT.nanosToSend(1), bucket.reserve(1));
    }

    @Test
    void aLongIdleStillGivesOnlyOneBurst() {
        bucket.reserve(KIB_8);
        time.advance(TimeUnit.HOURS.toNanos(1));
        assertEquals(0, bucket.reserve(16 * 1024));
        assertEquals(80 * MS, bucket.reserve(KIB_8));
    }

    @Test
    void startsEmptyWhenTheInitialCreditIsZero() {
        LeakyBucket empty = LeakyBucket.builder().rate(OSS_LIMIT).initialCredit(DataSize.ZERO).ticker(time).build();
        assertEquals(80 * MS, empty.reserve(KIB_8));
    }

    @Test
    void aRequestLargerThanTheBurstWaitsForTheExcessInsteadOfBeingRefused() {
        assertEquals(480 * MS, bucket.reserve(64 * 1024));
    }

    @Test
    void tryReserveRefusesWithoutCommittingWhenTheWaitExceedsTheBound() {
        bucket.reserve(16 * 1024);
        assertEquals(RateLimiter.REFUSED, bucket.tryReserve(KIB_8, 80 * MS - 1));
        assertEquals(80 * MS, bucket.waitEstimate(KIB_8), "nothing was committed");
        assertEquals(80 * MS, bucket.tryReserve(KIB_8, 80 * MS));
        assertEquals(160 * MS, bucket.waitEstimate(KIB_8), "this time it was");
    }

    @Test
    void waitEstimateCommitsNothing() {
        for (int i = 0; i < 5; i++) {
            assertEquals(0, bucket.waitEstimate(16 * 1024));
        }
    }

    @Test
    void givingBackAReservationServesTheNextOneSooner() {
        bucket.reserve(16 * 1024);
        assertEquals(80 * MS, bucket.reserve(KIB_8));
        bucket.giveBack(KIB_8);
        assertEquals(80 * MS, bucket.waitEstimate(KIB_8));
    }

    @Test
    void givingBackNeverGrowsTheBurst() {
        bucket.giveBack(1024 * 1024);
        assertEquals(160 * MS, bucket.reserve(32 * 1024));
    }

    @Test
    void aRateChangeKeepsTheBacklogInBytesAndDrainsItAtTheNewRate() {
        bucket.reserve(64 * 1024);                              // 480 ms of backlog beyond the burst
        time.advance(80 * MS);                                  // 400 ms left
        bucket.setRate(DataRate.ofKibibytesPerSecond(200));
        assertEquals(200 * MS, bucket.waitEstimate(0), "400 ms at 100 KiB/s is 200 ms at 200 KiB/s");
        assertEquals(DataRate.ofKibibytesPerSecond(200), bucket.rate());
    }

    @Test
    void tellsListenersOfEachRateChange() {
        List<String> changes = new ArrayList<>();
        bucket.addListener((previous, current) -> changes.add(previous + " -> " + current));
        bucket.setRate(DataRate.ofMebibytesPerSecond(1));
        bucket.setRate(DataRate.ofMebibytesPerSecond(1));
        bucket.setRate(DataRate.UNLIMITED);
        assertEquals(List.of("100 KiB/s -> 1 MiB/s", "1 MiB/s -> unlimited"), changes);
    }

    @Test
    void unlimitedGrantsEverythingAtOnceAndALaterLimitStartsWithOneBurst() {
        bucket.reserve(64 * 1024);
        bucket.setRate(DataRate.UNLIMITED);
        assertEquals(0, bucket.reserve(Long.MAX_VALUE / 2));
        bucket.setRate(OSS_LIMIT);
        assertEquals(0, bucket.reserve(16 * 1024));
        assertEquals(80 * MS, bucket.reserve(KIB_8));
    }

    @Test
    void concurrentReservationsLoseNoUpdate() throws InterruptedException {
        // 1,000,000 B/s: exactly 1,000 ns per byte; the clock stands still, so every byte adds to the backlog
        LeakyBucket exact = LeakyBucket.builder().rate(DataRate.ofBytesPerSecond(1_000_000))
                .burst(DataSize.ofBytes(1)).ticker(time).build();
        int threads = 4;
        int perThread = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    exact.reserve(1);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long reserved = (long) threads * perThread;
        assertEquals(reserved * 1_000, exact.waitEstimate(1), "backlog of every reserved byte, burst used by the first");
    }

    @Test
    void refusesBadInputWithMessagesThatNameValueAndUnit() {
        assertEquals("byte count must be at least 0 B, was -1 B",
                assertThrows(IllegalArgumentException.class, () -> bucket.reserve(-1)).getMessage());
        assertEquals("byte count must be at least 0 B, was -5 B",
                assertThrows(IllegalArgumentException.class, () -> bucket.giveBack(-5)).getMessage());
        assertEquals("maximum wait must be at least 0 ns, was -2 ns",
                assertThrows(IllegalArgumentException.class, () -> bucket.tryReserve(1, -2)).getMessage());
        assertEquals("rate must not be null (use DataRate.UNLIMITED for no limit)",
                assertThrows(IllegalArgumentException.class, () -> bucket.setRate(null)).getMessage());
        assertEquals("burst must be at least 1 B, was 0 B",
                assertThrows(IllegalArgumentException.class, () -> LeakyBucket.builder().burst(DataSize.ZERO)).getMessage());
        assertEquals("rate is required, e.g. rate(DataRate.ofBitsPerSecond(819_200))",
                assertThrows(IllegalStateException.class, () -> LeakyBucket.builder().build()).getMessage());
        assertEquals("initial credit 32 KiB exceeds the burst 16 KiB",
                assertThrows(IllegalStateException.class, () -> LeakyBucket.builder().rate(OSS_LIMIT)
                        .initialCredit(DataSize.ofKibibytes(32)).build()).getMessage());
        assertEquals("ticker must not be null (use Ticker.system())",
                assertThrows(IllegalArgumentException.class, () -> LeakyBucket.builder().ticker(null)).getMessage());
    }

    @Test
    void describesItselfWithRateAndBurst() {
        assertEquals("LeakyBucket[rate=100 KiB/s, burst=16 KiB]", bucket.toString());
    }
}
