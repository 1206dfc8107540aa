package dev.sluice.emulator.internal;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataSize;
import dev.sluice.emulator.Fault;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What the builder collected, checked.
 *
 * @param credentials the accepted key pairs by access key id
 * @param region the V4 region id, without {@code oss-}
 * @param buckets the buckets that exist from the start
 * @param storageDirectory the parent of the object folder, or null to keep objects in memory
 * @param port the port on 127.0.0.1, 0 for an ephemeral one
 * @param clock signature dates and expiry
 * @param burst the burst of each traffic-limit bucket
 * @param faults the faults in force from the start
 * @param pools the resource pools, whose buckets are among {@code buckets}
 */
public record EmulatorConfig(Map<String, Credentials> credentials, String region, List<String> buckets,
        Path storageDirectory, int port, Clock clock, DataSize burst, List<Fault> faults,
        List<PoolDefinition> pools) {

    /** Secrets stay out: only the key ids are named. */
    @Override
    public String toString() {
        return "EmulatorConfig[keys=" + credentials.keySet() + ", region=" + region + ", buckets=" + buckets
                + ", storage=" + (storageDirectory == null ? "memory" : storageDirectory) + ", port=" + port + ", pools=" + pools + "]";
    }
}
