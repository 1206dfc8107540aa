package dev.sluice.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code sluice qos}: what the client refuses before sending is bad usage (exit 2, one line, the
 * rule's own message); what OSS refuses is a failure (exit 1, one line with the code, message, request id and
 * what to do). Nothing goes to standard output in either case, and the secret never appears.
 */
class QosBadInputTest {

    private final QosEmulator oss = new QosEmulator();

    @TempDir
    Path folder;

    @AfterEach
    void stopEmulator() {
        oss.close();
    }

    @Test
    void refusesABandwidthBelowTheMinimumOfALimitedRequesterNamingTheItemAndTheAllowedValues() {
        assertUsage("sluice: ExtranetUploadBandwidth 3 Gbit/s for requester 203300000000 is below the 5 Gbit/s minimum"
                + " for a limited requester item (allowed: -1 = unlimited, 0 = forbidden, or >= 5)",
                oss.qos("pool-requester", "put", "pool-ai", "203300000000", "--extranet-upload", "3"));
        assertEquals("[ ]\n", oss.qos("pool-requester", "list", "pool-ai", "--json").out(), "nothing was set");
    }

    @Test
    void refusesAnIntranetItemAboveItsTotal() {
        assertUsage("sluice: IntranetUploadBandwidth 12 Gbit/s exceeds TotalUploadBandwidth 10 Gbit/s",
                oss.qos("bucket-requester", "put", "lone-bucket", "2001", "--total-upload", "10", "--intranet-upload", "12"));
    }

    @Test
    void refusesABandwidthThatIsNotAWholeNumberOfGigabits() {
        assertUsage("sluice: Invalid value for option '--total-upload': \"10G\" is not a QoS bandwidth: expected whole"
                + " Gbit/s (e.g. 10), -1 or unlimited, 0 or forbidden",
                oss.qos("bucket", "put", "lone-bucket", "--total-upload", "10G"));
    }

    @Test
    void refusesABandwidthBelowMinusOne() {
        assertUsage("sluice: Invalid value for option '--total-download': QoS bandwidth -2 Gbit/s is out of range"
                + " (allowed: -1 = unlimited, 0 = forbidden, or >= 1)",
                oss.qos("bucket", "put", "lone-bucket", "--total-download", "-2"));
    }

    @Test
    void refusesAPutWithNothingToSet() {
        assertUsage("sluice: nothing to set: give --file FILE or at least one value, e.g. --total-upload 10 (Gbit/s; -1"
                + " unlimited, 0 forbidden); items not given are unlimited", oss.qos("bucket", "put", "lone-bucket"));
    }

    @Test
    void refusesAFileWithAnUnknownElementRatherThanLeavingItUnlimited() throws Exception {
        Path file = Files.writeString(folder.resolve("typo.xml"),
                "<QoSConfiguration><TotalUploadBandwith>10</TotalUploadBandwith></QoSConfiguration>");

        assertUsage("sluice: --file " + file + ": unknown element <TotalUploadBandwith>: a QoSConfiguration has"
                + " TotalUploadBandwidth, IntranetUploadBandwidth, ExtranetUploadBandwidth, TotalDownloadBandwidth,"
                + " IntranetDownloadBandwidth, ExtranetDownloadBandwidth, TotalQps, IntranetQps, ExtranetQps",
                oss.qos("bucket", "put", "lone-bucket", "--file", file.toString()));
    }

