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
 * The command line of {@link PacingAccuracyMain}: {@link CheckOptions}' {@code --size}, {@code --rate},
 * {@code --json}, {@code --check} and {@code --help}, and {@code --burst} and {@code --paths}.
 */
final class PacingOptions extends CheckOptions {

    static final DataSize DEFAULT_SIZE = DataSize.ofMebibytes(1);
    static final DataRate DEFAULT_RATE = DataRate.ofBitsPerSecond(819_200);
    static final Path DEFAULT_JSON = Paths.get("jmh", "target", "pacing-accuracy.json");
    static final String USAGE = "usage: java -cp jmh/target/benchmarks.jar dev.sluice.jmh.PacingAccuracyMain"
            + " [--size 1MiB] [--rate 819200bit/s] [--burst 16KiB] [--paths " + PacingPath.allIds() + "]"
            + " [--json " + DEFAULT_JSON + "] [--check]";

    DataSize burst = LeakyBucket.DEFAULT_BURST;
    List<PacingPath> paths = Arrays.asList(PacingPath.values());

    private PacingOptions() {
        super(DEFAULT_SIZE, DEFAULT_RATE, DEFAULT_JSON, List.of("--size 1MiB", "--rate 819200bit/s", "--burst 16KiB",
                "--paths blocking-output-stream,guava", "--json " + DEFAULT_JSON));
    }

    /**
     * Reads {@code args}.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad value and what is allowed
     */
    static PacingOptions parse(String... args) {
        return read(new PacingOptions(), args);
    }

    @Override
    void setOwn(String name, String value) {
        switch (name) {
            case "--rate":
                rate = finiteRate(value, "the check");
                break;
            case "--burst":
                burst = sizeBetween(name, value, DataSize.ofBytes(1), MAX_SIZE);
                break;
            case "--paths":
                paths = pathList(value);
                break;
            default:
                throw new AssertionError(name);
        }
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
}
