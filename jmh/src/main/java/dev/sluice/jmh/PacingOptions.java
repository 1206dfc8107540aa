package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.throttle.LeakyBucket;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@link PacingAccuracyMain}: {@code --size}, {@code --rate}, {@code --burst},
 * {@code --paths}, {@code --json} (each as {@code --name value} or {@code --name=value}), {@code --check} and
 * {@code --help}.
 * Every refusal is one line that names the value and what is allowed.
 */
final class PacingOptions {

    /** The largest payload: it is held in memory twice (source and sink). */
    static final DataSize MAX_SIZE = DataSize.ofGibibytes(1);
    static final DataSize DEFAULT_SIZE = DataSize.ofMebibytes(1);
    static final DataRate DEFAULT_RATE = DataRate.ofBitsPerSecond(819_200);
    static final Path DEFAULT_JSON = Paths.get("jmh", "target", "pacing-accuracy.json");
    static final String USAGE = "usage: java -cp jmh/target/benchmarks.jar dev.sluice.jmh.PacingAccuracyMain"
            + " [--size 1MiB] [--rate 819200bit/s] [--burst 16KiB] [--paths " + PacingPath.allIds() + "]"
            + " [--json " + DEFAULT_JSON + "] [--check]";

    private static final List<String> NAMES = List.of("--size", "--rate", "--burst", "--paths", "--json", "--check", "--help");

    DataSize size = DEFAULT_SIZE;
    DataRate rate = DEFAULT_RATE;
    DataSize burst = LeakyBucket.DEFAULT_BURST;
    List<PacingPath> paths = Arrays.asList(PacingPath.values());
    Path json = DEFAULT_JSON;
    boolean help;
    /** Fail (exit 3) when a Sluice path is outside {@link PacingBounds}. */
    boolean check;

    private PacingOptions() {
    }

    /**
     * Reads {@code args}.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad value and what is allowed
     */
    static PacingOptions parse(String... args) {
        PacingOptions options = new PacingOptions();
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
                size = sizeBetween(name, value, DataSize.ofBytes(1), MAX_SIZE);
                break;
            case "--rate":
                rate = finiteRate(value);
                break;
            case "--burst":
                burst = sizeBetween(name, value, DataSize.ofBytes(1), MAX_SIZE);
                break;
            case "--paths":
                paths = pathList(value);
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

    private static DataSize sizeBetween(String name, String text, DataSize min, DataSize max) {
        DataSize size;
        try {
            size = DataSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
        if (size.compareTo(min) < 0 || size.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " \"" + text + "\" is out of range: allowed " + min + " to " + max);
        }
        return size;
    }

    private static DataRate finiteRate(String text) {
        DataRate parsed;
        try {
            parsed = DataRate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rate: " + e.getMessage());
        }
        if (parsed.isUnlimited()) {
            throw new IllegalArgumentException("--rate \"" + text + "\" is not allowed: the check needs a finite rate"
                    + " of at least 1 bit/s, e.g. 819200bit/s");
        }
        return parsed;
    }

    private static List<PacingPath> pathList(String text) {
        List<PacingPath> chosen = new ArrayList<>();
        for (String id : text.split(",", -1)) {
            PacingPath path;
            try {
                path = PacingPath.byId(id.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--paths: " + e.getMessage());
            }
            if (chosen.contains(path)) {
                throw new IllegalArgumentException("--paths names \"" + path.id() + "\" twice; allowed: "
                        + PacingPath.allIds() + ", each at most once");
            }
            chosen.add(path);
        }
        return List.copyOf(chosen);
    }

    private static String example(String name) {
        switch (name) {
            case "--size":
                return "--size 1MiB";
            case "--rate":
                return "--rate 819200bit/s";
            case "--burst":
                return "--burst 16KiB";
            case "--paths":
                return "--paths blocking-output-stream,guava";
            default:
                return "--json " + DEFAULT_JSON;
        }
    }
}
