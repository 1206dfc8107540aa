package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The command line of {@link FleetAccuracyMain}: {@code --size}, {@code --rate}, {@code --backend},
 * {@code --json} (each as {@code --name value} or {@code --name=value}), {@code --check} and {@code --help}.
 * Every refusal is one line that names the value and what is allowed.
 */
final class FleetOptions {

    /** The largest payload: it is held in memory twice (source and receiver). */
    static final DataSize MAX_SIZE = DataSize.ofGibibytes(1);
    /** Three times the single-path check's payload: about 30 s at the default rate. */
    static final DataSize DEFAULT_SIZE = DataSize.ofMebibytes(3);
    static final DataRate DEFAULT_RATE = DataRate.ofBitsPerSecond(819_200);
    /** Bucket4j refills at most one token (byte) per nanosecond. */
    static final DataRate MAX_RATE = DataRate.ofGigabitsPerSecond(8);
    static final Path DEFAULT_JSON = Paths.get("jmh", "target", "fleet-accuracy.json");
    static final String USAGE = "usage: java -cp jmh/target/benchmarks.jar dev.sluice.jmh.FleetAccuracyMain"
            + " [--size 3MiB] [--rate 819200bit/s] [--backend " + FleetBackend.allowed() + "]"
            + " [--json " + DEFAULT_JSON + "] [--check]";

    private static final List<String> NAMES = List.of("--size", "--rate", "--backend", "--json", "--check", "--help");

    DataSize size = DEFAULT_SIZE;
    DataRate rate = DEFAULT_RATE;
    List<FleetBackend> backends = FleetBackend.chosenBy(FleetBackend.BOTH);
    Path json = DEFAULT_JSON;
    boolean help;
    /** Fail (exit 3) when a backend's aggregate is outside {@link FleetBounds}. */
    boolean check;

    private FleetOptions() {
    }

    /**
     * Reads {@code args}.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad value and what is allowed
     */
    static FleetOptions parse(String... args) {
        FleetOptions options = new FleetOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option \"" + arg + "\"; allowed: " + String.join(", ", NAMES));
            }
            if (name.equals("--help") || name.equals("--check")) {
                if (value != null) {
                    throw new IllegalArgumentException("option " + name + " takes no value, got \"" + value + "\"");
                }
                options.help |= name.equals("--help");
                options.check |= name.equals("--check");
                continue;
            }
            if (value == null) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value, e.g. " + example(name));
                }
                value = args[++i];
            }
            options.set(name, value);
        }
        return options;
    }

    private void set(String name, String value) {
        switch (name) {
            case "--size":
                size = size(value);
                break;
            case "--rate":
                rate = finiteRate(value);
                break;
            case "--backend":
                backends = FleetBackend.chosenBy(value);
                break;
            case "--json":
                if (value.isBlank()) {
                    throw new IllegalArgumentException("--json needs a file path, e.g. " + example(name));
                }
                json = Paths.get(value);
                break;
            default:
                throw new AssertionError(name);
        }
    }

    private static DataSize size(String text) {
        DataSize parsed;
        try {
            parsed = DataSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--size: " + e.getMessage());
        }
        DataSize min = DataSize.ofBytes(1);
        if (parsed.compareTo(min) < 0 || parsed.compareTo(MAX_SIZE) > 0) {
            throw new IllegalArgumentException("--size \"" + text + "\" is out of range: allowed " + min + " to " + MAX_SIZE);
        }
        return parsed;
    }

    private static DataRate finiteRate(String text) {
        DataRate parsed;
        try {
            parsed = DataRate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rate: " + e.getMessage());
        }
        if (parsed.isUnlimited()) {
            throw new IllegalArgumentException("--rate \"" + text + "\" is not allowed: a fleet budget needs a finite"
                    + " rate of at least 1 bit/s, e.g. 819200bit/s");
        }
        if (parsed.compareTo(MAX_RATE) > 0) {
            throw new IllegalArgumentException("--rate \"" + text + "\" is out of range: allowed 1 bit/s to " + MAX_RATE
                    + " (Bucket4j refills at most 1 B/ns)");
        }
        return parsed;
    }

    private static String example(String name) {
        switch (name) {
            case "--size":
                return "--size 3MiB";
            case "--rate":
                return "--rate 819200bit/s";
            case "--backend":
                return "--backend redis";
            default:
                return "--json " + DEFAULT_JSON;
        }
    }
}
