package dev.sluice.emulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The QoS side of the account, in memory: resource pools with their buckets and requester QoS, bucket QoS
 * and bucket requester QoS. One lock guards it all, so that a Put checks the sum of a pool's requesters
 * against the state it changes. Lists come back as sorted copies, the order continuation tokens rely on.
 */
final class QosState {

    /** Reference 3.1: requester configurations per pool and per bucket. */
    static final int MAX_REQUESTERS = 300;

    /** A pool: its QoS, its buckets with their join time, its requesters. */
    record Pool(String name, Instant created, QosConfig qos, NavigableMap<String, Instant> buckets,
            NavigableMap<String, QosConfig> requesters) {
    }

    private final NavigableMap<String, Pool> pools = new TreeMap<>();
    private final Map<String, String> poolOfBucket = new HashMap<>();
    private final Map<String, QosConfig> bucketQos = new HashMap<>();
    private final Map<String, NavigableMap<String, QosConfig>> bucketRequesters = new HashMap<>();

    QosState(List<PoolDefinition> definitions, Instant now) {
        for (PoolDefinition definition : definitions) {
            NavigableMap<String, Instant> buckets = new TreeMap<>();
            definition.buckets().forEach(b -> buckets.put(b, now));
            definition.buckets().forEach(b -> poolOfBucket.put(b, definition.name()));
            pools.put(definition.name(), new Pool(definition.name(), now, QosConfig.of(definition.qos()), buckets, new TreeMap<>()));
        }
    }

    /** The pools by name, a copy. */
    synchronized NavigableMap<String, Pool> pools() {
        return new TreeMap<>(pools);
    }

    /** The pool {@code name}; NoSuchResourcePool otherwise. */
    synchronized Pool pool(String name) {
        Pool pool = pools.get(name);
        if (pool == null) {
            throw ErrorCodes.noSuchResourcePool();
        }
        return pool;
    }

    synchronized NavigableMap<String, Instant> poolBuckets(String pool) {
        return new TreeMap<>(pool(pool).buckets());
    }

    synchronized NavigableMap<String, QosConfig> poolRequesters(String pool) {
        return new TreeMap<>(pool(pool).requesters());
    }

    synchronized QosConfig poolRequester(String pool, String requester) {
        return found(pool(pool).requesters().get(requester));
    }

    /** PutResourcePoolRequesterQoSInfo: rules 1, 2, 6, 4 (each item, then the sum), then the 300 limit. */
    synchronized void putPoolRequester(String poolName, String requester, QosConfig config) {
        Pool pool = pool(poolName);
        QosRules.checkOwn(config);
        QosRules.checkRequesterMinimum(config);
        QosRules.checkWithin(config, pool.qos(), "resource pool", ErrorCodes.EC_QOS_REQUESTER_ABOVE_POOL);
        Map<String, QosConfig> after = new HashMap<>(pool.requesters());
        after.put(requester, config);
        QosRules.checkSum(new ArrayList<>(after.values()), pool.qos());
        checkRoom(pool.requesters(), requester);
        pool.requesters().put(requester, config);
    }

    synchronized void deletePoolRequester(String pool, String requester) {
        pool(pool).requesters().remove(requester);
    }

    /** The bucket's QoS, all -1 until one is put. */
    synchronized QosConfig bucketQos(String bucket) {
        return bucketQos.getOrDefault(bucket, QosConfig.UNLIMITED);
    }

    /** PutBucketQoSInfo: rules 1, 2, and 3 when the bucket is in a pool. */
    synchronized void putBucketQos(String bucket, QosConfig config) {
        QosRules.checkOwn(config);
        String pool = poolOfBucket.get(bucket);
        if (pool != null) {
            QosRules.checkWithin(config, pools.get(pool).qos(), "resource pool", ErrorCodes.EC_QOS_BUCKET_ABOVE_POOL);
        }
        bucketQos.put(bucket, config);
    }

    synchronized void deleteBucketQos(String bucket) {
        bucketQos.remove(bucket);
    }

    synchronized NavigableMap<String, QosConfig> bucketRequesters(String bucket) {
        return new TreeMap<>(bucketRequesters.getOrDefault(bucket, new TreeMap<>()));
    }

    synchronized QosConfig bucketRequester(String bucket, String requester) {
        return found(bucketRequesters.getOrDefault(bucket, new TreeMap<>()).get(requester));
    }

    /** PutBucketRequesterQoSInfo: rules 1, 2, 6 and 5, then the 300 limit. */
    synchronized void putBucketRequester(String bucket, String requester, QosConfig config) {
        QosRules.checkOwn(config);
        QosRules.checkRequesterMinimum(config);
        QosRules.checkWithin(config, bucketQos(bucket), "bucket", ErrorCodes.EC_QOS_REQUESTER_ABOVE_BUCKET);
        NavigableMap<String, QosConfig> requesters = bucketRequesters.computeIfAbsent(bucket, b -> new TreeMap<>());
        checkRoom(requesters, requester);
        requesters.put(requester, config);
    }

    synchronized void deleteBucketRequester(String bucket, String requester) {
        NavigableMap<String, QosConfig> requesters = bucketRequesters.get(bucket);
        if (requesters != null) {
            requesters.remove(requester);
        }
    }

    private static void checkRoom(Map<String, QosConfig> requesters, String requester) {
        if (!requesters.containsKey(requester) && requesters.size() >= MAX_REQUESTERS) {
            throw ErrorCodes.qos("at most " + MAX_REQUESTERS + " requester QoS configurations are allowed per resource pool"
                    + " and per bucket", ErrorCodes.EC_QOS_TOO_MANY_REQUESTERS);
        }
    }

    private static QosConfig found(QosConfig config) {
        if (config == null) {
            throw ErrorCodes.noSuchRequester();
        }
        return config;
    }
}
