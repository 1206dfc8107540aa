/**
 * Test support for {@link dev.sluice.api.Transport} implementations: the end-to-end suite
 * {@link dev.sluice.transport.testkit.TransportEndToEndSuite} that Sluice's transports (and third-party
 * ones) extend in their own test sources. It runs {@code OssClient} and raw presigned requests against the
 * OSS emulator on loopback, so unlike a transport it needs the emulator, {@code oss} and the pacing core.
 * Only ever a test dependency.
 */
module dev.sluice.transport.testkit {
    requires transitive dev.sluice.api; // Transport, in the factory the suite is given
    requires transitive dev.sluice.oss; // OssClient, handed to the cases of subclasses
    requires transitive dev.sluice.emulator; // the emulator and its faults, visible to subclasses
    requires transitive org.junit.jupiter.api;
    requires dev.sluice.throttle; // the paced cases

    exports dev.sluice.transport.testkit;
    // JUnit discovers and invokes the inherited (package-private) test methods reflectively
    opens dev.sluice.transport.testkit to org.junit.platform.commons;
}
