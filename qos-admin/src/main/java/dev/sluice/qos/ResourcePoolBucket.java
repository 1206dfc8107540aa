package dev.sluice.qos;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bucket of a resource pool, as ListResourcePoolBuckets names it.
 *
 * @param name the bucket's name
 * @param group its bucket group, if it is in one
 * @param joinTime when it joined the pool, if OSS said
 */
public record ResourcePoolBucket(String name, Optional<String> group, Optional<Instant> joinTime) {

    public ResourcePoolBucket {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(joinTime, "joinTime");
    }
}
