package dev.sluice.throttle.bucket4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.testkit.ManualTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis restarts (losing every key) during a paced fleet transfer, or stays down. */
class RedisFleetFailureTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final DataSize BURST = DataSize.ofKibibytes(16);
    private static final long KIB_8 = 8 * 1024;
    private static final long KIB_64 = 64 * 1024;

    private final ManualTicker time = new ManualTicker();
    @RegisterExtension
    final Started<RedisFleet> redis = Started.by(() -> RedisFleet.start("the Redis failure tests"));

    private FleetRateLimiter host(Duration giveUpAfter) {
        return FleetRateLimiter.builder(redis.get().connections().proxyManager(time), "restart-budget")
                .rate(OSS_LIMIT).burst(BURST).ticker(time).giveUpAfter(giveUpAfter).build();
    }

    @Test
    void aRestartLosingTheBucketLetsTheTransferContinueAtMostOneBatchPerHostOverBudget() {
        VirtualTransfer transfer = new VirtualTransfer(time, OSS_LIMIT, BURST, KIB_8);
        VirtualTransfer.Host first = transfer.add(host(Duration.ofSeconds(5)));
        VirtualTransfer.Host second = transfer.add(host(Duration.ofSeconds(5)));
        transfer.sendFleetTotal(512 * 1024);
        assertTrue(transfer.largestExcess() <= 0, "before the restart: excess " + transfer.largestExcess() + " B");

        redis.get().process().restart();
        transfer.sendFleetTotal(1024 * 1024);

        assertNull(first.failure, "the first host reconnected and went on");
        assertNull(second.failure, "the second host reconnected and went on");
        assertEquals(1536 * 1024, transfer.sent());
        // the restarted Redis forgot the debt of the batches handed out: the fleet may run ahead by what
        // the hosts held, one batch each, never more
        assertTrue(transfer.largestExcess() <= 2 * KIB_64, "excess " + transfer.largestExcess() + " B");
    }

    @Test
    void aRedisThatStaysDownStopsTheTransferWithAClearError() {
        VirtualTransfer transfer = new VirtualTransfer(time, OSS_LIMIT, BURST, KIB_8);
        VirtualTransfer.Host host = transfer.add(host(Duration.ofMillis(300)));
        transfer.sendFleetTotal(128 * 1024);

        redis.get().process().close();
        long before = host.sent;
        transfer.sendFleetTotal(1024 * 1024);

        assertTrue(host.sent - before <= KIB_64, "without Redis, only the held batch is sent");
        FleetBudgetException failure = assertInstanceOf(FleetBudgetException.class, host.failure);
        assertTrue(failure.getMessage().startsWith("fleet budget 'restart-budget': could not reserve 65536 B in "),
                failure.getMessage());
        assertTrue(transfer.largestExcess() <= 0, "excess " + transfer.largestExcess() + " B");
    }
}
