package dev.sluice.jmh;

import static dev.sluice.jmh.CheckExits.optionsOrExit;
import static dev.sluice.jmh.CheckExits.writeReport;
import static dev.sluice.jmh.ReportText.appendOpening;
import static dev.sluice.jmh.ReportText.cores;
import static dev.sluice.jmh.ReportText.number;
import static dev.sluice.jmh.ReportText.string;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.tree.DirectionalRate;
import dev.sluice.throttle.tree.LimitTree;
import dev.sluice.throttle.tree.TreeTransfer;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The limit tree's wall-clock check (never a unit test: it takes real seconds). Two transfers share one
 * parent of {@code --rate} (819,200 bit/s by default) in a {@link LimitTree}, each sending 1 KiB chunks
 * through its own blocking {@link Pacer} on its own thread, and each chunk's release is stamped with
 * {@link System#nanoTime()}. Three phases of {@code --phase-seconds} each: A alone (it should get the whole
 * parent), A and B (both should converge to half), A alone again after B stops reserving (A should get the
 * whole parent back once B's idle window has passed). It prints each transfer's rate per 250 ms and, per
 * phase, the averages and how long after the phase began the rates settled.
 *
 * <pre>{@code
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.TreeSharingMain
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.TreeSharingMain --phase-seconds 2 --json jmh/target/tree-sharing.json
 * }</pre>
 *
 * <p>Settled means: from then to the end of the phase, every trailing {@value #WINDOW_MILLIS} ms window
 * (stepped every {@value #STEP_MILLIS} ms, starting within the phase) holds each transfer within
 * {@value #TOLERANCE_PERCENT} % of its target. The markdown goes to standard output, the JSON to
 * {@code --json}. A bad option prints one line naming the value and what is allowed, and exits with status 2.
 */
public final class TreeSharingMain {

    static final Path DEFAULT_JSON = Paths.get("jmh", "target", "tree-sharing.json");
    static final DataRate DEFAULT_RATE = DataRate.ofBitsPerSecond(819_200);
    static final String USAGE = "usage: java -cp jmh/target/benchmarks.jar dev.sluice.jmh.TreeSharingMain"
            + " [--rate 819200bit/s] [--phase-seconds 4] [--json " + DEFAULT_JSON + "]";
    static final DataSize CHUNK = DataSize.ofKibibytes(1);
    static final DataSize LEAF_BURST = DataSize.ofKibibytes(2);
    static final long INTERVAL_MILLIS = 250;
    static final long WINDOW_MILLIS = 500;
    static final long STEP_MILLIS = 50;
    static final int TOLERANCE_PERCENT = 10;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final String[] PHASES = {"A alone", "A and B", "A alone again (B stopped)"};

    private TreeSharingMain() {
    }

    /** Runs the check; see the class comment for the options. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Options options = optionsOrExit("tree-sharing", Options::parse, args);
        if (options.help) {
            System.out.println(USAGE);
            return;
        }
        Instant started = Instant.now();
        run(DataRate.ofMebibytesPerSecond(64), 300 * MS); // warm-up, not measured
        long phaseNanos = options.phaseSeconds * 1_000 * MS;
        System.err.println("tree-sharing: running 3 phases of " + options.phaseSeconds + " s at " + options.rate);
        Sender[] senders = run(options.rate, phaseNanos);
        Report report = new Report(options, senders, phaseNanos);
        writeReport(options.json, report.json(started), report.markdown());
    }

    /** Starts A now, B one phase later, stops B after the second phase and A after the third. */
    private static Sender[] run(DataRate rate, long phaseNanos) throws InterruptedException {
        LimitTree tree = LimitTree.builder().global(DirectionalRate.both(rate)).leafBurst(LEAF_BURST).build();
        long capacity = rate.bytesIn(3 * phaseNanos) / CHUNK.bytes() + 64;
        long t0 = System.nanoTime() + 50 * MS;
        try (TreeTransfer a = tree.open(LimitTree.ROOT); TreeTransfer b = tree.open(LimitTree.ROOT)) {
            Sender[] senders = {
                new Sender(a, t0, t0 + 3 * phaseNanos, capacity), new Sender(b, t0 + phaseNanos, t0 + 2 * phaseNanos, capacity)};
            Thread[] threads = {new Thread(senders[0], "tree-sharing-A"), new Thread(senders[1], "tree-sharing-B")};
            for (Thread thread : threads) {
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return senders;
        }
    }

    /** One transfer: 1 KiB chunks from {@code startAt} until {@code stopAt}, each release stamped. */
    static final class Sender implements Runnable {
        final long startAt;
        final long stopAt;
        final long[] stamps;
        int count;
        private final Pacer pacer;

        Sender(TreeTransfer transfer, long startAt, long stopAt, long capacity) {
            this.pacer = Pacer.builder().limiter(transfer.upload()).chunkSize(CHUNK).build();
            this.startAt = startAt;
            this.stopAt = stopAt;
            this.stamps = new long[(int) capacity];
        }

        @Override
        public void run() {
            for (long left; (left = startAt - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
            try {
                while (System.nanoTime() < stopAt && count < stamps.length) {
                    pacer.acquire(CHUNK.bytes());
                    stamps[count++] = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Bytes released in {@code [from, to)}. */
        long bytesIn(long from, long to) {
            long chunks = 0;
            for (int i = 0; i < count; i++) {
                chunks += stamps[i] >= from && stamps[i] < to ? 1 : 0;
            }
            return chunks * CHUNK.bytes();
        }
    }

    /** The rates per interval, the phases' averages and their settling times, as JSON and markdown. */
    static final class Report {
        private final Options options;
        private final Sender a;
        private final Sender b;
        private final long t0;
        private final long phaseNanos;

        Report(Options options, Sender[] senders, long phaseNanos) {
            this.options = options;
            this.a = senders[0];
            this.b = senders[1];
            this.t0 = senders[0].startAt;
            this.phaseNanos = phaseNanos;
        }

        private double rate(Sender sender, long from, long to) {
            return sender.bytesIn(from, to) * 1e9 / (to - from);
        }

        private double target(int phase, boolean forA) {
            double whole = options.rate.bytesPerSecond();
            return phase == 1 ? whole / 2 : forA ? whole : 0;
        }

        /** Milliseconds from the phase's start to the start of the first window of a run that stays on target; NaN if none. */
        double settledAfterMillis(int phase) {
            long start = t0 + phase * phaseNanos;
            long end = start + phaseNanos;
            double settled = Double.NaN;
            for (long windowEnd = end; windowEnd - WINDOW_MILLIS * MS >= start; windowEnd -= STEP_MILLIS * MS) {
                long windowStart = windowEnd - WINDOW_MILLIS * MS;
                if (!onTarget(phase, windowStart, windowEnd)) {
                    break;
                }
                settled = (windowStart - start) / (double) MS;
            }
            return settled;
        }

        private boolean onTarget(int phase, long from, long to) {
            double tolerance = options.rate.bytesPerSecond() * TOLERANCE_PERCENT / 100.0 / (phase == 1 ? 2 : 1);
            return Math.abs(rate(a, from, to) - target(phase, true)) <= tolerance
                    && Math.abs(rate(b, from, to) - target(phase, false)) <= tolerance;
        }

        String json(Instant started) {
            StringBuilder json = new StringBuilder(8192);
            appendOpening(json, "tree-sharing", started.toString(), true);
            json.append("  \"settings\": {\n");
            json.append("    \"rateBitsPerSecond\": ").append(options.rate.bitsPerSecond()).append(",\n");
            json.append("    \"rate\": ").append(string(options.rate.toString())).append(",\n");
            json.append("    \"phaseSeconds\": ").append(options.phaseSeconds).append(",\n");
            json.append("    \"chunkBytes\": ").append(CHUNK.bytes()).append(",\n");
            json.append("    \"leafBurstBytes\": ").append(LEAF_BURST.bytes()).append(",\n");
            json.append("    \"idleAfterMillis\": ").append(LimitTree.DEFAULT_IDLE_AFTER.toMillis()).append(",\n");
            json.append("    \"intervalMillis\": ").append(INTERVAL_MILLIS).append(",\n");
            json.append("    \"settleWindowMillis\": ").append(WINDOW_MILLIS).append(",\n");
            json.append("    \"settleTolerancePercent\": ").append(TOLERANCE_PERCENT).append("\n");
            json.append("  },\n  \"phases\": [");
            for (int phase = 0; phase < PHASES.length; phase++) {
                long start = t0 + phase * phaseNanos;
                json.append(phase == 0 ? "\n" : ",\n").append("    {\"phase\": ").append(string(PHASES[phase]))
                        .append(", \"targetABytesPerSecond\": ").append(number(target(phase, true), 1))
                        .append(", \"targetBBytesPerSecond\": ").append(number(target(phase, false), 1))
                        .append(", \"aBytesPerSecond\": ").append(number(rate(a, start, start + phaseNanos), 1))
                        .append(", \"bBytesPerSecond\": ").append(number(rate(b, start, start + phaseNanos), 1))
                        .append(", \"settledAfterMillis\": ").append(number(settledAfterMillis(phase), 0)).append("}");
            }
            json.append("\n  ],\n  \"intervals\": [");
            long intervals = 3 * phaseNanos / (INTERVAL_MILLIS * MS);
            for (long i = 0; i < intervals; i++) {
                long from = t0 + i * INTERVAL_MILLIS * MS;
                long to = from + INTERVAL_MILLIS * MS;
                json.append(i == 0 ? "\n" : ",\n").append("    {\"startMillis\": ").append(i * INTERVAL_MILLIS)
                        .append(", \"aBytesPerSecond\": ").append(number(rate(a, from, to), 1))
                        .append(", \"bBytesPerSecond\": ").append(number(rate(b, from, to), 1)).append("}");
            }
            return json.append("\n  ]\n}\n").toString();
        }

        String markdown() {
            StringBuilder md = new StringBuilder(4096);
            md.append("### Limit tree: two transfers under one ").append(options.rate).append(" parent (")
                    .append(options.rate.bitsPerSecond()).append(" bit/s), ").append(cores()).append("\n\n");
            md.append("| phase | A B/s | B B/s | A+B B/s | target A / B | settled after |\n|---|---|---|---|---|---|\n");
            for (int phase = 0; phase < PHASES.length; phase++) {
                long start = t0 + phase * phaseNanos;
                double ra = rate(a, start, start + phaseNanos);
                double rb = rate(b, start, start + phaseNanos);
                double settled = settledAfterMillis(phase);
                md.append("| ").append(PHASES[phase]).append(" | ").append(number(ra, 0)).append(" | ")
                        .append(number(rb, 0)).append(" | ").append(number(ra + rb, 0)).append(" | ")
                        .append(number(target(phase, true), 0)).append(" / ").append(number(target(phase, false), 0))
                        .append(" | ").append(Double.isNaN(settled) ? "not settled" : number(settled, 0) + " ms")
                        .append(" |\n");
            }
            md.append("\nper ").append(INTERVAL_MILLIS).append(" ms (B/s):\n\n| t (s) | A | B |\n|---|---|---|\n");
            long intervals = 3 * phaseNanos / (INTERVAL_MILLIS * MS);
            for (long i = 0; i < intervals; i++) {
                long from = t0 + i * INTERVAL_MILLIS * MS;
                long to = from + INTERVAL_MILLIS * MS;
                md.append("| ").append(number(i * INTERVAL_MILLIS / 1000.0, 2)).append(" | ")
                        .append(number(rate(a, from, to), 0)).append(" | ").append(number(rate(b, from, to), 0)).append(" |\n");
            }
            md.append("\nsettled: every trailing ").append(WINDOW_MILLIS).append(" ms window from then on within ")
                    .append(TOLERANCE_PERCENT).append(" % of the target; chunks ").append(CHUNK).append(", leaf burst ")
                    .append(LEAF_BURST).append(", idle window ").append(LimitTree.DEFAULT_IDLE_AFTER.toMillis()).append(" ms\n");
            return md.toString();
        }
    }

    /** {@code --rate}, {@code --phase-seconds}, {@code --json}, {@code --help}. */
    static final class Options {
        DataRate rate = DEFAULT_RATE;
        int phaseSeconds = 4;
        Path json = DEFAULT_JSON;
        boolean help;

        static Options parse(String... args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help")) {
                    options.help = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value; " + USAGE);
                }
                String value = args[++i];
                switch (name) {
                    case "--rate":
                        options.rate = DataRate.parse(value);
                        if (options.rate.isUnlimited() || options.rate.bitsPerSecond() < 81_920) {
                            throw new IllegalArgumentException("--rate must be 81920 bit/s (10 KiB/s) or more and finite,"
                                    + " was " + value);
                        }
                        break;
                    case "--phase-seconds":
                        options.phaseSeconds = phaseSeconds(value);
                        break;
                    case "--json":
                        options.json = Paths.get(value);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
                }
            }
            return options;
        }

        private static int phaseSeconds(String value) {
            try {
                int seconds = Integer.parseInt(value);
                if (seconds >= 2 && seconds <= 600) {
                    return seconds;
                }
            } catch (NumberFormatException e) {
                // refused below with the range
            }
            throw new IllegalArgumentException("--phase-seconds must be a whole number 2 to 600, was " + value);
        }
    }
}
