package dev.sluice.jmh;

import static dev.sluice.jmh.CheckExits.exitIfOutOfBounds;
import static dev.sluice.jmh.ReportText.appendOpening;
import static dev.sluice.jmh.ReportText.cores;
import static dev.sluice.jmh.ReportText.number;
import static dev.sluice.jmh.ReportText.string;

import dev.sluice.jmh.limiter.LimiterType;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * CI's short grant benchmark: runs {@link GrantBenchmark#grant} (one thread, 1-byte grants that never wait)
 * for every {@link LimiterType} through JMH's runner with short iterations (one fork each, 2 x 200 ms
 * warm-up, 3 x 300 ms measured: about 20 s in all), writes the scores to JSON and a markdown table, and with
 * {@code --check} applies {@link GrantCheck}'s rule. The scores are smoke figures; the README's come from
 * the full {@code GrantBenchmark} run.
 *
 * <pre>{@code
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.GrantCheckMain --check [--json jmh/target/grant-check.json]
 * }</pre>
 */
public final class GrantCheckMain {

    static final Path DEFAULT_JSON = Paths.get("jmh", "target", "grant-check.json");

    private GrantCheckMain() {
    }

    /** Runs the benchmark; {@code --check} and {@code --json PATH} are the only options. */
    public static void main(String[] args) throws IOException, RunnerException {
        boolean check = false;
        Path json = DEFAULT_JSON;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--check")) {
                check = true;
            } else if (args[i].equals("--json") && i + 1 < args.length) {
                json = Paths.get(args[++i]);
            } else {
                System.err.println("grant-check: unknown option \"" + args[i] + "\"; allowed: --check, --json PATH");
                System.exit(CheckExits.BAD_USAGE);
            }
        }
        Instant started = Instant.now();
        Options options = new OptionsBuilder()
                .include(GrantBenchmark.class.getName() + ".grant$")
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(3)
                .measurementTime(TimeValue.milliseconds(300))
                .build();
        Map<LimiterType, Double> scores = new EnumMap<>(LimiterType.class);
        for (RunResult result : new Runner(options).run()) {
            LimiterType type = LimiterType.valueOf(result.getParams().getParam("limiter"));
            scores.put(type, result.getPrimaryResult().getScore());
        }
        CheckExits.writeReport(json, toJson(started, scores), toMarkdown(scores));
        if (check) {
            exitIfOutOfBounds("grant-check", GrantCheck.violations(scores), "check: Sluice's uncontended grant is not"
                    + " slower than the slowest peer measured in the same run");
        }
    }

    private static String toJson(Instant started, Map<LimiterType, Double> scores) {
        StringBuilder json = new StringBuilder(1024);
        appendOpening(json, "grant-check", started.toString(), true);
        json.append("  \"benchmark\": ").append(string(GrantBenchmark.class.getName() + ".grant")).append(",\n");
        json.append("  \"nanosPerGrant\": {");
        int i = 0;
        for (Map.Entry<LimiterType, Double> e : scores.entrySet()) {
            json.append(i++ == 0 ? "\n" : ",\n").append("    ").append(string(e.getKey().name())).append(": ")
                    .append(number(e.getValue(), 3));
        }
        json.append(scores.isEmpty() ? "}\n" : "\n  }\n").append("}\n");
        return json.toString();
    }

    private static String toMarkdown(Map<LimiterType, Double> scores) {
        StringBuilder md = new StringBuilder(512);
        md.append("Uncontended grant (smoke: 3 x 300 ms), ").append(cores()).append("\n\n| limiter | ns/grant |\n|---|--:|\n");
        scores.forEach((type, score) -> md.append("| ").append(type).append(" | ").append(number(score, 1)).append(" |\n"));
        return md.toString();
    }
}
