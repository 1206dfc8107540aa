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
 * The command line of {@link FairnessMain}: {@link CheckOptions}' {@code --size} (each stream's bytes),
 * {@code --rate} (the shared budget), {@code --json}, {@code --check} and {@code --help}, and
 * {@code --streams}, {@code --burst} and {@code --paths}.
 */
final class FairnessOptions extends CheckOptions {

    /** 8 x 128 KiB at 100 KiB/s: about 10 s per path (anchors A8). */
    static final DataSize DEFAULT_SIZE = DataSize.ofKibibytes(128);
    static final DataRate DEFAULT_RATE = DataRate.ofBitsPerSecond(819_200);
    static final int DEFAULT_STREAMS = 8;
    static final int MAX_STREAMS = 64;
    static final Path DEFAULT_JSON = Paths.get("jmh", "target", "fairness.json");
    static final String USAGE = "usage: java -cp jmh/target/benchmarks.jar dev.sluice.jmh.FairnessMain"
            + " [--size 128KiB] [--rate 819200bit/s] [--streams 8] [--burst 16KiB] [--paths " + FairnessPath.allIds()
            + "] [--json " + DEFAULT_JSON + "] [--check]";

    int streams = DEFAULT_STREAMS;
    DataSize burst = LeakyBucket.DEFAULT_BURST;
    List<FairnessPath> paths = Arrays.asList(FairnessPath.values());

    private FairnessOptions() {
        super(DEFAULT_SIZE, DEFAULT_RATE, DEFAULT_JSON, List.of("--size 128KiB", "--rate 819200bit/s", "--streams 8",
                "--burst 16KiB", "--paths sluice-output-streams,guava", "--json " + DEFAULT_JSON));
    }

    /** Reads {@code args}. @throws IllegalArgumentException naming the bad value and what is allowed */
    static FairnessOptions parse(String... args) {
        return read(new FairnessOptions(), args);
    }

    @Override
    void setOwn(String name, String value) {
        switch (name) {
            case "--rate":
                rate = finiteRate(value, "the shared budget");
                break;
            case "--streams":
                streams = streamCount(value);
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

    private static int streamCount(String text) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 2 || n > MAX_STREAMS) {
            throw new IllegalArgumentException("--streams \"" + text + "\" is out of range: allowed 2 to " + MAX_STREAMS);
        }
        return n;
    }

    private static List<FairnessPath> pathList(String text) {
        List<FairnessPath> chosen = new ArrayList<>();
        for (String id : text.split(",", -1)) {
            FairnessPath path;
            try {
                path = FairnessPath.byId(id.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--paths: " + e.getMessage());
            }
            if (!chosen.contains(path)) {
                chosen.add(path);
            }
        }
        return List.copyOf(chosen);
    }
}