    @Test
    void refusesAFileWithADoctypeWithoutExpandingIt() throws Exception {
        Path file = Files.writeString(folder.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE q [<!ENTITY x"
                + " SYSTEM \"file:///etc/passwd\">]>\n<QoSConfiguration><TotalUploadBandwidth>&x;</TotalUploadBandwidth>"
                + "</QoSConfiguration>");

        Run run = oss.qos("bucket", "put", "lone-bucket", "--file", file.toString());

        assertEquals(2, run.exitCode(), run::err);
        assertEquals(1, run.errLines().size(), run::err);
        assertTrue(run.err().startsWith("sluice: --file " + file + ": not a readable QoSConfiguration XML document: "),
                run::err);
        assertFalse(run.err().contains("root:"), "no entity was expanded");
    }

    @Test
    void withPreflightABucketValueOverItsPoolIsRefusedBeforeThePut() {
        assertUsage("sluice: TotalUploadBandwidth 40 Gbit/s for bucket web-bucket exceeds TotalUploadBandwidth 10 Gbit/s"
                + " of resource pool pool-web",
                oss.qos("bucket", "put", "web-bucket", "--total-upload", "40", "--preflight"));
    }

    @Test
    void withoutPreflightOssRefusesABucketValueOverItsPool() {
        assertFailed("sluice qos bucket put: failed: OSS error 400 InvalidArgument: TotalUploadBandwidth 40 Gbit/s exceeds"
                + " the resource pool's 10 Gbit/s (request id <id>, EC 0004-00000115) (add --verbose for the stack trace)",
                oss.qos("bucket", "put", "web-bucket", "--total-upload", "40"));
    }

    @Test
    void anUnknownResourcePoolFailsWithTheOssErrorAndSaysHowToListThePools() {
        Run run = oss.qos("pool", "get", "no-such-pool");

        assertFailed("sluice qos pool get: failed: OSS error 404 NoSuchResourcePool: The specified resource pool does not"
                + " exist. (request id <id>, EC 0004-00000121); 'sluice qos pool list' lists the resource pools of the"
                + " region (add --verbose for the stack trace)", run);
    }

    @Test
    void aListingOfAnUnknownPoolFailsBeforePrintingAnything() {
        Run run = oss.qos("pool-requester", "list", "no-such-pool", "--json");

        assertFailed("sluice qos pool-requester list: failed: OSS error 404 NoSuchResourcePool: The specified resource"
                + " pool does not exist. (request id <id>, EC 0004-00000121); 'sluice qos pool list' lists the resource"
                + " pools of the region (add --verbose for the stack trace)", run);
    }

    @Test
    void anUnknownRequesterSaysHowToListTheRequesters() {
        assertFailed("sluice qos bucket-requester get: failed: OSS error 404 NoSuchQosRequester: The specified requester"
                + " QoS configuration does not exist. (request id <id>, EC 0004-00000122); 'sluice qos pool-requester list"
                + " POOL' or 'sluice qos bucket-requester list BUCKET' lists the requesters that have a QoS (add --verbose"
                + " for the stack trace)", oss.qos("bucket-requester", "get", "lone-bucket", "9999"));
    }

    @Test
    void refusesToRunWithoutCredentials() {
        assertUsage("sluice: missing credentials: set OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET in the environment",
                oss.qosIn(Map.of(), "pool", "list"));
    }

    @Test
    void aWrongSecretFailsWithoutPrintingItAndSaysWhichVariablesToCheck() {
        Run run = oss.qosIn(Map.of(OssOptions.KEY_ID, "qos-test-id", OssOptions.KEY_SECRET, "wrong-secret"),
                "pool", "list", "--verbose");

        assertEquals(1, run.exitCode(), run::err);
        assertTrue(run.errLines().get(0).startsWith("sluice qos pool list: failed: OSS error 403 SignatureDoesNotMatch"),
                run::err);
        assertTrue(run.errLines().get(0).endsWith("; check OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET"), run::err);
        assertTrue(run.err().contains("\tat "), "--verbose prints the stack trace");
        assertFalse(run.err().contains("wrong-secret") || run.out().contains("wrong-secret"));
        assertFalse(run.err().contains(QosEmulator.SECRET) || run.out().contains(QosEmulator.SECRET));
    }

    @Test
    void aMissingSubcommandSaysWhereTheHelpIs() {
        assertUsage("sluice: missing subcommand: try 'sluice qos pool --help'", Run.in(QosEmulator.KEYS, "qos", "pool"));
    }

    private static void assertUsage(String message, Run run) {
        assertEquals(2, run.exitCode(), run::err);
        assertEquals(List.of(message), run.errLines());
        assertEquals("", run.out());
    }

    /** {@code message} with {@code <id>} standing for the request id, which differs from run to run. */
    private static void assertFailed(String message, Run run) {
        assertEquals(1, run.exitCode(), run::err);
        assertEquals(1, run.errLines().size(), run::err);
        Pattern expected = Pattern.compile(Pattern.quote(message).replace("<id>", "\\E[0-9A-F]{24}\\Q"));
        assertTrue(expected.matcher(run.errLines().get(0)).matches(), run::err);
        assertEquals("", run.out());
    }
}
