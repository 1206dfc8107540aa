package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The pacing check's results, as one JSON document (written by hand: the benchmark module takes no JSON
 * library) and as a markdown table for the terminal and the README.
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
        json.append("{\n");
        json.append("  \"check\": \"pacing-accuracy\",\n");
        json.append("  \"started\": ").append(string(started.toString())).append(",\n");
        json.append("  \"machine\": {\n");
        json.append("    \"availableProcessors\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        json.append("    \"javaVersion\": ").append(string(System.getProperty("java.version"))).append(",\n");
        json.append("    \"javaVm\": ").append(string(System.getProperty("java.vm.name"))).append(",\n");
        json.append("    \"os\": ").append(string(System.getProperty("os.name") + " " + System.getProperty("os.arch")))
                .append("\n");
        json.append("  },\n");
        json.append("  \"settings\": {\n");
        json.append("    \"payloadBytes\": ").append(size.bytes()).append(",\n");
        json.append("    \"payload\": ").append(string(size.toString())).append(",\n");
        json.append("    \"rateBitsPerSecond\": ").append(rate.bitsPerSecond()).append(",\n");
        json.append("    \"rateBytesPerSecond\": ").append(number(rate.bytesPerSecond(), 3)).append(",\n");
        json.append("    \"rate\": ").append(string(rate.toString())).append(",\n");
        json.append("    \"burstBytes\": ").append(burst.bytes()).append(",\n");
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
        json.append("      \"bytes\": ").append(r.bytes()).append(",\n");
        json.append("      \"writes\": ").append(r.releases()).append(",\n");
        json.append("      \"intact\": ").append(r.intact()).append(",\n");
        json.append("      \"elapsedSeconds\": ").append(number(r.elapsedSeconds(), 6)).append(",\n");
        json.append("      \"burstAtStartBytes\": ").append(r.burstAtStartBytes()).append(",\n");
        json.append("      \"achievedBytesPerSecond\": ").append(number(r.achievedBytesPerSecond(), 3)).append(",\n");
        json.append("      \"achievedErrorPercent\": ").append(number(r.achievedErrorPercent(), 4)).append(",\n");
        json.append("      \"plainBytesPerSecond\": ").append(number(r.plainBytesPerSecond(), 3)).append(",\n");
        json.append("      \"plainErrorPercent\": ").append(number(r.plainErrorPercent(), 4)).append(",\n");
        json.append("      \"maxBytesInAnyOneSecond\": ").append(r.maxBytesInOneSecond()).append(",\n");
        json.append("      \"maxBytesInAny100Millis\": ").append(r.maxBytesInHundredMillis()).append(",\n");
        json.append("      \"bytesInFirstSecond\": ").append(r.bytesInFirstSecond()).append(",\n");
        json.append("      \"tailMillis\": ").append(number(r.tailMillis(), 3)).append("\n");
        json.append("    }");
    }

    /** The results as a markdown table, a header line with the settings first and the formulas after. */
    String toMarkdown() {
        StringBuilder md = new StringBuilder(2048);
        md.append("Pacing accuracy: ").append(size).append(" at ").append(rate).append(" (")
                .append(number(rate.bytesPerSecond(), 0)).append(" B/s, ").append(rate.bitsPerSecond())
                .append(" bit/s), burst ").append(burst).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("\n\n");
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

    private static String cell(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : number(value, decimals);
    }

    private static String signed(double percent) {
        return Double.isNaN(percent) ? "n/a" : String.format(Locale.ROOT, "%+.3f", percent);
    }

    /** A JSON/markdown number with {@code decimals} decimals; {@code null} for NaN or infinity. */
    static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A JSON string literal. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
