package dev.sluice.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code sluice demo} run in-process against its embedded emulator, fast and small. */
class DemoCommandTest {

    private static final Pattern RESULT = Pattern.compile("(upload|download): +measured [0-9.]+ (B|KiB|MiB)/s"
            + " \\([0-9,]+ bit/s\\) = \\(65,536 - [0-9,]+\\) B / [0-9.]+ s; target 8\\.0 MiB/s \\(67,108,864 bit/s\\);"
            + " error [+-][0-9]+\\.[0-9]{2} %");
    private static final Pattern TOO_FAST = Pattern.compile("(upload|download): +[0-9,]+ B arrived in the initial"
            + " burst: too fast to measure; try a larger --size or a lower --rate");

    @Test
    void uploadsAndDownloadsSixtyFourKibAtEightMibPerSecondAndReportsBothRatesAndTheCrc() {
        Run run = Run.of("demo", "--size", "64KiB", "--rate", "8MiB/s");

        assertEquals(0, run.exitCode(), run::err);
        List<String> out = run.outLines();
        assertEquals(5, out.size(), run::out);
        assertTrue(out.get(0).matches("OSS emulator on http://127\\.0\\.0\\.1:[0-9]+ \\(region [a-z0-9-]+\\), bucket"
                + " sluice-demo"), out.get(0));
        assertEquals("64.0 KiB up and back down at 8 MiB/s (67,108,864 bit/s): client pacing by leaky-bucket,"
                + " x-oss-traffic-limit 67108864 bit/s, transport jdk", out.get(1));
        assertResult("upload", out.get(2));
        assertResult("download", out.get(3));
        assertTrue(out.get(4).matches("CRC-64: +[0-9]+ matches \\(generated file, OSS after upload, downloaded file\\)"),
                out.get(4));
    }

    @Test
    void drawsAProgressBarPerDirectionOnStandardErrorThatEndsAtOneHundredPercent() {
        Run run = Run.of("demo", "--size", "64KiB", "--rate", "8MiB/s");

        assertEquals(0, run.exitCode(), run::err);
        // String.lines() would split at \r too: the final state of each bar is what follows its last \r
        List<String> finals = Arrays.stream(run.err().split("\n"))
                .map(line -> line.substring(line.lastIndexOf('\r') + 1).strip()).toList();
        assertEquals(2, finals.size(), run::err);
        assertTrue(finals.get(0).matches("upload +\\[#{30}\\] 100% +64\\.0 KiB / 64\\.0 KiB +[0-9.]+ (B|KiB|MiB)/s +in"
                + " [0-9.]+ s"), finals.get(0));
        assertTrue(finals.get(1).startsWith("download [" + "#".repeat(30) + "] 100%"), finals.get(1));
        assertTrue(run.err().startsWith("\rupload   ["), "the bar is redrawn in place with \\r");
    }

    @Test
    void pacesWithBucket4jWithoutTrafficLimitBelowTheOssMinimum() {
        Run run = Run.of("demo", "--size", "16KiB", "--rate", "4MiB/s", "--limiter", "bucket4j", "--no-traffic-limit");

        assertEquals(0, run.exitCode(), run::err);
        assertEquals("16.0 KiB up and back down at 4 MiB/s (33,554,432 bit/s): client pacing by bucket4j,"
                + " no x-oss-traffic-limit, transport jdk", run.outLines().get(1));
    }

    @Test
    void runsOverTheMicronautTransportAndVerifiesTheCrc() {
        Run run = Run.of("demo", "--size", "64KiB", "--rate", "8MiB/s", "--transport", "micronaut");

        assertEquals(0, run.exitCode(), run::err);
        List<String> out = run.outLines();
        assertEquals("64.0 KiB up and back down at 8 MiB/s (67,108,864 bit/s): client pacing by leaky-bucket,"
                + " x-oss-traffic-limit 67108864 bit/s, transport micronaut", out.get(1));
        assertResult("upload", out.get(2));
        assertResult("download", out.get(3));
        assertTrue(out.get(4).matches("CRC-64: +[0-9]+ matches \\(generated file, OSS after upload, downloaded file\\)"),
                out.get(4));
    }

    @Test
    void acceptsARateBelowTheOssMinimumWhenNoTrafficLimitIsSent() {
        Run run = Run.of("demo", "--size", "1KiB", "--rate", "512KiB/s", "--no-traffic-limit");

        assertEquals(0, run.exitCode(), run::err);
        assertTrue(run.outLines().get(1).contains("no x-oss-traffic-limit"), run::out);
    }

    private static void assertResult(String direction, String line) {
        assertTrue(line.startsWith(direction + ":"), line);
        assertTrue(RESULT.matcher(line).matches() || TOO_FAST.matcher(line).matches(), line);
    }
}
