package dev.sluice.jmh;

import static dev.sluice.jmh.CheckExits.FAILED;
import static dev.sluice.jmh.CheckExits.exitIfOutOfBounds;
import static dev.sluice.jmh.CheckExits.optionsOrExit;
import static dev.sluice.jmh.CheckExits.writeReport;
import static dev.sluice.jmh.ReportText.appendOpening;
import static dev.sluice.jmh.ReportText.cell;
import static dev.sluice.jmh.ReportText.cores;
import static dev.sluice.jmh.ReportText.number;
import static dev.sluice.jmh.ReportText.rateAndBurst;
import static dev.sluice.jmh.ReportText.signed;
import static dev.sluice.jmh.ReportText.string;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fairness of several streams on one budget (anchors A8), on the wall clock: {@code --streams} streams (8)
 * each send {@code --size} (128 KiB) at once through one shared limiter at {@code --rate} (819,200 bit/s):
 * Sluice's leaky bucket behind one {@code ThrottledOutputStream} per stream or one async chain per stream,
 * and Guava's and Bucket4j's limiters shared by one thread per stream ({@link FairnessPath}). Per path it
 * reports Jain's index and the smallest share of each stream's bytes while every stream was sending (from
 * 1 s after the first byte: the start is a race of waking threads), and
 * the aggregate rate error of all the streams together ({@link PathResult}'s achieved rate).
 *
 * <pre>{@code
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.FairnessMain
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.FairnessMain --size 32KiB --paths sluice-output-streams --check
 * }</pre>
 * With {@code --check}, Sluice's paths must keep Jain's index at or above {@value #MIN_JAIN}, the smallest
 * share at or above {@value #MIN_SHARE} and the aggregate error within {@value #MAX_ERROR_PERCENT} %
 * (generous: the targets are 0.98 and 0.9).
 */
public final class FairnessMain {

    static final double MIN_JAIN = 0.9;
    static final double MIN_SHARE = 0.5;
    static final double MAX_ERROR_PERCENT = 2.0;
    /** Shares count from this long after the first byte: the start is a race between waking threads. */
    static final long SETTLE_NANOS = PathResult.ONE_SECOND_NANOS;

    private FairnessMain() {
    }

    /** Runs the check; see the class comment. */
    public static void main(String[] args) throws Exception {
        FairnessOptions options = optionsOrExit("fairness", FairnessOptions::parse, args);
        if (options.help) {
            System.out.println(FairnessOptions.USAGE);
            return;
        }
        Instant started = Instant.now();
        long bytesPerStream = options.size.bytes();
        // warm-up: every path once, fast, so that class loading is not a stream's handicap
        for (FairnessPath path : options.paths) {
            run(path, options, 64 * 1024, dev.sluice.api.DataRate.ofMebibytesPerSecond(64));
        }
        List<Result> results = new ArrayList<>();
        for (FairnessPath path : options.paths) {
            System.err.println("fairness: running " + path.id() + " (about "
                    + number(options.rate.nanosToSend(bytesPerStream * options.streams) / 1e9, 1) + " s)");
            results.add(run(path, options, bytesPerStream, options.rate));
        }
        writeReport(options.json, toJson(started, options, results), toMarkdown(options, results));
        if (results.stream().anyMatch(r -> !r.aggregate().intact())) {
            System.err.println("fairness: a stream did not deliver all its bytes");
            System.exit(FAILED);
        }
        if (options.check) {
            exitIfOutOfBounds("fairness", violations(results), "check: every Sluice path has Jain >= " + MIN_JAIN
                    + ", min share >= " + MIN_SHARE + " and aggregate error within " + MAX_ERROR_PERCENT + " %");
        }
    }

    /** One path's figures: each stream's bytes while all sent, and the aggregate. */
    record Result(FairnessPath path, long[] bytesWhileAllSent, double jain, double minShare, PathResult aggregate) {
    }

    private static Result run(FairnessPath path, FairnessOptions options, long bytesPerStream,
            dev.sluice.api.DataRate rate) throws Exception {
        long all = bytesPerStream * options.streams;
        FairnessSink sink = new FairnessSink(options.streams, bytesPerStream, SETTLE_NANOS,
                (int) (all / PacingPath.CHUNK_BYTES) + 16);
        long start = System.nanoTime();
        path.run(new FairnessPath.Run(options.streams, bytesPerStream, rate, options.burst, sink));
        long returned = System.nanoTime();
        long[] shares = sink.bytesWhileAllSent();
        PathResult aggregate = PathResult.of(path.id(), sink.log(), start, returned, rate, sink.complete());
        return new Result(path, shares, Fairness.jainIndex(shares), Fairness.minShare(shares), aggregate);
    }

    /** One line per Sluice path outside the bounds (peers are never judged). */
    static List<String> violations(List<Result> results) {
        List<String> violations = new ArrayList<>();
        for (Result r : results) {
            if (r.path().isPeer()) {
                continue;
            }
            if (!(r.jain() >= MIN_JAIN)) {
                violations.add(String.format(Locale.ROOT, "%s: Jain index %.4f is below %.2f", r.path().id(), r.jain(),
                        MIN_JAIN));
            }
            if (!(r.minShare() >= MIN_SHARE)) {
                violations.add(String.format(Locale.ROOT, "%s: smallest share %.3f of the fair share is below %.2f",
                        r.path().id(), r.minShare(), MIN_SHARE));
            }
            double error = r.aggregate().achievedErrorPercent();
            if (!(Math.abs(error) <= MAX_ERROR_PERCENT)) {
                violations.add(String.format(Locale.ROOT, "%s: aggregate rate error %+.3f %% is outside +/-%.1f %%",
                        r.path().id(), error, MAX_ERROR_PERCENT));
            }
        }
        return violations;
    }

    private static String toJson(Instant started, FairnessOptions options, List<Result> results) {
        StringBuilder json = new StringBuilder(4096);
        appendOpening(json, "fairness", started.toString(), true);
        json.append("  \"settings\": {\n");
        json.append("    \"streams\": ").append(options.streams).append(",\n");
        json.append("    \"bytesPerStream\": ").append(options.size.bytes()).append(",\n");
        json.append("    \"rateBitsPerSecond\": ").append(options.rate.bitsPerSecond()).append(",\n");
        json.append("    \"burstBytes\": ").append(options.burst.bytes()).append(",\n");
        json.append("    \"sharesCountFromNanosAfterFirstByte\": ").append(SETTLE_NANOS).append("\n");
        json.append("  },\n");
        json.append("  \"paths\": [");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\n");
            json.append("      \"path\": ").append(string(r.path().id())).append(",\n");
            json.append("      \"bytesPerStreamWhileAllSent\": ").append(java.util.Arrays.toString(r.bytesWhileAllSent()))
                    .append(",\n");
            json.append("      \"jainIndex\": ").append(number(r.jain(), 6)).append(",\n");
            json.append("      \"minShare\": ").append(number(r.minShare(), 6)).append(",\n");
            json.append("      \"complete\": ").append(r.aggregate().intact()).append(",\n");
            json.append("      \"aggregateAchievedBytesPerSecond\": ")
                    .append(number(r.aggregate().achievedBytesPerSecond(), 3)).append(",\n");
            json.append("      \"aggregateErrorPercent\": ").append(number(r.aggregate().achievedErrorPercent(), 4))
                    .append(",\n");
            json.append("      \"aggregateMaxBytesInAnyOneSecond\": ").append(r.aggregate().maxBytesInOneSecond())
                    .append("\n    }");
        }
        json.append(results.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return json.toString();
    }

    private static String toMarkdown(FairnessOptions options, List<Result> results) {
        StringBuilder md = new StringBuilder(1024);
        md.append("Fairness: ").append(options.streams).append(" streams x ").append(options.size).append(" on one ")
                .append(rateAndBurst(options.rate, options.burst)).append(", ").append(cores()).append("\n\n");
        md.append("| path | Jain index | min share | aggregate B/s | aggregate error % | max 1 s B | complete |\n");
        md.append("|---|--:|--:|--:|--:|--:|---|\n");
        for (Result r : results) {
            md.append("| ").append(r.path().id())
                    .append(" | ").append(cell(r.jain(), 4))
                    .append(" | ").append(cell(r.minShare(), 3))
                    .append(" | ").append(cell(r.aggregate().achievedBytesPerSecond(), 1))
                    .append(" | ").append(signed(r.aggregate().achievedErrorPercent()))
                    .append(" | ").append(r.aggregate().maxBytesInOneSecond())
                    .append(" | ").append(r.aggregate().intact() ? "yes" : "NO").append(" |\n");
        }
        md.append("\nshares: each stream's bytes from 1 s after the first byte while every stream was still"
                + " sending (up to the write that finished the first stream); Jain = (sum x)^2 / (n sum x^2); min share = min x / (sum x / n);"
                + " aggregate: all streams' writes in one log, achieved rate as in the pacing check.\n");
        return md.toString();
    }
}
