package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The command line of {@link FleetAccuracyMain}: {@link CheckOptions}' {@code --size}, {@code --rate},
 * {@code --json}, {@code --check} and {@code --help}, and {@code --backend}.
 */
final class FleetOptions extends CheckOptions {

    /** Three times the single-path check's payload: about 30 s at the default rate. */
    static final DataSize DEFAULT_SIZE = DataSize.ofMebibytes(3);
    static final DataRate DEFAULT_RATE = DataRate.ofBitsPerSecond(819_200);
    /** Bucket4j refills at most one token (byte) per nanosecond. */
    static final DataRate MAX_RATE = DataRate.ofGigabitsPerSecond(8);
    static final Path DEFAULT_JSON = Paths.get("jmh", "target", "fleet-accuracy.json");
    static final String USAGE = "usage: java -cp jmh/target/benchmarks.jar dev.sluice.jmh.FleetAccuracyMain"
            + " [--size 3MiB] [--rate 819200bit/s] [--backend " + FleetBackend.allowed() + "]"
            + " [--json " + DEFAULT_JSON + "] [--check]";

    List<FleetBackend> backends = FleetBackend.chosenBy(FleetBackend.BOTH);

    private FleetOptions() {
        super(DEFAULT_SIZE, DEFAULT_RATE, DEFAULT_JSON,
                List.of("--size 3MiB", "--rate 819200bit/s", "--backend redis", "--json " + DEFAULT_JSON));
    }

    /**
     * Reads {@code args}.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad value and what is allowed
     */
    static FleetOptions parse(String... args) {
        return read(new FleetOptions(), args);
    }

    @Override
    void setOwn(String name, String value) {
        switch (name) {
            case "--rate":
                rate = finiteRate(value);
                break;
            case "--backend":
                backends = FleetBackend.chosenBy(value);
                break;
            default:
                throw new AssertionError(name);
        }
    }

    private static DataRate finiteRate(String text) {
        DataRate parsed = finiteRate(text, "a fleet budget");
        if (parsed.compareTo(MAX_RATE) > 0) {
            throw new IllegalArgumentException("--rate \"" + text + "\" is out of range: allowed 1 bit/s to " + MAX_RATE
                    + " (Bucket4j refills at most 1 B/ns)");
        }
        return parsed;
    }
}
