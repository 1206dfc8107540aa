package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.util.Locale;

/**
 * What the wall-clock checks' reports share: number and string formatting (the JSON is written by hand:
 * the benchmark module takes no JSON library), the machine and rate fields, and one result's measured
 * fields, so that both checks' documents spell them the same way.
 */
final class ReportText {

    private ReportText() {
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

    /** A markdown cell: {@link #number}, or {@code n/a} for NaN. */
    static String cell(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : number(value, decimals);
    }

    /** A markdown cell for a percentage with its sign, or {@code n/a} for NaN. */
    static String signed(double percent) {
        return Double.isNaN(percent) ? "n/a" : String.format(Locale.ROOT, "%+.3f", percent);
    }

    /**
     * The {@code "check"}, {@code "started"} and {@code "machine"} members that open a report; the JVM's
     * name only where {@code withJavaVm} (the fleet report never had it, and its readers need not change).
     */
    static void appendOpening(StringBuilder json, String check, String started, boolean withJavaVm) {
        json.append("{\n");
        json.append("  \"check\": ").append(string(check)).append(",\n");
        json.append("  \"started\": ").append(string(started)).append(",\n");
        json.append("  \"machine\": {\n");
        json.append("    \"availableProcessors\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        json.append("    \"javaVersion\": ").append(string(System.getProperty("java.version"))).append(",\n");
        if (withJavaVm) {
            json.append("    \"javaVm\": ").append(string(System.getProperty("java.vm.name"))).append(",\n");
        }
        json.append("    \"os\": ").append(string(System.getProperty("os.name") + " " + System.getProperty("os.arch")))
                .append("\n");
        json.append("  },\n");
    }

    /** The payload, rate and burst members of a report's {@code "settings"}, each followed by a comma. */
    static void appendPayloadSettings(StringBuilder json, DataSize size, DataRate rate, DataSize burst) {
        json.append("    \"payloadBytes\": ").append(size.bytes()).append(",\n");
        json.append("    \"payload\": ").append(string(size.toString())).append(",\n");
        json.append("    \"rateBitsPerSecond\": ").append(rate.bitsPerSecond()).append(",\n");
        json.append("    \"rateBytesPerSecond\": ").append(number(rate.bytesPerSecond(), 3)).append(",\n");
        json.append("    \"rate\": ").append(string(rate.toString())).append(",\n");
        json.append("    \"burstBytes\": ").append(burst.bytes()).append(",\n");
    }

    /**
     * A result's members from {@code "bytes"} to {@code "maxBytesInAnyOneSecond"}, each followed by a
     * comma: the measured part both reports give for a path or a fleet's aggregate.
     */
    static void appendMeasured(StringBuilder json, PathResult r) {
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
    }

    /** The markdown heading's rate, e.g. {@code 800 Kibit/s (102400 B/s, 819200 bit/s), burst 16 KiB}. */
    static String rateAndBurst(DataRate rate, DataSize burst) {
        return rate + " (" + number(rate.bytesPerSecond(), 0) + " B/s, " + rate.bitsPerSecond() + " bit/s), burst "
                + burst;
    }

    /** The markdown heading's machine: {@code N cores, Java V}. */
    static String cores() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }
}
