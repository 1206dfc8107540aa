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
 * The command line of {@link RateChangeMain}: {@link CheckOptions}' {@code --size} (the bytes sent before
 * the change), {@code --rate} (the rate before it), {@code --json}, {@code --check} and {@code --help}, and
 * {@code --factors}, {@code --burst} and {@code --paths}.
 */
final class RateChangeOptions extends CheckOptions {

    /** 3 s at the default rate before the change (and as long after it). */
    static final DataSize DEFAULT_SIZE = DataSize.ofKibibytes(300);
    static final DataRate DEFAULT_RATE = DataRate.ofBitsPerSecond(819_200);
    static final Path DEFAULT_JSON = Paths.get("jmh", "target", "rate-change.json");
    static final String USAGE = "usage: java -cp jmh/target/benchmarks.jar dev.sluice.jmh.RateChangeMain"
            + " [--size 300KiB] [--rate 819200bit/s] [--factors 2,0.5] [--burst 16KiB] [--paths "
            + RateChangePath.allIds() + "] [--json " + DEFAULT_JSON + "] [--check]";

    List<Double> factors = List.of(2.0, 0.5);
    DataSize burst = LeakyBucket.DEFAULT_BURST;
    List<RateChangePath> paths = Arrays.asList(RateChangePath.values());

    private RateChangeOptions() {
        super(DEFAULT_SIZE, DEFAULT_RATE, DEFAULT_JSON, List.of("--size 300KiB", "--rate 819200bit/s",
                "--factors 2,0.5", "--burst 16KiB", "--paths sluice-blocking,guava", "--json " + DEFAULT_JSON));
    }

    /** Reads {@code args}. @throws IllegalArgumentException naming the bad value and what is allowed */
    static RateChangeOptions parse(String... args) {
        return read(new RateChangeOptions(), args);
    }

    @Override
    void setOwn(String name, String value) {
        switch (name) {
            case "--rate":
                rate = finiteRate(value, "the rate change");
                break;
            case "--factors":
                factors = factorList(value);
                break;
            case "--burst":
                burst = sizeBetween(name, value, DataSize.ofBytes(1), MAX_SIZE);
                break;
            case "--paths":
                List<RateChangePath> chosen = new ArrayList<>();
                for (String id : value.split(",", -1)) {
                    try {
                        chosen.add(RateChangePath.byId(id.strip()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--paths: " + e.getMessage());
                    }
                }
                paths = List.copyOf(chosen);
                break;
            default:
                throw new AssertionError(name);
        }
    }

    private static List<Double> factorList(String text) {
        List<Double> list = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            double factor;
            try {
                factor = Double.parseDouble(part.strip());
            } catch (NumberFormatException e) {
                factor = Double.NaN;
            }
            if (!(factor >= 0.1 && factor <= 10) || factor == 1) {
                throw new IllegalArgumentException("--factors \"" + text + "\": each factor must be from 0.1 to 10 and"
                        + " not 1, e.g. 2,0.5");
            }
            list.add(factor);
        }
        return List.copyOf(list);
    }
}
