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
            + " [--idle 60s] [--link 1638400bit/s] [--json " + DEFAULT_JSON + "] [--check]";
    /** The default idle pause before the after-idle windows (anchors A6: 60 s). */
    static final long DEFAULT_IDLE_SECONDS = 60;
    /** The longest idle pause {@code --idle} takes. */
    static final long MAX_IDLE_SECONDS = 3600;

    DataSize burst = LeakyBucket.DEFAULT_BURST;
    List<PacingPath> paths = Arrays.asList(PacingPath.values());
    /** The pause after the measured payload, before the after-idle payload; 0: no idle phase. */
    long idleSeconds = DEFAULT_IDLE_SECONDS;
    /** The emulated link's rate; {@link DataRate#UNLIMITED}: no link emulation. */
    DataRate link = DataRate.UNLIMITED;

    private PacingOptions() {
        super(DEFAULT_SIZE, DEFAULT_RATE, DEFAULT_JSON, List.of("--size 1MiB", "--rate 819200bit/s", "--burst 16KiB",
                "--paths blocking-output-stream,guava", "--idle 60s", "--link 1638400bit/s", "--json " + DEFAULT_JSON));
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
            case "--idle":
                idleSeconds = seconds(value);
                break;
            case "--link":
                link = linkRate(value);
                break;
            default:
                throw new AssertionError(name);
        }
    }

    /** {@code --idle}: whole seconds, {@code 0} to {@value #MAX_IDLE_SECONDS}, with or without an {@code s}. */
    private static long seconds(String text) {
        String digits = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
        long seconds;
        try {
            seconds = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0 || seconds > MAX_IDLE_SECONDS) {
            throw new IllegalArgumentException("--idle \"" + text + "\" is not allowed: whole seconds from 0 (no idle"
                    + " phase) to " + MAX_IDLE_SECONDS + ", e.g. 60s");
        }
        return seconds;
    }

    private static DataRate linkRate(String text) {
        try {
            return finiteRate(text, "the emulated link");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("--rate", "--link"));
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
