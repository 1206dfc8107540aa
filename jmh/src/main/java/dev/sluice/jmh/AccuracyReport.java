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

    static final String JITTER_FORMULA = "jitter: release i (cumulative bytes C_i) is due at t0 + max(0, C_i -"
            + " burst_at_t0) / rate; p50/p99 (nearest rank) of actual - due, ms, positive = late";
    static final String STEADY_FORMULA = "steady: windows that start 1 s or more after t0, and the rate from the"
            + " first release a at or after t0 + 1 s: bytes after a / (t_last - a); after idle: windows after"
            + " the idle pause (the payload is followed by the pause, then 1.5 s at the rate)";
    static final String CPU_FORMULA = "CPU: CPU time of the live Java threads (ThreadMXBean: sender, receiver,"
            + " scheduler; not GC or JIT) from the transfer's start until the measured payload arrived, per MiB";

    private final Instant started;
    private final DataSize size;
    private final DataRate rate;
    private final DataSize burst;
    private final long idleSeconds;
    private final DataRate link;
    private final List<PathResult> results;
    private final List<PacingDetail> details;

    /** The report of a run with {@code options}; {@code details.get(i)} belongs to {@code results.get(i)}. */
    AccuracyReport(Instant started, PacingOptions options, List<PathResult> results, List<PacingDetail> details) {
        if (results.size() != details.size()) {
            throw new IllegalArgumentException(results.size() + " results but " + details.size() + " details");
        }
        this.started = started;
        this.size = options.size;
        this.rate = options.rate;
        this.burst = options.burst;
        this.idleSeconds = options.idleSeconds;
        this.link = options.link;
        this.results = List.copyOf(results);
        this.details = List.copyOf(details);
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
        json.append("    \"idleSeconds\": ").append(idleSeconds).append(",\n");
        json.append("    \"linkBytesPerSecond\": ").append(link.isUnlimited() ? "null"
                : number(link.bytesPerSecond(), 3)).append(",\n");
        json.append("    \"warmUp\": ").append(string(PacingAccuracyMain.WARM_UP_NOTE)).append("\n");
        json.append("  },\n");
        json.append("  \"formulas\": {\n");
        json.append("    \"achieved\": ").append(string(ACHIEVED_FORMULA)).append(",\n");
        json.append("    \"plain\": ").append(string(PLAIN_FORMULA)).append(",\n");
        json.append("    \"windows\": ").append(string(WINDOW_FORMULA)).append(",\n");
        json.append("    \"jitter\": ").append(string(JITTER_FORMULA)).append(",\n");
        json.append("    \"steadyAndAfterIdle\": ").append(string(STEADY_FORMULA)).append(",\n");
        json.append("    \"cpu\": ").append(string(CPU_FORMULA)).append("\n");
        json.append("  },\n");
        json.append("  \"paths\": [");
        for (int i = 0; i < results.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n");
            appendPath(json, results.get(i), details.get(i));
        }
        json.append(results.isEmpty() ? "]\n" : "\n  ]\n");
        json.append("}\n");
        return json.toString();
    }

    private static void appendPath(StringBuilder json, PathResult r, PacingDetail d) {
        json.append("    {\n");
        json.append("      \"path\": ").append(string(r.path())).append(",\n");
        appendMeasured(json, r);
        json.append("      \"maxBytesInAny100Millis\": ").append(r.maxBytesInHundredMillis()).append(",\n");
        json.append("      \"bytesInFirstSecond\": ").append(r.bytesInFirstSecond()).append(",\n");
        json.append("      \"tailMillis\": ").append(number(r.tailMillis(), 3)).append(",\n");
        json.append("      \"jitterP50Millis\": ").append(number(d.jitterP50Millis(), 3)).append(",\n");
        json.append("      \"jitterP99Millis\": ").append(number(d.jitterP99Millis(), 3)).append(",\n");
        json.append("      \"steadyBytesPerSecond\": ").append(number(d.steadyBytesPerSecond(), 3)).append(",\n");
        json.append("      \"steadyErrorPercent\": ").append(number(d.steadyErrorPercent(), 4)).append(",\n");
        json.append("      \"bytesInFirst100Millis\": ").append(d.bytesInFirstHundredMillis()).append(",\n");
        json.append("      \"steadyMaxBytesInAnyOneSecond\": ").append(measured(d.steadyMaxBytesInOneSecond())).append(",\n");
        json.append("      \"steadyMaxBytesInAny100Millis\": ").append(d.steadyMaxBytesInHundredMillis()).append(",\n");
        json.append("      \"cpuMillisPerMebibyte\": ").append(number(d.cpuMillisPerMebibyte(), 3)).append(",\n");
        json.append("      \"afterIdleMaxBytesInAnyOneSecond\": ").append(measured(d.afterIdleMaxBytesInOneSecond()))
                .append(",\n");
        json.append("      \"afterIdleMaxBytesInAny100Millis\": ").append(measured(d.afterIdleMaxBytesInHundredMillis()))
                .append("\n");
        json.append("    }");
    }

    private static String measured(long bytes) {
        return bytes < 0 ? "null" : Long.toString(bytes);
    }

    private static String measuredCell(long bytes) {
        return bytes < 0 ? "n/a" : Long.toString(bytes);
    }

    /** The results as a markdown table, a header line with the settings first and the formulas after. */
    String toMarkdown() {
        StringBuilder md = new StringBuilder(2048);
        md.append("Pacing accuracy: ").append(size).append(" at ").append(rateAndBurst(rate, burst))
                .append(link.isUnlimited() ? "" : ", link emulated at " + link + " (" + number(link.bytesPerSecond(), 0)
                        + " B/s)").append(", ")
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
        md.append("\n| path | jitter p50 ms | jitter p99 ms | steady B/s | steady error % | first 100 ms B | steady max 1 s B | steady max 100 ms B"
                + " | after " + idleSeconds + " s idle: max 1 s B | max 100 ms B | CPU ms/MiB |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (PacingDetail d : details) {
            md.append("| ").append(d.path())
                    .append(" | ").append(cell(d.jitterP50Millis(), 2))
                    .append(" | ").append(cell(d.jitterP99Millis(), 2))
                    .append(" | ").append(cell(d.steadyBytesPerSecond(), 1))
                    .append(" | ").append(signed(d.steadyErrorPercent()))
                    .append(" | ").append(d.bytesInFirstHundredMillis())
                    .append(" | ").append(measuredCell(d.steadyMaxBytesInOneSecond()))
                    .append(" | ").append(d.steadyMaxBytesInHundredMillis())
                    .append(" | ").append(measuredCell(d.afterIdleMaxBytesInOneSecond()))
                    .append(" | ").append(measuredCell(d.afterIdleMaxBytesInHundredMillis()))
                    .append(" | ").append(cell(d.cpuMillisPerMebibyte(), 1))
                    .append(" |\n");
        }
        md.append("\n").append(ACHIEVED_FORMULA).append(".\n")
                .append(PLAIN_FORMULA).append(".\n")
                .append(WINDOW_FORMULA).append(".\n")
                .append(JITTER_FORMULA).append(".\n")
                .append(STEADY_FORMULA).append(".\n")
                .append(CPU_FORMULA).append(".\n")
                .append("tail: from the last byte until the transfer call returned.\n")
                .append(PacingAccuracyMain.WARM_UP_NOTE).append(".\n");
        return md.toString();
    }
}
