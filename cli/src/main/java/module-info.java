/**
 * The {@code sluice} command: {@code sluice demo} starts the embedded OSS emulator on loopback, uploads and
 * downloads a generated file paced on the client and by {@code x-oss-traffic-limit}, checks CRC-64 and
 * reports the measured rate against the target; {@code sluice cp} and {@code sluice presign} move and sign
 * objects with a limit; {@code sluice qos} reads and changes bucket, resource-pool and requester QoS. Run it
 * with {@link dev.sluice.cli.Main}.
 */
module dev.sluice.cli {
    requires dev.sluice.api;
    requires dev.sluice.throttle; // limiters, pacers and the provider registry
    requires dev.sluice.oss; // the client, TrafficLimit, Crc64
    requires dev.sluice.emulator; // the demo's server
    requires dev.sluice.qos; // sluice qos: the QoS admin client
    requires com.fasterxml.jackson.databind; // sluice qos --json, and reading --file through the XML tree
    // found by name through the provider registry; required so that they are resolved on the module path
    requires dev.sluice.transport.jdkhttp;
    requires dev.sluice.transport.micronaut; // --transport micronaut (found by provider name)
    requires dev.sluice.throttle.bucket4j;
    requires info.picocli;

    exports dev.sluice.cli;

    // picocli reads and sets the annotated option fields of the commands reflectively
    opens dev.sluice.cli to info.picocli;
    opens dev.sluice.cli.internal to info.picocli;
}
