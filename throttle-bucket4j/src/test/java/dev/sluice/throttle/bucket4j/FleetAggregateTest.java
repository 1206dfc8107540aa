package dev.sluice.throttle.bucket4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.testkit.ManualTicker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three clients on one fleet budget of 819,200 bit/s in a real Redis, sending 8 KiB chunks on virtual
 * time: the aggregate is the budget, and batching costs 16 remote commands per MiB plus one per client.
 */
class FleetAggregateTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final DataSize BURST = DataSize.ofKibibytes(16);
    private static final long MIB = 1024 * 1024;

    private final ManualTicker time = new ManualTicker();
    @RegisterExtension
    final Started<RedisFleet> redis = Started.by(() -> RedisFleet.start("the fleet aggregate test"));

    @Test
    void threeClientsOnOneBudgetSendTogetherAtTheBudgetWithSixteenRemoteCommandsPerMibPlusOnePerClient() {
        long roundTripsBefore = redis.get().connections().bucketRoundTrips();
        VirtualTransfer transfer = new VirtualTransfer(time, OSS_LIMIT, BURST, 8 * 1024);
        List<VirtualTransfer.Host> clients = List.of(transfer.add(client()), transfer.add(client()), transfer.add(client()));
        transfer.sendFleetTotal(3 * MIB);
        long roundTrips = redis.get().connections().bucketRoundTrips() - roundTripsBefore;

        assertEquals(3 * MIB, transfer.sent());
        double aggregate = transfer.sent() * 1e9 / transfer.elapsedNanos();
        // the first burst goes at once, so the average over 30 s is a little above 102,400 B/s; generous bound
        assertTrue(aggregate >= 102_400 * 0.98 && aggregate <= 102_400 * 1.02, "aggregate " + aggregate + " B/s");
        assertTrue(transfer.largestExcess() <= 0, "never above the budget: excess " + transfer.largestExcess() + " B");
        for (VirtualTransfer.Host client : clients) {
            assertTrue(client.sent >= MIB / 2, "every client gets a share, got " + client.sent + " B");
        }
        // one 64 KiB batch per 64 KiB sent (16 per MiB), plus the batch each client still holds at the end
        assertEquals(3 * 16 + 3, transfer.remoteCommands());
        // Bucket4j 8.19's Lettuce compare-and-swap, uncontended (one client at a time on virtual time):
        // GET, GET, EVAL per command, i.e. 3 round trips, 51 per MiB
        assertEquals(3 * transfer.remoteCommands(), roundTrips, "Redis round trips for " + transfer.remoteCommands() + " commands");
    }

    private FleetRateLimiter client() {
        return FleetRateLimiter.builder(redis.get().connections().proxyManager(time), "fleet-of-three")
                .rate(OSS_LIMIT).burst(BURST).ticker(time).build();
    }
}
