/**
 * Test support for {@link dev.sluice.api.RateLimiter} implementations: the contract suite
 * {@link dev.sluice.testkit.RateLimiterContract} that Sluice's limiters and third-party plugins extend
 * in their own test sources, and a hand-driven {@link dev.sluice.testkit.ManualTicker}.
 */
module dev.sluice.testkit {
    requires transitive dev.sluice.api;
    requires transitive org.junit.jupiter.api;

    exports dev.sluice.testkit;
    // JUnit discovers and invokes the inherited (package-private) test methods reflectively
    opens dev.sluice.testkit to org.junit.platform.commons;
}
