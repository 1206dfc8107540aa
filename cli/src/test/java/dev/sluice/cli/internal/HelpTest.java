package dev.sluice.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --help}: usage on standard output, exit code 0. */
class HelpTest {

    @Test
    void listsTheDemoAndTheExitCodes() {
        Run run = Run.of("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: sluice "), run::out);
        assertTrue(run.out().contains("\n  demo "), run::out);
        assertTrue(run.out().contains("Exit codes:"), run::out);
        assertTrue(run.out().contains("  2   bad usage"), run::out);
        assertEquals("", run.err());
    }

    @Test
    void demoHelpStatesEveryOptionTheMeasurementFormulaAndTheExitCodes() {
        Run run = Run.of("demo", "--help");

        assertEquals(0, run.exitCode());
        String help = run.out().replaceAll("\\s+", " ");
        for (String option : new String[] {"--size=SIZE", "--rate=RATE", "--transport=NAME", "--limiter=NAME",
                "--no-traffic-limit", "--verbose"}) {
            assertTrue(help.contains(option), option + " in " + run.out());
        }
        assertTrue(help.contains("measured = (bytes - bytes_at_t0) / (t_last - t0)"), run::out);
        assertTrue(help.contains("error = (measured - target) / target x 100 %."), run::out);
        assertTrue(help.contains("Exit codes: 0 ok, 1 transfer or CRC-64 failure, 2 bad usage."), run::out);
        assertEquals("", run.err());
    }

    @Test
    void qosHelpListsItsFourGroupsAndEachGroupItsOperations() {
        Run qos = Run.of("qos", "--help");
        Run pool = Run.of("qos", "pool-requester", "--help");
        Run put = Run.of("qos", "pool-requester", "put", "--help");

        assertEquals(0, qos.exitCode());
        for (String group : new String[] {"\n  bucket ", "\n  bucket-requester ", "\n  pool ", "\n  pool-requester "}) {
            assertTrue(qos.out().contains(group), group + " in " + qos.out());
        }
        for (String operation : new String[] {"\n  put ", "\n  get ", "\n  list ", "\n  delete "}) {
            assertTrue(pool.out().contains(operation), operation + " in " + pool.out());
        }
        String help = put.out().replaceAll("\\s+", " ");
        for (String option : new String[] {"--file=FILE", "--total-upload=GBPS", "--extranet-download=GBPS",
                "--total-qps=QPS", "--preflight", "--json", "--endpoint=URL", "--region=REGION"}) {
            assertTrue(help.contains(option), option + " in " + put.out());
        }
    }

    @Test
    void helpSubcommandShowsTheDemosUsage() {
        Run run = Run.of("help", "demo");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: sluice demo "), run::out);
    }
}
