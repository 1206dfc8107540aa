package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line the wall-clock checks share: {@code --size}, {@code --rate}, {@code --json} and the
 * check's own options, each as {@code --name value} or {@code --name=value}, plus the flags
 * {@code --check} and {@code --help}. Every refusal is one line that names the value and what is allowed.
 * A check's options extend this and take their own valued options in {@link #setOwn}.
 */
abstract class CheckOptions {

    /** The largest payload: it is held in memory twice (source and receiver). */
    static final DataSize MAX_SIZE = DataSize.ofGibibytes(1);

    DataSize size;
    DataRate rate;
    Path json;
    boolean help;
    /** Fail (exit 3) when a result is outside the check's bounds. */
    boolean check;

    /** One example a valued option, e.g. {@code --size 1MiB}, in the order refusals list the options. */
    private final List<String> examples;
    private final List<String> names = new ArrayList<>();

    /**
     * Defaults and {@code examples}, one a valued option ({@code --size}, {@code --rate}, {@code --json}
     * and the check's own) in the order the refusal of an unknown option lists them, before the flags.
     */
    CheckOptions(DataSize size, DataRate rate, Path json, List<String> examples) {
        this.size = size;
        this.rate = rate;
        this.json = json;
        this.examples = List.copyOf(examples);
        for (String example : examples) {
            names.add(example.substring(0, example.indexOf(' ')));
        }
        names.add("--check");
        names.add("--help");
    }

    /**
     * Reads {@code args} into {@code options}.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad value and what is allowed
     */
    static <T extends CheckOptions> T read(T options, String... args) {
        CheckOptions common = options; // a private method is not reached through a type variable
        common.readAll(args);
        return options;
    }

    private void readAll(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option \"" + arg + "\"; allowed: " + String.join(", ", names));
            }
            if (name.equals("--help") || name.equals("--check")) {
                if (value != null) {
                    throw new IllegalArgumentException("option " + name + " takes no value, got \"" + value + "\"");
                }
                help |= name.equals("--help");
                check |= name.equals("--check");
                continue;
            }
            if (value == null) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value, e.g. " + example(name));
                }
                value = args[++i];
            }
            set(name, value);
        }
    }

    private void set(String name, String value) {
        switch (name) {
            case "--size":
                size = sizeBetween(name, value, DataSize.ofBytes(1), MAX_SIZE);
                break;
            case "--json":
                if (value.isBlank()) {
                    throw new IllegalArgumentException("--json needs a file path, e.g. " + example(name));
                }
                json = Paths.get(value);
                break;
            default:
                setOwn(name, value);
        }
    }

    /** Takes a valued option other than {@code --size} and {@code --json} (the rate's bounds differ). */
    abstract void setOwn(String name, String value);

    private String example(String name) {
        return examples.stream().filter(e -> e.startsWith(name + " ")).findFirst().orElseThrow();
    }

    /** {@code text} as a size from {@code min} to {@code max}; refusals begin with {@code name}. */
    static DataSize sizeBetween(String name, String text, DataSize min, DataSize max) {
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

    /**
     * {@code text} as a finite rate for {@code --rate}; {@code needer} says who needs it finite in the
     * refusal of {@code unlimited} (e.g. "the check").
     */
    static DataRate finiteRate(String text, String needer) {
        DataRate parsed;
        try {
            parsed = DataRate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rate: " + e.getMessage());
        }
        if (parsed.isUnlimited()) {
            throw new IllegalArgumentException("--rate \"" + text + "\" is not allowed: " + needer + " needs a finite"
                    + " rate of at least 1 bit/s, e.g. 819200bit/s");
        }
        return parsed;
    }
}
