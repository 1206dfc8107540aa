/**
 * An embedded OSS-compatible server on loopback, for tests and the demo: it verifies V4 and V1 signatures
 * and presigned URLs, stores buckets and objects (in memory or in a folder), serves multipart uploads,
 * enforces {@code x-oss-traffic-limit} server-side with {@code throttle-core}, serves the resource-pool and
 * requester QoS APIs from memory, and injects faults.
 * Start one with {@link dev.sluice.emulator.OssEmulator#builder()}.
 */
module dev.sluice.emulator {
    requires transitive dev.sluice.api; // Credentials and DataSize appear in the builder
    requires dev.sluice.throttle; // server-side pacing of x-oss-traffic-limit
    requires dev.sluice.oss; // the signers (re-signing verifies), TrafficLimit, Crc64
    requires jdk.httpserver; // the HTTP server (see OssEmulator for why this one)
    requires java.xml; // StAX: the CompleteMultipartUpload and QoSConfiguration bodies, DOCTYPE refused

    exports dev.sluice.emulator;
}
