package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What is particular to {@link LeakyBucket}: its builder (default burst, initial credit), exact messages,
 * exact rounding and {@code toString}. The behaviour every limiter owes runs in
 * {@link LeakyBucketContractTest}.
 */
class LeakyBucketTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final long KIB_8 = 8 * 1024;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = LeakyBucket.builder().rate(OSS_LIMIT).ticker(time).build();

    @Test
    void startsWithTheDefaultBurstThenWaitsExactlyTheNextBytesTime() {
        // the contract allows either rounding of 9,765.625 ns; the leaky bucket's is exact
        assertEquals(0, bucket.reserve(16 * 1024));
        assertEquals(OSS_LIMIT.nanosToSend(1), bucket.reserve(1));
    }

    @Test
    void startsEmptyWhenTheInitialCreditIsZero() {
        LeakyBucket empty = LeakyBucket.builder().rate(OSS_LIMIT).initialCredit(DataSize.ZERO).ticker(time).build();
        assertEquals(80 * MS, empty.reserve(KIB_8));
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
