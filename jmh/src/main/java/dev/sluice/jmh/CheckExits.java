package dev.sluice.jmh;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The skeleton the wall-clock checks' mains share: reading the options (one line and exit
 * {@value #BAD_USAGE} when they are bad), the payload, writing the report, and {@code --check}'s verdict
 * (exit {@value #OUT_OF_BOUNDS}). Every line on standard error begins with the check's name.
 */
final class CheckExits {

    /** Exit status for a bad command line. */
    static final int BAD_USAGE = 2;
    /** Exit status when a run failed or delivered a damaged payload. */
    static final int FAILED = 1;
    /** Exit status when {@code --check} finds a result outside the check's bounds. */
    static final int OUT_OF_BOUNDS = 3;

    private CheckExits() {
    }

    /**
     * The options {@code parse} reads from {@code args}; on a bad one, prints {@code check: message} to
     * standard error and exits with {@value #BAD_USAGE}.
     */
    static <T> T optionsOrExit(String check, Function<String[], T> parse, String[] args) {
        try {
            return parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(check + ": " + e.getMessage());
            System.exit(BAD_USAGE);
            throw new AssertionError("System.exit returned", e);
        }
    }

    /** Random bytes from a fixed seed, so that every run sends the same payload. */
    static byte[] payload(int size) {
        byte[] payload = new byte[size];
        new Random(819_200L).nextBytes(payload);
        return payload;
    }

    /** Writes {@code jsonText} to {@code json} (making its directory), then prints the markdown and the path. */
    static void writeReport(Path json, String jsonText, String markdown) throws IOException {
        Path absolute = json.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Files.write(absolute, jsonText.getBytes(StandardCharsets.UTF_8));
        System.out.print(markdown);
        System.out.println("JSON: " + json);
    }

    /**
     * {@code --check}'s verdict: prints each violation to standard error and exits with
     * {@value #OUT_OF_BOUNDS} if there is one, else prints {@code passed} to standard output.
     */
    static void exitIfOutOfBounds(String check, List<String> violations, String passed) {
        PrintStream err = System.err;
        violations.forEach(v -> err.println(check + ": out of bounds: " + v));
        if (!violations.isEmpty()) {
            System.exit(OUT_OF_BOUNDS);
        }
        System.out.println(passed);
    }
}
