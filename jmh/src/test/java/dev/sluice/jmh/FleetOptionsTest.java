package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fleet check's command line: defaults, both option spellings, backends, and one-line refusals. */
class FleetOptionsTest {

    @Test
    void defaultsAreThreeMibAt819200BitPerSecondOnBothBackends() {
        FleetOptions options = FleetOptions.parse();

        assertEquals(DataSize.ofMebibytes(3), options.size);
        assertEquals(DataRate.ofBitsPerSecond(819_200), options.rate);
        assertEquals(List.of(FleetBackend.REDIS, FleetBackend.HAZELCAST), options.backends);
        assertEquals(Paths.get("jmh/target/fleet-accuracy.json"), options.json);
        assertEquals(false, options.check);
        assertEquals(false, options.help);
    }

    @Test
    void readsValuesAfterASpaceOrAnEqualsSign() {
        FleetOptions options = FleetOptions.parse("--size", "1MiB", "--rate=1Mbit/s", "--backend", "hazelcast",
                "--json=out/f.json");

        assertEquals(DataSize.ofMebibytes(1), options.size);
        assertEquals(DataRate.ofMegabitsPerSecond(1), options.rate);
        assertEquals(List.of(FleetBackend.HAZELCAST), options.backends);
        assertEquals(Paths.get("out/f.json"), options.json);
    }

    @Test
    void backendChoosesRedisHazelcastOrBothInThatOrder() {
        assertEquals(List.of(FleetBackend.REDIS), FleetOptions.parse("--backend", "redis").backends);
        assertEquals(List.of(FleetBackend.HAZELCAST), FleetOptions.parse("--backend=hazelcast").backends);
        assertEquals(List.of(FleetBackend.REDIS, FleetBackend.HAZELCAST), FleetOptions.parse("--backend", "both").backends);
    }

    @Test
    void helpAndCheckAreFlagsThatTakeNoValue() {
        assertTrue(FleetOptions.parse("--help").help);
        assertTrue(FleetOptions.parse("--check").check);
        assertRefused("option --check takes no value, got \"yes\"", "--check=yes");
    }

    @Test
    void refusesAnUnknownOptionNamingTheAllowedOnes() {
        assertRefused("unknown option \"--clients\"; allowed: --size, --rate, --backend, --json, --check, --help",
                "--clients", "3");
    }

    @Test
    void refusesAnUnknownBackendNamingTheAllowedOnes() {
        assertRefused("--backend \"memcached\" is not a backend; allowed: redis|hazelcast|both", "--backend", "memcached");
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        assertRefused("option --backend needs a value, e.g. --backend redis", "--backend");
        assertRefused("option --size needs a value, e.g. --size 3MiB", "--size");
    }

    @Test
    void refusesAnUnlimitedRate() {
        assertRefused("--rate \"unlimited\" is not allowed: a fleet budget needs a finite rate of at least 1 bit/s,"
                + " e.g. 819200bit/s", "--rate", "unlimited");
    }

    @Test
    void refusesARateAboveOneBytePerNanosecond() {
        assertRefused("--rate \"9Gbit/s\" is out of range: allowed 1 bit/s to " + DataRate.ofGigabitsPerSecond(8)
                + " (Bucket4j refills at most 1 B/ns)", "--rate", "9Gbit/s");
    }

    @Test
    void refusesAnUnreadableRateWithTheParsersReason() {
        assertRefused("--rate: \"100KB/s\" is not a data rate: \"KB/s\" is ambiguous; use kB/s (1000) or KiB/s (1024)",
                "--rate", "100KB/s");
    }

    @Test
    void refusesAnEmptyOrTooLargePayload() {
        assertRefused("--size \"0B\" is out of range: allowed 1 B to 1 GiB", "--size", "0B");
        assertRefused("--size \"2GiB\" is out of range: allowed 1 B to 1 GiB", "--size", "2GiB");
    }

    @Test
    void refusesABlankJsonPath() {
        assertRefused("--json needs a file path, e.g. --json " + Paths.get("jmh/target/fleet-accuracy.json"), "--json=");
    }

    private static void assertRefused(String message, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse(args));
        assertEquals(message, e.getMessage());
    }
}
