package dev.sluice.throttle.tree;

import static dev.sluice.throttle.tree.DirectionalRateTest.messageOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import org.junit.jupiter.api.Test;

/** The tree's textual form, its builder, and every input they refuse. */
class LimitTreeTextTest {

    private static final String EXAMPLE =
            "global=8MiB/s:1MiB/s; bucket:logs assured=2MiB/s:512KiB/s ceil=8MiB/s weight=2;"
            + " bucket:logs/tenant:acme ceil=1MiB/s";

    @Test
    void readsNodesWithTheirAssuredRateCeilingAndWeight() {
        LimitTree tree = LimitTree.parse(EXAMPLE);

        assertEquals(NodeLimits.DEFAULT.ceil(DirectionalRate.parse("8MiB/s:1MiB/s")), tree.limits("global"));
        assertEquals(NodeLimits.DEFAULT.assured(DirectionalRate.parse("2MiB/s:512KiB/s"))
                .ceil(DirectionalRate.parse("8MiB/s")).weight(2), tree.limits("bucket:logs"));
        assertEquals(NodeLimits.DEFAULT.ceil(DirectionalRate.parse("1MiB/s")), tree.limits("bucket:logs/tenant:acme"));
    }

    @Test
    void printsTheFormThatParseReadsBack() {
        LimitTree tree = LimitTree.parse(EXAMPLE);

        assertEquals("global=8MiB/s:1MiB/s; bucket:logs assured=2MiB/s:512KiB/s ceil=8MiB/s weight=2;"
                + " bucket:logs/tenant:acme ceil=1MiB/s weight=1", tree.toString());
        assertEquals(tree.toString(), LimitTree.parse(tree.toString()).toString());
    }

    @Test
    void theBuilderAndTheTextBuildTheSameTree() {
        LimitTree built = LimitTree.builder()
                .global(DirectionalRate.parse("8MiB/s:1MiB/s"))
                .node("bucket:logs", NodeLimits.DEFAULT.assured(DirectionalRate.parse("2MiB/s:512KiB/s"))
                        .ceil(DirectionalRate.parse("8MiB/s")).weight(2))
                .node("bucket:logs/tenant:acme", NodeLimits.DEFAULT.ceil(DirectionalRate.parse("1MiB/s")))
                .build();

        assertEquals(LimitTree.parse(EXAMPLE).toString(), built.toString());
    }

    @Test
    void emptyStatementsAndExtraSpacesAreIgnoredAndAnEmptyTextIsAnUnlimitedRoot() {
        assertEquals("global=off; a weight=1", LimitTree.parse("  ;a ;; ").toString());
        assertEquals("global=off", LimitTree.parse("").toString());
    }

    @Test
    void refusesAnUnknownAttributeNamingItsColumn() {
        assertEquals("limit tree text, column 18: unknown attribute \"rate=2MiB/s\" (expected assured=, ceil= or weight=)",
                messageOf(() -> LimitTree.parse("global=1MiB/s; a rate=2MiB/s")));
    }

    @Test
    void refusesABadRateNamingItsColumnAndToken() {
        assertEquals("limit tree text, column 3: \"ceil=8KB/s\": rate \"8KB/s\" in \"8KB/s\" is not a rate such as"
                + " 8MiB/s, 819200bit/s or off: " + messageOf(() -> DataRate.parse("8KB/s")),
                messageOf(() -> LimitTree.parse("a ceil=8KB/s")));
    }

    @Test
    void refusesAWeightOutsideOneToAThousand() {
        assertEquals("limit tree text, column 3: \"weight=0\": weight must be a whole number 1 to 1000",
                messageOf(() -> LimitTree.parse("a weight=0")));
        assertEquals("limit tree text, column 3: \"weight=two\": weight must be a whole number 1 to 1000",
                messageOf(() -> LimitTree.parse("a weight=two")));
        assertEquals("weight must be 1 to 1000, was 1001", messageOf(() -> NodeLimits.DEFAULT.weight(1001)));
    }

    @Test
    void refusesAnAttributeGivenTwice() {
        assertEquals("limit tree text, column 10: attribute ceil is given twice for node a",
                messageOf(() -> LimitTree.parse("a=1MiB/s ceil=2MiB/s")));
    }

