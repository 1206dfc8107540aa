package dev.sluice.jmh;

import static dev.sluice.jmh.CheckExits.FAILED;
import static dev.sluice.jmh.CheckExits.exitIfOutOfBounds;
import static dev.sluice.jmh.CheckExits.optionsOrExit;
import static dev.sluice.jmh.CheckExits.payload;
import static dev.sluice.jmh.CheckExits.writeReport;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's wall-clock pacing check (never a unit test: it takes real seconds). It pushes a payload
 * through each pacing path in turn (Sluice's throttled output stream, throttled input stream and async
 * pacer, then the peers: Guava's {@code RateLimiter}, Bucket4j's blocking bucket, Resilience4j's
 * {@code RateLimiter}, Okio's {@code Throttler} and Commons IO's {@code ThrottledInputStream}, each at its
 * defaults and, where it has a burst setting, at the same burst as Sluice; see {@link PacingPath}) into an
 * in-memory sink that stamps every write with
 * {@link System#nanoTime()}, and reports, per path, how close the rate seen by the receiver is to the target
 * and how bursty it was. See {@link ReleaseLog} and {@link AccuracyReport} for the exact formulas.
 *
 * <pre>{@code
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.PacingAccuracyMain
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.PacingAccuracyMain --size 1MiB --rate 819200bit/s \
 *     --burst 16KiB --paths blocking-output-stream,guava --json jmh/target/pacing-accuracy.json
 * }</pre>
 *
 * <p>Each chosen path first runs once, fast and unmeasured (256 KiB at 64 MiB/s). At the defaults (1 MiB at
 * 819,200 bit/s = 100 KiB/s) each measured path then lasts about 10 s (less the peer's start burst), so
 * all 11 paths take about 2 minutes; {@code --paths} picks a few. Only Sluice's paths are held to the
 * {@code --check} bounds (Netty's traffic shaping is not here: it needs a channel pipeline). The markdown table
 * goes to standard output, the JSON document to {@code --json}. A bad option prints one line naming the
 * value and what is allowed, and exits with status 2.
 */
public final class PacingAccuracyMain {

    /** The unmeasured warm-up: a few chunks per path, at a rate that makes them take milliseconds. */
    static final DataSize WARM_UP_SIZE = DataSize.ofKibibytes(256);
    static final DataRate WARM_UP_RATE = DataRate.ofMebibytesPerSecond(64);
    static final String WARM_UP_NOTE = "warm-up: each chosen path once, " + WARM_UP_SIZE + " at " + WARM_UP_RATE
            + ", not measured";

    private PacingAccuracyMain() {
    }

    /** Runs the check; see the class comment for the options. */
    public static void main(String[] args) throws IOException {
        PacingOptions options = optionsOrExit("pacing-accuracy", PacingOptions::parse, args);
        if (options.help) {
            System.out.println(PacingOptions.USAGE);
            return;
        }
        Instant started = Instant.now();
        byte[] payload = payload((int) options.size.bytes());
        warmUp(options);
        List<PathResult> results = new ArrayList<>();
        boolean allIntact = true;
        for (PacingPath path : options.paths) {
            System.err.println("pacing-accuracy: running " + path.id() + " (about "
                    + seconds(options.rate.nanosToSend(payload.length)) + " s)");
            PathResult result = run(path, payload, options);
            allIntact &= result.intact();
            results.add(result);
        }
        AccuracyReport report = new AccuracyReport(started, options.size, options.rate, options.burst, results);
        writeReport(options.json, report.toJson(), report.toMarkdown());
        if (!allIntact) {
            System.err.println("pacing-accuracy: a path did not deliver the payload intact");
            System.exit(FAILED);
        }
        if (options.check) {
            List<String> violations = PacingBounds.violations(results, options.rate);
            exitIfOutOfBounds("pacing-accuracy", violations, "check: every Sluice path within "
                    + PacingBounds.MAX_ERROR_PERCENT + " % of the rate and " + PacingBounds.MAX_WINDOW_FACTOR + " times the rate in any second");
        }
    }

    /**
     * Runs every chosen path once, fast and unmeasured, so that class loading, lambda linkage and the
     * scheduler thread's start do not delay the first measured byte (a cold start is not a pacing error).
     */
    private static void warmUp(PacingOptions options) {
        byte[] payload = payload((int) WARM_UP_SIZE.bytes());
        for (PacingPath path : options.paths) {
            run(path, payload, WARM_UP_RATE, options.burst);
        }
    }

    private static PathResult run(PacingPath path, byte[] payload, PacingOptions options) {
        return run(path, payload, options.rate, options.burst);
    }

    private static PathResult run(PacingPath path, byte[] payload, DataRate rate, DataSize burst) {
        int expectedWrites = payload.length / PacingPath.CHUNK_BYTES + 2;
        TimestampingSink sink = new TimestampingSink(payload.length, expectedWrites);
        PacingPath.Transfer transfer = new PacingPath.Transfer(payload, rate, burst, sink);
        long start = System.nanoTime();
        try {
            path.transfer(transfer);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("path " + path.id() + " failed: " + e, e);
        }
        long returned = System.nanoTime();
        return PathResult.of(path.id(), sink.log(), start, returned, rate, sink.holdsExactly(payload));
    }

    private static String seconds(long nanos) {
        return ReportText.number(nanos / 1e9, 1);
    }
}
