package dev.sluice.jmh;

import static dev.sluice.jmh.AccuracyReport.number;
import static dev.sluice.jmh.AccuracyReport.string;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The fleet check's results, as one JSON document (by hand, like {@link AccuracyReport}) and as a
 * markdown table. The aggregate columns use {@link AccuracyReport}'s formulas.
 */
final class FleetReport {

    static final String SHARE_FORMULA = "share: each client's bytes at the receiver over all bytes, in client order";
    static final String COMMANDS_FORMULA = "remote commands: FleetRateLimiter.remoteCommands() summed over the"
            + " clients (one per batch taken, give-back and estimate), per MiB delivered";
    static final String ROUND_TRIPS_FORMULA = "round trips (Redis): calls of GET, EVAL and EVALSHA in the server's"
            + " INFO commandstats during the run, per MiB delivered; n/a where the store cannot tell";

    private final Instant started;
    private final DataSize size;
    private final DataRate rate;
    private final DataSize burst;
    private final DataSize batch;
    private final int clients;
    private final List<FleetResult> results;

    FleetReport(Instant started, DataSize size, DataRate rate, DataSize burst, DataSize batch, int clients,
            List<FleetResult> results) {
        this.started = started;
        this.size = size;
        this.rate = rate;
        this.burst = burst;
        this.batch = batch;
        this.clients = clients;
        this.results = List.copyOf(results);
    }

    /** The whole report as a JSON document. */
    String toJson() {
        StringBuilder json = new StringBuilder(4096);
        json.append("{\n");
        json.append("  \"check\": \"fleet-accuracy\",\n");
        json.append("  \"started\": ").append(string(started.toString())).append(",\n");
        json.append("  \"machine\": {\n");
        json.append("    \"availableProcessors\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        json.append("    \"javaVersion\": ").append(string(System.getProperty("java.version"))).append(",\n");
        json.append("    \"os\": ").append(string(System.getProperty("os.name") + " " + System.getProperty("os.arch")))
                .append("\n");
        json.append("  },\n");
        json.append("  \"settings\": {\n");
        json.append("    \"clients\": ").append(clients).append(",\n");
        json.append("    \"payloadBytes\": ").append(size.bytes()).append(",\n");
        json.append("    \"payload\": ").append(string(size.toString())).append(",\n");
        json.append("    \"rateBitsPerSecond\": ").append(rate.bitsPerSecond()).append(",\n");
        json.append("    \"rateBytesPerSecond\": ").append(number(rate.bytesPerSecond(), 3)).append(",\n");
        json.append("    \"rate\": ").append(string(rate.toString())).append(",\n");
        json.append("    \"burstBytes\": ").append(burst.bytes()).append(",\n");
        json.append("    \"batchBytes\": ").append(batch.bytes()).append(",\n");
        json.append("    \"chunkBytes\": ").append(FleetRun.CHUNK_BYTES).append(",\n");
        json.append("    \"t0ToleranceNanos\": ").append(PathResult.T0_TOLERANCE_NANOS).append(",\n");
        json.append("    \"warmUp\": ").append(string(FleetAccuracyMain.WARM_UP_NOTE)).append("\n");
        json.append("  },\n");
        json.append("  \"formulas\": {\n");
        json.append("    \"achieved\": ").append(string(AccuracyReport.ACHIEVED_FORMULA)).append(",\n");
        json.append("    \"windows\": ").append(string(AccuracyReport.WINDOW_FORMULA)).append(",\n");
        json.append("    \"share\": ").append(string(SHARE_FORMULA)).append(",\n");
        json.append("    \"remoteCommands\": ").append(string(COMMANDS_FORMULA)).append(",\n");
        json.append("    \"roundTrips\": ").append(string(ROUND_TRIPS_FORMULA)).append("\n");
        json.append("  },\n");
        json.append("  \"backends\": [");
        for (int i = 0; i < results.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n");
            appendBackend(json, results.get(i));
        }
        json.append(results.isEmpty() ? "]\n" : "\n  ]\n");
        json.append("}\n");
        return json.toString();
    }

