package dev.sluice.jmh;

import static dev.sluice.jmh.ReportText.appendOpening;
import static dev.sluice.jmh.ReportText.cell;
import static dev.sluice.jmh.ReportText.cores;
import static dev.sluice.jmh.ReportText.number;
import static dev.sluice.jmh.ReportText.signed;

import dev.sluice.api.DataRate;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scale (issue 6): 1,000 and 10,000 concurrent asynchronous paced streams on one budget ({@link ScaleRun}),
 * first at 100 MiB/s for 10 s (about 12,800 grants a second), then at 819,200 bit/s for 3 s (a backlog far
 * longer than the run: most streams are waiting the whole time). Per run it reports the platform threads
 * (before, half-way, peak), the heap per stream half-way (after a GC), the aggregate rate error and Jain's
 * index of the streams' bytes. {@code --quick} runs each case for a quarter of the time.
 *
 * <pre>{@code
 * java -Xmx1g -cp jmh/target/benchmarks.jar dev.sluice.jmh.ScaleMain [--quick] [--check] [--json jmh/target/scale.json]
 * }</pre>
 */
public final class ScaleMain {

    static final Path DEFAULT_JSON = Paths.get("jmh", "target", "scale.json");

    private ScaleMain() {
    }

    /** Runs the cases; {@code --quick}, {@code --check} ({@link ScaleBounds}) and {@code --json PATH}. */
    public static void main(String[] args) throws IOException {
        boolean quick = false;
        boolean check = false;
        Path json = DEFAULT_JSON;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--check")) {
                check = true;
            } else if (args[i].equals("--json") && i + 1 < args.length) {
                json = Paths.get(args[++i]);
            } else {
                System.err.println("scale: unknown option \"" + args[i] + "\"; allowed: --quick, --check, --json PATH");
                System.exit(CheckExits.BAD_USAGE);
            }
        }
        Instant started = Instant.now();
        long fast = TimeUnit.SECONDS.toNanos(10) / (quick ? 4 : 1);
        long slow = TimeUnit.SECONDS.toNanos(3) / (quick ? 4 : 1);
        new ScaleRun(100, DataRate.ofMebibytesPerSecond(100), TimeUnit.MILLISECONDS.toNanos(500)).run(); // warm-up
        List<ScaleResult> results = new ArrayList<>();
        for (int streams : new int[] {1_000, 10_000}) {
            System.err.println("scale: " + streams + " streams at 100 MiB/s");
            results.add(new ScaleRun(streams, DataRate.ofMebibytesPerSecond(100), fast).run());
        }
        for (int streams : new int[] {1_000, 10_000}) {
            System.err.println("scale: " + streams + " streams at 819200 bit/s");
            results.add(new ScaleRun(streams, DataRate.ofBitsPerSecond(819_200), slow).run());
        }
        CheckExits.writeReport(json, toJson(started, results), toMarkdown(results));
        if (check) {
            CheckExits.exitIfOutOfBounds("scale", ScaleBounds.violations(results), "check: no thread per waiting stream,"
                    + " at most " + (long) ScaleBounds.MAX_HEAP_BYTES_PER_STREAM + " B of heap per stream, aggregate error"
                    + " within " + (long) ScaleBounds.MAX_ERROR_PERCENT + " %");
        }
    }

    private static String toJson(Instant started, List<ScaleResult> results) {
        StringBuilder json = new StringBuilder(2048);
        appendOpening(json, "scale", started.toString(), true);
        json.append("  \"chunkBytes\": ").append(PacingPath.CHUNK_BYTES).append(",\n  \"runs\": [");
        for (int i = 0; i < results.size(); i++) {
            ScaleResult r = results.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"streams\": ").append(r.streams())
                    .append(", \"rateBitsPerSecond\": ").append(r.rate().bitsPerSecond())
                    .append(", \"seconds\": ").append(number(r.seconds(), 2))
                    .append(", \"grants\": ").append(r.grants())
                    .append(", \"bytes\": ").append(r.bytes())
                    .append(", \"achievedBytesPerSecond\": ").append(number(r.achievedBytesPerSecond(), 1))
                    .append(", \"errorPercent\": ").append(number(r.errorPercent(), 4))
                    .append(", \"threadsBefore\": ").append(r.threadsBefore())
                    .append(", \"threadsDuring\": ").append(r.threadsDuring())
                    .append(", \"threadsPeak\": ").append(r.threadsPeak())
                    .append(", \"heapBytesPerStream\": ").append(number(r.heapBytesPerStream(), 1))
                    .append(", \"jainIndex\": ").append(number(r.jainIndex(), 4)).append("}");
        }
        json.append("\n  ]\n}\n");
        return json.toString();
    }

    private static String toMarkdown(List<ScaleResult> results) {
        StringBuilder md = new StringBuilder(1024);
        md.append("Scale: async paced streams (8 KiB grants) on one budget, ").append(cores()).append("\n\n");
        md.append("| streams | budget | s | grants | achieved B/s | error % | threads before / during / peak"
                + " | heap B/stream | Jain |\n|--:|---|--:|--:|--:|--:|---|--:|--:|\n");
        for (ScaleResult r : results) {
            md.append("| ").append(r.streams()).append(" | ").append(r.rate())
                    .append(" | ").append(number(r.seconds(), 1))
                    .append(" | ").append(r.grants())
                    .append(" | ").append(cell(r.achievedBytesPerSecond(), 0))
                    .append(" | ").append(signed(r.errorPercent()))
                    .append(" | ").append(r.threadsBefore()).append(" / ").append(r.threadsDuring()).append(" / ")
                    .append(r.threadsPeak())
                    .append(" | ").append(cell(r.heapBytesPerStream(), 0))
                    .append(" | ").append(cell(r.jainIndex(), 4)).append(" |\n");
        }
        md.append("\nachieved: (bytes - burst at t0) / (t_last - t0) over the grants completed before the deadline;"
                + " heap: used heap half-way (after System.gc()) minus before, per stream; Jain over each stream's"
                + " bytes (at 819,200 bit/s most streams are still waiting for their first grant).\n");
        return md.toString();
    }
}
