package dev.sluice.jmh;

import static dev.sluice.jmh.ReportText.appendOpening;
import static dev.sluice.jmh.ReportText.cell;
import static dev.sluice.jmh.ReportText.cores;
import static dev.sluice.jmh.ReportText.number;
import static dev.sluice.jmh.ReportText.string;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The throughput benchmark's results, as one JSON document (written by hand with {@link ReportText}) and as
 * a markdown table; each stack's medians also as a ratio to the same transport's bare medians.
 */
final class ThroughputReport {

    static final String SERVER = "minimal loopback sink (JDK HttpServer on 127.0.0.1: PUT bodies counted and dropped,"
            + " GET bodies served from memory), not the OSS emulator";

    private final Instant started;
    private final DataSize size;
    private final DataRate limit;
    private final DataSize burst;
    private final int repetitions;
    private final List<ThroughputResult> results;

    ThroughputReport(Instant started, DataSize size, DataRate limit, DataSize burst, int repetitions,
            List<ThroughputResult> results) {
        this.burst = burst;
        this.started = started;
        this.size = size;
        this.limit = limit;
        this.repetitions = repetitions;
        this.results = List.copyOf(results);
    }

    /** The whole report as a JSON document. */
    String toJson() {
        StringBuilder json = new StringBuilder(4096);
        appendOpening(json, "transport-throughput", started.toString(), true);
        json.append("  \"settings\": {\n");
        json.append("    \"payloadBytes\": ").append(size.bytes()).append(",\n");
        json.append("    \"payload\": ").append(string(size.toString())).append(",\n");
        json.append("    \"limitBitsPerSecond\": ").append(limit.bitsPerSecond()).append(",\n");
        json.append("    \"limit\": ").append(string(limit.toString())).append(",\n");
        json.append("    \"burstBytes\": ").append(burst.bytes()).append(",\n");
        json.append("    \"repetitions\": ").append(repetitions).append(",\n");
        json.append("    \"server\": ").append(string(SERVER)).append(",\n");
        json.append("    \"warmUp\": ").append(string(TransportThroughputMain.WARM_UP_NOTE)).append("\n");
        json.append("  },\n");
        json.append("  \"results\": [");
        for (int i = 0; i < results.size(); i++) {
            ThroughputResult r = results.get(i);
            ThroughputResult bare = bareOf(r);
            json.append(i == 0 ? "\n" : ",\n");
            json.append("    {\n");
            json.append("      \"transport\": ").append(string(r.transport())).append(",\n");
            json.append("      \"stack\": ").append(string(r.stack().label())).append(",\n");
            DataRate pacing = r.stack().pacing(limit);
            json.append("      \"pacing\": ").append(pacing == null ? "null" : string(pacing.toString())).append(",\n");
            json.append("      \"uploadMiBPerSecond\": ").append(samples(r.uploads())).append(",\n");
            json.append("      \"downloadMiBPerSecond\": ").append(samples(r.downloads())).append(",\n");
            json.append("      \"uploadMedianMiBPerSecond\": ").append(number(r.uploadMedian(), 1)).append(",\n");
            json.append("      \"downloadMedianMiBPerSecond\": ").append(number(r.downloadMedian(), 1)).append(",\n");
            json.append("      \"uploadRatioToBare\": ").append(number(r.uploadMedian() / bare.uploadMedian(), 3)).append(",\n");
            json.append("      \"downloadRatioToBare\": ").append(number(r.downloadMedian() / bare.downloadMedian(), 3)).append("\n");
            json.append("    }");
        }
        json.append(results.isEmpty() ? "]\n" : "\n  ]\n");
        json.append("}\n");
        return json.toString();
    }

    /** The results as a markdown table, with a heading that says what was measured where. */
    String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Transport throughput, ").append(size).append(" per transfer, median of ").append(repetitions)
                .append(", limit ").append(limit).append(", burst ").append(burst).append(" (").append(cores()).append(")\n\n");
        md.append("Server: ").append(SERVER).append(".\n\n");
        md.append("| transport | stack | upload MiB/s | upload × bare | download MiB/s | download × bare |\n");
        md.append("|---|---|---:|---:|---:|---:|\n");
        for (ThroughputResult r : results) {
            ThroughputResult bare = bareOf(r);
            md.append("| ").append(r.transport()).append(" | ").append(r.stack().label())
                    .append(" | ").append(cell(r.uploadMedian(), 1))
                    .append(" | ").append(cell(r.uploadMedian() / bare.uploadMedian(), 3))
                    .append(" | ").append(cell(r.downloadMedian(), 1))
                    .append(" | ").append(cell(r.downloadMedian() / bare.downloadMedian(), 3))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The same transport's bare result (the first stack run), or {@code r} itself if none was run. */
    private ThroughputResult bareOf(ThroughputResult r) {
        return results.stream().filter(b -> b.transport().equals(r.transport()) && b.stack() == ThroughputStack.BARE)
                .findFirst().orElse(r);
    }

    private static String samples(List<Double> values) {
        return values.stream().map(v -> number(v, 1)).collect(Collectors.joining(", ", "[", "]"));
    }
}