    private void appendBackend(StringBuilder json, FleetResult r) {
        PathResult a = r.aggregate();
        json.append("    {\n");
        json.append("      \"backend\": ").append(string(r.backend())).append(",\n");
        json.append("      \"store\": ").append(string(r.store())).append(",\n");
        json.append("      \"bytes\": ").append(a.bytes()).append(",\n");
        json.append("      \"writes\": ").append(a.releases()).append(",\n");
        json.append("      \"intact\": ").append(a.intact()).append(",\n");
        json.append("      \"elapsedSeconds\": ").append(number(a.elapsedSeconds(), 6)).append(",\n");
        json.append("      \"burstAtStartBytes\": ").append(a.burstAtStartBytes()).append(",\n");
        json.append("      \"achievedBytesPerSecond\": ").append(number(a.achievedBytesPerSecond(), 3)).append(",\n");
        json.append("      \"achievedErrorPercent\": ").append(number(a.achievedErrorPercent(), 4)).append(",\n");
        json.append("      \"plainBytesPerSecond\": ").append(number(a.plainBytesPerSecond(), 3)).append(",\n");
        json.append("      \"plainErrorPercent\": ").append(number(a.plainErrorPercent(), 4)).append(",\n");
        json.append("      \"maxBytesInAnyOneSecond\": ").append(a.maxBytesInOneSecond()).append(",\n");
        json.append("      \"maxOneSecondOverRate\": ").append(number(r.maxOneSecondFactor(rate), 4)).append(",\n");
        json.append("      \"maxBytesInAny100Millis\": ").append(a.maxBytesInHundredMillis()).append(",\n");
        json.append("      \"bytesInFirstSecond\": ").append(a.bytesInFirstSecond()).append(",\n");
        json.append("      \"tailMillis\": ").append(number(a.tailMillis(), 3)).append(",\n");
        json.append("      \"remoteCommands\": ").append(r.remoteCommands()).append(",\n");
        json.append("      \"remoteCommandsPerMib\": ").append(number(r.remoteCommandsPerMib(), 3)).append(",\n");
        json.append("      \"roundTrips\": ")
                .append(r.roundTrips().isPresent() ? Long.toString(r.roundTrips().getAsLong()) : "null").append(",\n");
        json.append("      \"roundTripsPerMib\": ").append(number(r.roundTripsPerMib(), 3)).append(",\n");
        json.append("      \"clients\": [");
        for (int i = 0; i < r.clients().size(); i++) {
            FleetResult.Client c = r.clients().get(i);
            json.append(i == 0 ? "\n" : ",\n");
            json.append("        {\"client\": ").append(i)
                    .append(", \"bytes\": ").append(c.bytes())
                    .append(", \"sharePercent\": ").append(number(r.sharePercent(i), 3))
                    .append(", \"remoteCommands\": ").append(c.remoteCommands()).append("}");
        }
        json.append(r.clients().isEmpty() ? "]\n" : "\n      ]\n");
        json.append("    }");
    }

    /** The results as a markdown table: settings first, then the table, the stores and the formulas. */
    String toMarkdown() {
        StringBuilder md = new StringBuilder(2048);
        md.append("Fleet accuracy: ").append(size).append(" by ").append(clients).append(" clients on one budget of ")
                .append(rate).append(" (").append(number(rate.bytesPerSecond(), 0)).append(" B/s, ")
                .append(rate.bitsPerSecond()).append(" bit/s), burst ").append(burst).append(", batch ").append(batch)
                .append(", ").append(FleetRun.CHUNK_BYTES / 1024).append(" KiB chunks, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("\n\n");
        md.append("| backend | elapsed s | achieved B/s | error % | burst at t0 B | max 1 s B | max 1 s / rate"
                + " | max 100 ms B | client shares % | remote commands | commands / MiB | round trips"
                + " | round trips / MiB | intact |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|--:|--:|---|\n");
        for (FleetResult r : results) {
            PathResult a = r.aggregate();
            md.append("| ").append(r.backend())
                    .append(" | ").append(cell(a.elapsedSeconds(), 3))
                    .append(" | ").append(cell(a.achievedBytesPerSecond(), 1))
                    .append(" | ").append(signed(a.achievedErrorPercent()))
                    .append(" | ").append(a.burstAtStartBytes())
                    .append(" | ").append(a.maxBytesInOneSecond())
                    .append(" | ").append(cell(r.maxOneSecondFactor(rate), 3))
                    .append(" | ").append(a.maxBytesInHundredMillis())
                    .append(" | ").append(shares(r))
                    .append(" | ").append(r.remoteCommands())
                    .append(" | ").append(cell(r.remoteCommandsPerMib(), 2))
                    .append(" | ").append(r.roundTrips().isPresent() ? Long.toString(r.roundTrips().getAsLong()) : "n/a")
                    .append(" | ").append(cell(r.roundTripsPerMib(), 2))
                    .append(" | ").append(a.intact() ? "yes" : "NO")
                    .append(" |\n");
        }
        md.append("\n");
        for (FleetResult r : results) {
            md.append(r.backend()).append(": ").append(r.store()).append(".\n");
        }
        md.append(AccuracyReport.ACHIEVED_FORMULA).append(".\n")
                .append(AccuracyReport.WINDOW_FORMULA).append(".\n")
                .append(SHARE_FORMULA).append(".\n")
                .append(COMMANDS_FORMULA).append(".\n")
                .append(ROUND_TRIPS_FORMULA).append(".\n")
                .append(FleetAccuracyMain.WARM_UP_NOTE).append(".\n");
        return md.toString();
    }

    private static String shares(FleetResult r) {
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < r.clients().size(); i++) {
            cell.append(i == 0 ? "" : " / ").append(AccuracyReport.number(r.sharePercent(i), 1));
        }
        return cell.toString();
    }

    private static String cell(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : number(value, decimals);
    }

    private static String signed(double percent) {
        return Double.isNaN(percent) ? "n/a" : String.format(Locale.ROOT, "%+.3f", percent);
    }
}
