package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throughput benchmark's command line, and the median its report gives. */
class ThroughputOptionsTest {

    @Test
    void defaultsAreSixtyFourMibFiveTimesWithATenGigabitLimitOnEveryTransport() {
        ThroughputOptions options = ThroughputOptions.parse();

        assertEquals(DataSize.ofMebibytes(64), options.size);
        assertEquals(DataRate.ofGigabitsPerSecond(10), options.rate);
        assertEquals(5, options.repetitions);
        assertEquals(DataSize.ofKibibytes(16), options.burst);
        assertEquals(List.of(ThroughputTransport.values()), options.transports);
        assertEquals(Paths.get("jmh/target/transport-throughput.json"), options.json);
    }

    @Test
    void readsItsOwnOptions() {
        ThroughputOptions options = ThroughputOptions.parse("--size", "8MiB", "--rate=1Gbit/s", "--repetitions", "3",
                "--transports=jdk", "--burst", "2MiB");

        assertEquals(DataSize.ofMebibytes(8), options.size);
        assertEquals(DataRate.ofGigabitsPerSecond(1), options.rate);
        assertEquals(3, options.repetitions);
        assertEquals(DataSize.ofMebibytes(2), options.burst);
        assertEquals(List.of(ThroughputTransport.JDK), options.transports);
    }

    @Test
    void refusesRepetitionsOutOfRangeAnUnknownTransportAndCheck() {
        assertEquals("--repetitions \"0\" is out of range: allowed 1 to 99 measured runs per stack",
                assertThrows(IllegalArgumentException.class, () -> ThroughputOptions.parse("--repetitions", "0")).getMessage());
        assertEquals("--transports: unknown transport \"okhttp\"; allowed: jdk,micronaut",
                assertThrows(IllegalArgumentException.class, () -> ThroughputOptions.parse("--transports", "okhttp")).getMessage());
        assertEquals("--check is not allowed: the throughput ceiling has no bounds to check",
                assertThrows(IllegalArgumentException.class, () -> ThroughputOptions.parse("--check")).getMessage());
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(3.0, ThroughputResult.median(List.of(5.0, 1.0, 3.0)));
        assertEquals(2.5, ThroughputResult.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }
}
