package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A fleet run's derived figures, from synthetic releases (no clock). */
class FleetResultTest {

    private static final DataRate BUDGET = DataRate.ofBitsPerSecond(819_200);
    private static final long MIB = 1024 * 1024;

    @Test
    void remoteCommandsPerMibAreTheClientsCommandsOverTheMibsDelivered() {
        FleetResult result = result(3 * MIB, List.of(new FleetResult.Client(MIB, 17), new FleetResult.Client(MIB, 17),
                new FleetResult.Client(MIB, 17)), OptionalLong.empty());

        assertEquals(51, result.remoteCommands());
        assertEquals(17.0, result.remoteCommandsPerMib(), 1e-12);
    }

    @Test
    void roundTripsPerMibComeFromTheStoreAndAreNaNWhenItCannotTell() {
        List<FleetResult.Client> clients = List.of(new FleetResult.Client(2 * MIB, 33));

        assertEquals(76.5, result(2 * MIB, clients, OptionalLong.of(153)).roundTripsPerMib(), 1e-12);
        assertTrue(Double.isNaN(result(2 * MIB, clients, OptionalLong.empty()).roundTripsPerMib()));
    }

    @Test
    void sharesAreEachClientsBytesOverAllDelivered() {
        FleetResult result = result(4 * MIB, List.of(new FleetResult.Client(2 * MIB, 0), new FleetResult.Client(MIB, 0),
                new FleetResult.Client(MIB, 0)), OptionalLong.empty());

        assertEquals(50.0, result.sharePercent(0), 1e-12);
        assertEquals(25.0, result.sharePercent(1), 1e-12);
        assertEquals(25.0, result.sharePercent(2), 1e-12);
    }

    @Test
    void perMibIsNaNWhenNothingWasDelivered() {
        assertTrue(Double.isNaN(FleetResult.perMib(5, 0)));
        assertEquals(16.0, FleetResult.perMib(8, MIB / 2), 1e-12);
    }

    @Test
    void theOneSecondFactorIsTheBusiestSecondOverTheBudgetPerSecond() {
        // 16 KiB at t0, then 8 KiB every 80 ms: the first second holds 16 KiB + 12 x 8 KiB + 8 KiB at 1 s - 40 ms
        ReleaseLog log = new ReleaseLog(64);
        log.record(0, 16 * 1024);
        for (int i = 1; i <= 30; i++) {
            log.record(i * 80_000_000L, 8 * 1024);
        }
        PathResult aggregate = PathResult.of("redis", log, 0, 30 * 80_000_000L, BUDGET, true);
        FleetResult result = new FleetResult("redis", "test", aggregate, List.of(), OptionalLong.empty());

        assertEquals(16 * 1024 + 12 * 8 * 1024, aggregate.maxBytesInOneSecond());
        assertEquals(112.0 / 100.0, result.maxOneSecondFactor(BUDGET), 1e-12);
        // 240 KiB after the burst over 2.4 s: exactly the budget
        assertEquals(0.0, aggregate.achievedErrorPercent(), 1e-9);
    }

    /** A result whose aggregate delivered {@code bytes} in one release each second. */
    private static FleetResult result(long bytes, List<FleetResult.Client> clients, OptionalLong roundTrips) {
        ReleaseLog log = new ReleaseLog(2);
        log.record(0, bytes / 2);
        log.record(1_000_000_000L, bytes - bytes / 2);
        PathResult aggregate = PathResult.of("redis", log, 0, 1_000_000_000L, BUDGET, true);
        return new FleetResult("redis", "test", aggregate, clients, roundTrips);
    }
}
