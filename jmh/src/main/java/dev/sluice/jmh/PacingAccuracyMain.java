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
import java.util.concurrent.TimeUnit;

/**
 * The project's wall-clock pacing check (never a unit test: it takes real seconds). It pushes a payload
 * through each pacing path in turn (Sluice's throttled output stream, throttled input stream and async
 * pacer, then the peers: Guava's {@code RateLimiter}, Bucket4j's blocking bucket, Resilience4j's
 * {@code RateLimiter}, Okio's {@code Throttler}, Commons IO's {@code ThrottledInputStream} and Netty's
 * {@code GlobalTrafficShapingHandler} over loopback TCP ({@link NettyPath}), each at its
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
 * <p>Beyond the rate and the window maxima, each path reports its release jitter against the ideal
 * schedule, its 100 ms and 1 s maxima at the start and in the steady state, and the CPU time of the JVM's
 * threads per MiB ({@link PacingDetail}). With {@code --idle N} (default 60 s, 0 for none) the sink stalls
 * N s once the payload has arrived, then takes 1.5 s more at the rate, and the report gives the 1 s and
 * 100 ms maxima after the pause (anchors A6). With {@code --link RATE} every write is held for the time an
 * emulated link of that rate takes to carry it (anchors A2: the limit should still be reached at
 * {@code --link 1638400bit/s}, twice the default rate).
 *
 * <p>Each chosen path first runs once, fast and unmeasured (256 KiB at 64 MiB/s). At the defaults (1 MiB at
 * 819,200 bit/s = 100 KiB/s) each measured path then lasts about 10 s (less the peer's start burst), so
 * all 13 paths take about 2 minutes, plus 61.5 s each with the default idle phase; {@code --paths} picks a
 * few. Only Sluice's paths are held to the {@code --check} bounds. The markdown table
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
        List<PacingDetail> details = new ArrayList<>();
        boolean allIntact = true;
        for (PacingPath path : options.paths) {
            System.err.println("pacing-accuracy: running " + path.id() + " (about "
                    + seconds(options.rate.nanosToSend(payload.length)) + " s"
                    + (options.idleSeconds > 0 ? ", then " + options.idleSeconds + " s idle and 1.5 s more" : "") + ")");
            Measured measured = run(path, payload, options);
            allIntact &= measured.result().intact();
            results.add(measured.result());
            details.add(measured.detail());
        }
        AccuracyReport report = new AccuracyReport(started, options, results, details);
        writeReport(options.json, report.toJson(), report.toMarkdown());
        if (!allIntact) {
            System.err.println("pacing-accuracy: a path did not deliver the payload intact");
            System.exit(FAILED);
        }
        if (options.check) {
            List<String> violations = PacingBounds.violations(results, options.rate);
            violations.addAll(PacingBounds.detailViolations(details, options.rate, options.burst));
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

    /** One measured run: the payload, then (with {@code --idle}) the pause and the after-idle payload. */
    private static Measured run(PacingPath path, byte[] payload, PacingOptions options) {
        long idleNanos = TimeUnit.SECONDS.toNanos(options.idleSeconds);
        byte[] all = idleNanos > 0 ? payload(payload.length + afterIdleBytes(options.rate)) : payload;
        double link = options.link.isUnlimited() ? 0 : options.link.bytesPerSecond();
        TimestampingSink sink = new TimestampingSink(all.length, all.length / PacingPath.CHUNK_BYTES + 2,
                payload.length, idleNanos, link);
        long cpuBefore = TimestampingSink.threadCpuNanos();
        long[] span = transfer(path, all, options.rate, options.burst, sink);
        ReleaseLog main = sink.log();
        ReleaseLog afterIdle = sink.afterIdleLog();
        long last = afterIdle.releases() > 0 ? afterIdle.lastNanos() : main.lastNanos();
        // the tail is measured from the last byte of all, so it never counts the idle pause
        long returned = span[1] - last + main.lastNanos();
        PathResult result = PathResult.of(path.id(), main, span[0], returned, options.rate, sink.holdsExactly(all));
        long cpuDone = sink.mainDoneCpuNanos();
        long cpu = cpuBefore < 0 || cpuDone < 0 ? -1 : cpuDone - cpuBefore;
        return new Measured(result, PacingDetail.of(path.id(), main, afterIdle, idleNanos, options.rate, cpu));
    }

    /**
     * The after-idle payload: one and a half seconds at the rate (so that a whole 1 s window follows the
     * pause even for a pacer that releases a burst first), at least two chunks.
     */
    static int afterIdleBytes(DataRate rate) {
        long bytes = (long) Math.ceil(rate.bytesPerSecond() * 1.5);
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(2L * PacingPath.CHUNK_BYTES, bytes));
    }

    private static void run(PacingPath path, byte[] payload, DataRate rate, DataSize burst) {
        transfer(path, payload, rate, burst, new TimestampingSink(payload.length, payload.length / PacingPath.CHUNK_BYTES + 2));
    }

    /** Runs the transfer; returns when it was begun and when it returned. */
    private static long[] transfer(PacingPath path, byte[] payload, DataRate rate, DataSize burst,
            TimestampingSink sink) {
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
        return new long[] {start, System.nanoTime()};
    }

    /** A path's figures. */
    record Measured(PathResult result, PacingDetail detail) {
    }

    private static String seconds(long nanos) {
        return ReportText.number(nanos / 1e9, 1);
    }
}
