package dev.sluice.emulator.internal;

import dev.sluice.emulator.QosLimits;
import java.util.List;

/**
 * A resource pool as the builder declares it (support creates pools in OSS: there is no public API).
 *
 * @param name the pool name
 * @param qos the pool's QoS
 * @param buckets the buckets attached to it, which exist from the start
 */
public record PoolDefinition(String name, QosLimits qos, List<String> buckets) {
}
