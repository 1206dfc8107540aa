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
 * The command line of {@link TransportThroughputMain}: {@link CheckOptions}' {@code --size}, {@code --rate}
 * (here the limit of the limited stacks), {@code --json} and {@code --help}, and {@code --repetitions} and
 * {@code --transports}, and {@code --burst} (the limited stacks' bucket burst, 16 KiB by default: at 10 Gbit/s
 * that is 13 µs of sending, so every few chunks wait for a timer; a burst of a millisecond or two of the rate
 * measures pacing with a limit that does not bind). {@code --check} is refused: a ceiling has no bounds to hold.
 */
final class ThroughputOptions extends CheckOptions {

    static final DataSize DEFAULT_SIZE = DataSize.ofMebibytes(64);
    static final DataRate DEFAULT_RATE = DataRate.ofGigabitsPerSecond(10);
    static final int DEFAULT_REPETITIONS = 5;
    static final int MAX_REPETITIONS = 99;
    static final Path DEFAULT_JSON = Paths.get("jmh", "target", "transport-throughput.json");
    static final String USAGE = "usage: java -cp jmh/target/benchmarks.jar dev.sluice.jmh.TransportThroughputMain"
            + " [--size 64MiB] [--rate 10Gbit/s] [--burst 16KiB] [--repetitions " + DEFAULT_REPETITIONS + "] [--transports "
            + ThroughputTransport.allIds() + "] [--json " + DEFAULT_JSON + "]";

    int repetitions = DEFAULT_REPETITIONS;
    DataSize burst = LeakyBucket.DEFAULT_BURST;
    List<ThroughputTransport> transports = Arrays.asList(ThroughputTransport.values());

    private ThroughputOptions() {
        super(DEFAULT_SIZE, DEFAULT_RATE, DEFAULT_JSON, List.of("--size 64MiB", "--rate 10Gbit/s", "--burst 16KiB", "--repetitions 5",
                "--transports jdk", "--json " + DEFAULT_JSON));
    }

    /**
     * Reads {@code args}.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad value and what is allowed
     */
    static ThroughputOptions parse(String... args) {
        ThroughputOptions options = read(new ThroughputOptions(), args);
        if (options.check) {
            throw new IllegalArgumentException("--check is not allowed: the throughput ceiling has no bounds to check");
        }
        return options;
    }

    @Override
    void setOwn(String name, String value) {
        switch (name) {
            case "--rate":
                rate = finiteRate(value, "the limited stacks");
                break;
            case "--burst":
                burst = sizeBetween(name, value, DataSize.ofBytes(1), DataSize.ofGibibytes(1));
                break;
            case "--repetitions":
                repetitions = repetitions(value);
                break;
            case "--transports":
                transports = transportList(value);
                break;
            default:
                throw new AssertionError(name);
        }
    }

    private static int repetitions(String text) {
        int count;
        try {
            count = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > MAX_REPETITIONS) {
            throw new IllegalArgumentException("--repetitions \"" + text + "\" is out of range: allowed 1 to "
                    + MAX_REPETITIONS + " measured runs per stack");
        }
        return count;
    }

    private static List<ThroughputTransport> transportList(String text) {
        List<ThroughputTransport> chosen = new ArrayList<>();
        for (String id : text.split(",", -1)) {
            ThroughputTransport transport;
            try {
                transport = ThroughputTransport.byId(id.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--transports: " + e.getMessage());
            }
            if (chosen.contains(transport)) {
                throw new IllegalArgumentException("--transports names \"" + transport.id() + "\" twice; allowed: "
                        + ThroughputTransport.allIds() + ", each at most once");
            }
            chosen.add(transport);
        }
        return List.copyOf(chosen);
    }
}
