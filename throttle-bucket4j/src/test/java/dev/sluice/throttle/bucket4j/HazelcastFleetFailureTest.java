package dev.sluice.throttle.bucket4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.testkit.ManualTicker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Hazelcast member crashes during a paced fleet transfer. */
class HazelcastFleetFailureTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final DataSize BURST = DataSize.ofKibibytes(16);
    private static final long KIB_8 = 8 * 1024;
    private static final long KIB_64 = 64 * 1024;

    private final ManualTicker time = new ManualTicker();
    private final EmbeddedHazelcast cluster = new EmbeddedHazelcast(2);

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    private FleetRateLimiter host(int member) {
        return FleetRateLimiter.builder(cluster.proxyManager(member, time), "crash-budget")
                .rate(OSS_LIMIT).burst(BURST).ticker(time).giveUpAfter(Duration.ofMillis(300)).build();
    }

    @Test
    void aMemberCrashStopsOnlyTheHostOnItWithAClearErrorAndTheOtherKeepsPacingWithinBudget() {
        assertEquals(2, cluster.clusterSize(), "two members joined over TCP-IP on loopback");
        VirtualTransfer transfer = new VirtualTransfer(time, OSS_LIMIT, BURST, KIB_8);
        VirtualTransfer.Host survivor = transfer.add(host(0));
        VirtualTransfer.Host onCrashedMember = transfer.add(host(1));
        transfer.sendFleetTotal(512 * 1024);
        assertTrue(transfer.largestExcess() <= 0, "before the crash the fleet stays within budget: excess "
                + transfer.largestExcess() + " B");

        cluster.crash(1);
        long survivorBefore = survivor.sent;
        long crashedBefore = onCrashedMember.sent;
        transfer.sendFleetTotal(512 * 1024);

        assertNull(survivor.failure, "the host on the surviving member goes on");
        assertTrue(onCrashedMember.sent - crashedBefore <= KIB_64,
                "after the crash the stranded host sends at most the batch it held");
        assertTrue(survivor.sent - survivorBefore >= 512 * 1024 - KIB_64, "the survivor carries the transfer on");
        FleetBudgetException failure = assertInstanceOf(FleetBudgetException.class, onCrashedMember.failure);
        assertTrue(failure.getMessage().startsWith("fleet budget 'crash-budget': could not reserve 65536 B in "),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("stopping rather than exceed the budget"), failure.getMessage());
        assertInstanceOf(HazelcastInstanceNotActiveException.class, failure.getCause());
        assertTrue(transfer.largestExcess() <= 0, "the shared bucket survived on its backup: excess "
                + transfer.largestExcess() + " B");
    }
}
