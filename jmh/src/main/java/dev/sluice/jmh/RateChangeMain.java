package dev.sluice.jmh;

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

import dev.sluice.api.DataRate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rate-change latency on the wall clock (anchors A10): a sender runs at {@code --rate} (819,200 bit/s); once
 * {@code --size} (300 KiB, about 3 s) should have gone, another thread changes the rate to
 * {@code factor x rate} (2 and 0.5 by default) through the library's own call ({@link RateChangePath}), and
 * the sender goes on for as long again at the new rate. The latency is the time from the change until
 * the rate the receiver sees over a trailing 250 ms window is within 5 % of the new rate
 * ({@link RateChange}); the steady error is the rate from 1 s after the change on against the new rate.
 *
 * <pre>{@code
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.RateChangeMain
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.RateChangeMain --paths sluice-blocking,sluice-async --check
 * }</pre>
 * With {@code --check}, Sluice's paths must follow within {@value #MAX_LATENCY_MILLIS} ms and keep the new
 * rate within {@value #MAX_STEADY_ERROR_PERCENT} % (generous: the target is one grant or 50 ms).
 */
public final class RateChangeMain {

    static final long WINDOW_NANOS = 250_000_000L;
    static final double TOLERANCE = 0.05;
    static final double MAX_LATENCY_MILLIS = 1000;
    static final double MAX_STEADY_ERROR_PERCENT = 5;

    private RateChangeMain() {
    }

    /** One run's figures. */
    record Result(RateChangePath path, double factor, double latencyMillis, double steadyErrorPercent) {
    }

    /** Runs the check; see the class comment. */
    public static void main(String[] args) throws Exception {
        RateChangeOptions options = optionsOrExit("rate-change", RateChangeOptions::parse, args);
        if (options.help) {
            System.out.println(RateChangeOptions.USAGE);
            return;
        }
        Instant started = Instant.now();
        ScheduledExecutorService operator = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rate-change-operator");
            thread.setDaemon(true);
            return thread;
        });
        List<Result> results = new ArrayList<>();
        try {
            for (RateChangePath path : options.paths) {
                // warm-up, fast and unmeasured
                run(path, 2.0, DataRate.ofMebibytesPerSecond(64), options, 256 * 1024, operator);
            }
            for (RateChangePath path : options.paths) {
                for (double factor : options.factors) {
                    System.err.println("rate-change: running " + path.id() + " x" + factor);
                    results.add(run(path, factor, options.rate, options, options.size.bytes(), operator));
                }
            }
        } finally {
            operator.shutdownNow();
        }
        writeReport(options.json, toJson(started, options, results), toMarkdown(options, results));
        if (options.check) {
            exitIfOutOfBounds("rate-change", violations(results), "check: every Sluice path follows a rate change"
                    + " within " + MAX_LATENCY_MILLIS + " ms and keeps the new rate within " + MAX_STEADY_ERROR_PERCENT + " %");
        }
    }

    private static Result run(RateChangePath path, double factor, DataRate rate, RateChangeOptions options,
            long bytesBefore, ScheduledExecutorService operator) throws Exception {
        DataRate newRate = DataRate.ofBitsPerSecond(Math.max(1, Math.round(rate.bitsPerSecond() * factor)));
        long beforeNanos = rate.nanosToSend(Math.max(0, bytesBefore - options.burst.bytes()));
        long bytesAfter = (long) Math.ceil(newRate.bytesPerSecond() * beforeNanos / 1e9);
        long total = bytesBefore + bytesAfter;
        FairnessSink sink = new FairnessSink(1, total, 0, (int) (total / PacingPath.CHUNK_BYTES) + 16);
        RateChangePath.Sender sender = path.create(rate, options.burst);
        long[] changedAt = new long[1];
        operator.schedule(() -> {
            synchronized (changedAt) {
                changedAt[0] = System.nanoTime();
            }
            sender.rate().set(newRate);
        }, beforeNanos, TimeUnit.NANOSECONDS);
        sender.body().send(sink.stream(0), total);
        long change;
        synchronized (changedAt) {
            change = changedAt[0];
        }
        if (change == 0) {
            throw new IllegalStateException(path.id() + ": the transfer ended before the rate change");
        }
        ReleaseLog log = sink.log();
        long latency = RateChange.latencyNanos(log.instants(), log.sizes(), change, newRate.bytesPerSecond(),
                WINDOW_NANOS, TOLERANCE);
        double steady = log.bytesPerSecondFrom(change + PathResult.ONE_SECOND_NANOS);
        return new Result(path, factor, latency == RateChange.NEVER ? Double.NaN : latency / 1e6,
                PathResult.errorPercent(steady, newRate));
    }

    /** One line per Sluice run outside the bounds (peers are never judged). */
    static List<String> violations(List<Result> results) {
        List<String> violations = new ArrayList<>();
        for (Result r : results) {
            if (r.path().isPeer()) {
                continue;
            }
            if (!(r.latencyMillis() <= MAX_LATENCY_MILLIS)) {
                violations.add(String.format(Locale.ROOT, "%s x%s: latency %.1f ms is above %.0f ms", r.path().id(),
                        r.factor(), r.latencyMillis(), MAX_LATENCY_MILLIS));
            }
            if (!(Math.abs(r.steadyErrorPercent()) <= MAX_STEADY_ERROR_PERCENT)) {
                violations.add(String.format(Locale.ROOT, "%s x%s: error %+.3f %% against the new rate is outside"
                        + " +/-%.0f %%", r.path().id(), r.factor(), r.steadyErrorPercent(), MAX_STEADY_ERROR_PERCENT));
            }
        }
        return violations;
    }

    private static String toJson(Instant started, RateChangeOptions options, List<Result> results) {
        StringBuilder json = new StringBuilder(2048);
        appendOpening(json, "rate-change", started.toString(), true);
        json.append("  \"settings\": {\n");
        json.append("    \"bytesBeforeChange\": ").append(options.size.bytes()).append(",\n");
        json.append("    \"rateBitsPerSecond\": ").append(options.rate.bitsPerSecond()).append(",\n");
        json.append("    \"burstBytes\": ").append(options.burst.bytes()).append(",\n");
        json.append("    \"windowMillis\": ").append(WINDOW_NANOS / 1_000_000).append(",\n");
        json.append("    \"tolerancePercent\": ").append(number(TOLERANCE * 100, 1)).append("\n");
        json.append("  },\n  \"runs\": [");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"path\": ").append(string(r.path().id()))
                    .append(", \"factor\": ").append(number(r.factor(), 3))
                    .append(", \"latencyMillis\": ").append(number(r.latencyMillis(), 3))
                    .append(", \"steadyErrorPercent\": ").append(number(r.steadyErrorPercent(), 4)).append("}");
        }
        json.append(results.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return json.toString();
    }

    private static String toMarkdown(RateChangeOptions options, List<Result> results) {
        StringBuilder md = new StringBuilder(1024);
        md.append("Rate change: from ").append(rateAndBurst(options.rate, options.burst)).append(" after ")
                .append(options.size).append(", ").append(cores()).append("\n\n");
        md.append("| path | factor | latency ms | error after 1 s % |\n|---|--:|--:|--:|\n");
        for (Result r : results) {
            md.append("| ").append(r.path().id()).append(" | x").append(number(r.factor(), 2))
                    .append(" | ").append(Double.isNaN(r.latencyMillis()) ? "never" : cell(r.latencyMillis(), 1))
                    .append(" | ").append(signed(r.steadyErrorPercent())).append(" |\n");
        }
        md.append("\nlatency: from the change until the received rate over a trailing 250 ms window (at least two"
                + " intervals, never before the change) is within 5 % of the new rate; error: the rate from 1 s after the"
                + " change on, against the new rate.\n");
        return md.toString();
    }
}