    @Test
    void refusesAnythingButACeilingOnTheRoot() {
        assertEquals("limit tree text, column 8: the root \"global\" takes only a ceiling (\"global=RATES\" or"
                + " \"ceil=RATES\"), not \"weight=2\"", messageOf(() -> LimitTree.parse("global weight=2")));
    }

    @Test
    void refusesAChildDeclaredBeforeItsParent() {
        assertEquals("limit tree text, column 1: \"a/b\": node a/b needs its parent a declared first",
                messageOf(() -> LimitTree.parse("a/b; a")));
    }

    @Test
    void refusesANodeDeclaredTwice() {
        assertEquals("limit tree text, column 4: \"a\": node a is declared twice", messageOf(() -> LimitTree.parse("a; a")));
    }

    @Test
    void refusesAMalformedPath() {
        assertEquals("limit tree text, column 1: \"a//b\": node path \"a//b\" must be names separated by '/', each"
                + " without spaces, ';' or '=' and not starting with '#'", messageOf(() -> LimitTree.parse("a//b")));
    }

    @Test
    void refusesAnAssuredRateAboveTheNodesCeiling() {
        assertEquals("node a: assured upload rate 9 MiB/s must be at most its ceiling 8 MiB/s",
                messageOf(() -> LimitTree.parse("a assured=9MiB/s:1MiB/s ceil=8MiB/s")));
    }

    @Test
    void refusesChildrenWhoseAssuredRatesAddUpToMoreThanTheParentsCeiling() {
        assertEquals("node global: its children's assured download rates would add up to 1536 KiB/s, must be at most"
                + " its ceiling 1 MiB/s",
                messageOf(() -> LimitTree.parse("global=8MiB/s:1MiB/s; a assured=1MiB/s:512KiB/s; b assured=1MiB/s")));
    }

    @Test
    void refusesAnUnlimitedAssuredRate() {
        assertEquals("limit tree text, column 3: \"assured=off:1MiB/s\": assured rate must be finite both ways, was"
                + " off:1MiB/s (leave it out for no guarantee)", messageOf(() -> LimitTree.parse("a assured=off:1MiB/s")));
    }

    @Test
    void refusesARuntimeChangeThatBreaksARuleAndKeepsTheOldLimits() {
        LimitTree tree = LimitTree.parse("global=1MiB/s; a assured=512KiB/s; b");

        assertEquals("node global: its children's assured upload rates add up to 512 KiB/s, must be at most its"
                + " ceiling 256 KiB/s", messageOf(() -> tree.setLimits("global",
                        NodeLimits.DEFAULT.ceil(DirectionalRate.parse("256KiB/s")))));
        assertEquals("global=1MiB/s; a assured=512KiB/s weight=1; b weight=1", tree.toString());
    }

    @Test
    void refusesAnUnknownNodeNamingTheKnownOnes() {
        LimitTree tree = LimitTree.parse("a; a/b");

        assertEquals("no node \"c\" in the limit tree; nodes are global, a, a/b", messageOf(() -> tree.pause("c")));
        assertEquals("no node \"c\" in the limit tree; nodes are global, a, a/b", messageOf(() -> tree.open("c")));
    }

    @Test
    void refusesOpeningATransferUnderATransfer() {
        LimitTree tree = LimitTree.parse("a");
        TreeTransfer transfer = tree.open("a");

        assertEquals("a/#1", transfer.path());
        assertEquals("node a/#1 is a transfer; open transfers under its parent", messageOf(() -> tree.open("a/#1")));
    }

    @Test
    void refusesBadBuilderSettings() {
        assertEquals("idle window must be 1 ms to 60000 ms, was 0 ms",
                messageOf(() -> LimitTree.builder().idleAfter(java.time.Duration.ZERO)));
        assertEquals("leaf burst must be at least 1 B, was null", messageOf(() -> LimitTree.builder().leafBurst(null)));
        assertEquals("limit tree text must not be null", messageOf(() -> LimitTree.parse(null)));
    }
}
