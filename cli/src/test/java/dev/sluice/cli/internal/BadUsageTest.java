package dev.sluice.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input: exit code 2, exactly one line on standard error, nothing on standard output, nothing sent. */
class BadUsageTest {

    @Test
    void refusesAnUnparseableRateNamingTheTextAndTheExpectedForm() {
        assertRefused("sluice: Invalid value for option '--rate': \"fast\" is not a data rate: expected a number"
                + " followed by a unit, e.g. 16KiB/s", "demo", "--rate", "fast");
    }

    @Test
    void refusesAnUnparseableSize() {
        assertRefused("sluice: Invalid value for option '--size': \"big\" is not a data size: expected a number"
                + " followed by a unit, e.g. 16KiB", "demo", "--size", "big");
    }

    @Test
    void refusesARateBelowTheOssTrafficLimitMinimumAndSaysHowToPaceOnTheClientOnly() {
        assertRefused("sluice: --rate 50 KiB/s: x-oss-traffic-limit 409600 bit/s is below the OSS minimum of 819200"
                + " bit/s (100 KiB/s); add --no-traffic-limit to pace on the client only", "demo", "--rate", "50KiB/s");
    }

    @Test
    void refusesARateAboveTheOssTrafficLimitMaximum() {
        assertRefused("sluice: --rate 101 MiB/s: x-oss-traffic-limit 847249408 bit/s is above the OSS maximum of"
                + " 838860800 bit/s (100 MiB/s); add --no-traffic-limit to pace on the client only",
                "demo", "--rate", "101MiB/s");
    }

    @Test
    void refusesAnUnlimitedRateBecauseThereIsNothingToMeasureAgainst() {
        assertRefused("sluice: --rate unlimited cannot be measured against: give a rate such as 100KiB/s",
                "demo", "--rate", "unlimited");
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused("sluice: --size 0 B is too small: the demo needs at least 1 B", "demo", "--size", "0B");
    }

    @Test
    void refusesAnUnknownLimiterNamingTheKnownOnes() {
        assertRefused("sluice: --limiter \"token-bucket\" is not available: known limiters: bucket4j, leaky-bucket",
                "demo", "--limiter", "token-bucket");
    }

    @Test
    void refusesAnUnknownTransportNamingTheKnownOnes() {
        assertRefused("sluice: --transport \"okhttp\" is not available: known transports: jdk, micronaut",
                "demo", "--transport", "okhttp");
    }

    @Test
    void refusesAnUnknownOption() {
        assertRefused("sluice: Unknown option: '--bogus'", "demo", "--bogus");
    }

    @Test
    void refusesAMissingCommand() {
        assertRefused("sluice: missing command: try 'sluice demo' or 'sluice --help'");
    }

    @Test
    void printsTheStackTraceOfBadInputOnlyWithVerbose() {
        Run run = Run.of("demo", "--rate", "50KiB/s", "--verbose");

        assertEquals(2, run.exitCode());
        List<String> err = run.errLines();
        assertTrue(err.get(0).startsWith("sluice: --rate 50 KiB/s: "), err.get(0));
        assertTrue(err.size() > 2, run::err);
        assertTrue(err.get(1).startsWith("picocli.CommandLine$ParameterException: "), err.get(1));
    }

    private static void assertRefused(String message, String... args) {
        Run run = Run.of(args);

        assertEquals(2, run.exitCode(), run::err);
        assertEquals(List.of(message), run.errLines());
        assertEquals("", run.out());
    }
}
