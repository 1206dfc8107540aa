package dev.sluice.qos;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource pool and its QoS, as GetResourcePoolInfo answers. Pools are created by Alibaba support; their
 * QoS is the parent of every bucket and requester QoS in them.
 *
 * @param region the region in its {@code oss-} form ({@code oss-cn-hangzhou}), "" if OSS did not say
 * @param name the pool's name
 * @param owner the owning account's UID, "" if OSS did not say
 * @param createTime when it was created, if OSS said
 * @param configuration the pool's QoS
 */
public record ResourcePoolInfo(String region, String name, String owner, Optional<Instant> createTime,
        QoSConfiguration configuration) {

    public ResourcePoolInfo {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createTime, "createTime");
        Objects.requireNonNull(configuration, "configuration");
    }
}
