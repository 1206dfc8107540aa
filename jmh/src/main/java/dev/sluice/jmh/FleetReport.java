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
 * The fleet check's results, as one JSON document (by hand with {@link ReportText}, like
 * {@link AccuracyReport}) and as a markdown table. The aggregate columns use {@link AccuracyReport}'s
 * formulas.
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
        appendOpening(json, "fleet-accuracy", started.toString(), false);
        json.append("  \"settings\": {\n");
        json.append("    \"clients\": ").append(clients).append(",\n");
        appendPayloadSettings(json, size, rate, burst);
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
        appendMeasured(json, a);
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
                .append(rateAndBurst(rate, burst)).append(", batch ").append(batch)
                .append(", ").append(FleetRun.CHUNK_BYTES / 1024).append(" KiB chunks, ").append(cores()).append("\n\n");
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
            cell.append(i == 0 ? "" : " / ").append(number(r.sharePercent(i), 1));
        }
        return cell.toString();
    }
}
