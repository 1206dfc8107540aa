package dev.sluice.qos;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource pool as ListResourcePools names it.
 *
 * @param name the pool's name
 * @param createTime when it was created, if OSS said
 */
public record ResourcePool(String name, Optional<Instant> createTime) {

    public ResourcePool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createTime, "createTime");
    }
}
