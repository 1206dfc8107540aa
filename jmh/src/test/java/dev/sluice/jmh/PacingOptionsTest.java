package dev.sluice.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacing check's command line: defaults, both option spellings, and one-line refusals. */
class PacingOptionsTest {

    @Test
    void defaultsAreOneMibAt819200BitPerSecondWithA16KibBurstOnEveryPath() {
        PacingOptions options = PacingOptions.parse();

        assertEquals(DataSize.ofMebibytes(1), options.size);
        assertEquals(DataRate.ofBitsPerSecond(819_200), options.rate);
        assertEquals(DataSize.ofKibibytes(16), options.burst);
        assertEquals(List.of(PacingPath.values()), options.paths);
        assertEquals(Paths.get("jmh/target/pacing-accuracy.json"), options.json);
    }

    @Test
    void readsValuesAfterASpaceOrAnEqualsSign() {
        PacingOptions options = PacingOptions.parse("--size", "256KiB", "--rate=1Mbit/s", "--burst", "8KiB",
                "--paths=guava,blocking-output-stream", "--json", "out/a.json");

        assertEquals(DataSize.ofKibibytes(256), options.size);
        assertEquals(DataRate.ofMegabitsPerSecond(1), options.rate);
        assertEquals(DataSize.ofKibibytes(8), options.burst);
        assertEquals(List.of(PacingPath.GUAVA, PacingPath.BLOCKING_OUTPUT_STREAM), options.paths);
        assertEquals(Paths.get("out/a.json"), options.json);
    }

    @Test
    void helpIsAFlag() {
        assertTrue(PacingOptions.parse("--help").help);
    }

    @Test
    void checkIsAFlagThatTakesNoValue() {
        assertTrue(PacingOptions.parse("--check").check);
        assertRefused("option --check takes no value, got \"yes\"", "--check=yes");
    }

    @Test
    void refusesAnUnknownOptionNamingTheAllowedOnes() {
        assertRefused("unknown option \"--sise\"; allowed: --size, --rate, --burst, --paths, --idle, --link, --json,"
                + " --check, --help",
                "--sise", "1MiB");
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        assertRefused("option --rate needs a value, e.g. --rate 819200bit/s", "--rate");
    }

    @Test
    void refusesAnAmbiguousRateWithTheParsersReason() {
        assertRefused("--rate: \"100KB/s\" is not a data rate: \"KB/s\" is ambiguous; use kB/s (1000) or KiB/s (1024)",
                "--rate", "100KB/s");
    }

    @Test
    void refusesAnUnlimitedRate() {
        assertRefused("--rate \"unlimited\" is not allowed: the check needs a finite rate of at least 1 bit/s,"
                + " e.g. 819200bit/s", "--rate", "unlimited");
    }

    @Test
    void refusesAnEmptyPayload() {
        assertRefused("--size \"0B\" is out of range: allowed 1 B to 1 GiB", "--size", "0B");
    }

    @Test
    void refusesAnUnknownPathNamingTheKnownOnes() {
        assertRefused("--paths: unknown path \"netty\"; allowed: blocking-output-stream,blocking-input-stream,"
                + "async-pacer,guava,bucket4j-default,bucket4j-fair,resilience4j-default,resilience4j-fair,"
                + "okio-default,okio-fair,commons-io-default,netty-default,netty-fair", "--paths", "guava,netty");
    }

    @Test
    void refusesAPathNamedTwice() {
        assertRefused("--paths names \"guava\" twice; allowed: blocking-output-stream,blocking-input-stream,"
                + "async-pacer,guava,bucket4j-default,bucket4j-fair,resilience4j-default,resilience4j-fair,"
                + "okio-default,okio-fair,commons-io-default,netty-default,netty-fair, each at most once",
                "--paths", "guava,guava");
    }

    @Test
    void idleIsSixtySecondsByDefaultAndTakesWholeSecondsWithOrWithoutAnS() {
        assertEquals(60, PacingOptions.parse().idleSeconds);
        assertEquals(2, PacingOptions.parse("--idle", "2s").idleSeconds);
        assertEquals(0, PacingOptions.parse("--idle=0").idleSeconds);
        assertRefused("--idle \"1.5s\" is not allowed: whole seconds from 0 (no idle phase) to 3600, e.g. 60s",
                "--idle", "1.5s");
    }

    @Test
    void linkIsOffByDefaultAndTakesAFiniteRate() {
        assertTrue(PacingOptions.parse().link.isUnlimited());
        assertEquals(DataRate.ofBitsPerSecond(1_638_400), PacingOptions.parse("--link", "1638400bit/s").link);
        assertRefused("--link \"unlimited\" is not allowed: the emulated link needs a finite rate of at least 1 bit/s,"
                + " e.g. 819200bit/s", "--link", "unlimited");
    }

    private static void assertRefused(String message, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PacingOptions.parse(args));
        assertEquals(message, e.getMessage());
    }
}
