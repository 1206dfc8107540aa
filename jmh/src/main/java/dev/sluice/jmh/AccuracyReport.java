package dev.sluice.jmh;

import static dev.sluice.jmh.ReportText.appendMeasured;
import static dev.sluice.jmh.ReportText.appendOpening;
import static dev.sluice.jmh.ReportText.appendPayloadSettings;
import static dev.sluice.jmh.ReportText.cell;
import static dev.sluice.jmh.ReportText.cores;
import static dev.sluice.jmh.ReportText.number;
import static dev.sluice.jmh.ReportText.rateAndBurst;
import static dev.sluice.jmh.ReportText.signed;
import static dev.sluice.jmh.ReportText.string;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.time.Instant;
import java.util.List;

/**
 * The pacing check's results, as one JSON document (written by hand with {@link ReportText}) and as a
 * markdown table for the terminal and the README.
 */
final class AccuracyReport {

    static final String ACHIEVED_FORMULA = "achieved = (bytes - burst_at_t0) / (t_last - t0), where t0 is the first"
            + " byte at the sink and burst_at_t0 the bytes that arrived within 1 ms of t0";
    static final String PLAIN_FORMULA = "plain = bytes / (t_last - t_start), where t_start is when the transfer"
            + " was begun";
    static final String WINDOW_FORMULA = "window maxima: most bytes in any half-open window [t, t + w);"
            + " first second: bytes in [t0, t0 + 1 s)";

    private final Instant started;
    private final DataSize size;
    private final DataRate rate;
    private final DataSize burst;
    private final List<PathResult> results;

    AccuracyReport(Instant started, DataSize size, DataRate rate, DataSize burst, List<PathResult> results) {
        this.started = started;
        this.size = size;
        this.rate = rate;
        this.burst = burst;
        this.results = List.copyOf(results);
    }

    /** The whole report as a JSON document. */
    String toJson() {
        StringBuilder json = new StringBuilder(4096);
        appendOpening(json, "pacing-accuracy", started.toString(), true);
        json.append("  \"settings\": {\n");
        appendPayloadSettings(json, size, rate, burst);
        json.append("    \"chunkBytes\": ").append(PacingPath.CHUNK_BYTES).append(",\n");
        json.append("    \"outputStreamWriteBytes\": ").append(PacingPath.WRITE_BYTES).append(",\n");
        json.append("    \"t0ToleranceNanos\": ").append(PathResult.T0_TOLERANCE_NANOS).append(",\n");
        json.append("    \"warmUp\": ").append(string(PacingAccuracyMain.WARM_UP_NOTE)).append("\n");
        json.append("  },\n");
        json.append("  \"formulas\": {\n");
        json.append("    \"achieved\": ").append(string(ACHIEVED_FORMULA)).append(",\n");
        json.append("    \"plain\": ").append(string(PLAIN_FORMULA)).append(",\n");
        json.append("    \"windows\": ").append(string(WINDOW_FORMULA)).append("\n");
        json.append("  },\n");
        json.append("  \"paths\": [");
        for (int i = 0; i < results.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n");
            appendPath(json, results.get(i));
        }
        json.append(results.isEmpty() ? "]\n" : "\n  ]\n");
        json.append("}\n");
        return json.toString();
    }

    private static void appendPath(StringBuilder json, PathResult r) {
        json.append("    {\n");
        json.append("      \"path\": ").append(string(r.path())).append(",\n");
        appendMeasured(json, r);
        json.append("      \"maxBytesInAny100Millis\": ").append(r.maxBytesInHundredMillis()).append(",\n");
        json.append("      \"bytesInFirstSecond\": ").append(r.bytesInFirstSecond()).append(",\n");
        json.append("      \"tailMillis\": ").append(number(r.tailMillis(), 3)).append("\n");
        json.append("    }");
    }

    /** The results as a markdown table, a header line with the settings first and the formulas after. */
    String toMarkdown() {
        StringBuilder md = new StringBuilder(2048);
        md.append("Pacing accuracy: ").append(size).append(" at ").append(rateAndBurst(rate, burst)).append(", ")
                .append(cores()).append("\n\n");
        md.append("| path | elapsed s | achieved B/s | error % | plain B/s | plain error % | burst at t0 B"
                + " | max 1 s B | max 100 ms B | first 1 s B | tail ms | intact |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (PathResult r : results) {
            md.append("| ").append(r.path())
                    .append(" | ").append(cell(r.elapsedSeconds(), 3))
                    .append(" | ").append(cell(r.achievedBytesPerSecond(), 1))
                    .append(" | ").append(signed(r.achievedErrorPercent()))
                    .append(" | ").append(cell(r.plainBytesPerSecond(), 1))
                    .append(" | ").append(signed(r.plainErrorPercent()))
                    .append(" | ").append(r.burstAtStartBytes())
                    .append(" | ").append(r.maxBytesInOneSecond())
                    .append(" | ").append(r.maxBytesInHundredMillis())
                    .append(" | ").append(r.bytesInFirstSecond())
                    .append(" | ").append(cell(r.tailMillis(), 1))
                    .append(" | ").append(r.intact() ? "yes" : "NO")
                    .append(" |\n");
        }
        md.append("\n").append(ACHIEVED_FORMULA).append(".\n")
                .append(PLAIN_FORMULA).append(".\n")
                .append(WINDOW_FORMULA).append(".\n")
                .append("tail: from the last byte until the transfer call returned.\n")
                .append(PacingAccuracyMain.WARM_UP_NOTE).append(".\n");
        return md.toString();
    }
}
