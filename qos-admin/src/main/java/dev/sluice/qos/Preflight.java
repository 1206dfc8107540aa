package dev.sluice.qos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Optional;

/**
 * The rules of the QoS API that need the server's state (section 3.3, rules 3 to 5), checked by reading the
 * parent before a Put. Unlimited (-1) child items have no limit of their own and count for nothing
 * in a sum; forbidden (0) ones count as 0.
 */
final class Preflight {

    private Preflight() {
    }

    /** Rule 4: each item within the pool's, and the requesters' sum, this one replaced, within the pool's. */
    static void checkPoolRequester(QosAdminClient client, String pool, String requester, QoSConfiguration qos)
            throws IOException {
        QoSConfiguration parent = client.getResourcePoolInfo(pool).configuration();
        checkItems(qos, "requester " + requester, parent, "resource pool " + pool);
        EnumMap<QosBandwidthItem, Long> others = new EnumMap<>(QosBandwidthItem.class);
        try {
            Iterator<RequesterQosInfo> infos = client.listResourcePoolRequesterQosInfos(pool).iterator();
            while (infos.hasNext()) {
                RequesterQosInfo info = infos.next();
                if (!info.requester().equals(requester)) { // a Put replaces this requester's own entry
                    for (QosBandwidthItem item : QosBandwidthItem.values()) {
                        QosBandwidth value = info.configuration().bandwidth(item);
                        others.merge(item, value.isLimited() ? (long) value.gigabitsPerSecond() : 0L, Long::sum);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (QosBandwidthItem item : QosBandwidthItem.values()) {
            QosBandwidth value = qos.bandwidth(item);
            QosBandwidth poolItem = parent.bandwidth(item);
            long sum = others.getOrDefault(item, 0L) + value.gigabitsPerSecond();
            if (value.isLimited() && poolItem.isLimited() && sum > poolItem.gigabitsPerSecond()) {
                throw QosRules.sumExceedsPool(item, value, requester, sum, poolItem, pool);
            }
        }
    }

    /** Rule 5: each item within the bucket's. */
    static void checkBucketRequester(QosAdminClient client, String bucket, String requester, QoSConfiguration qos)
            throws IOException {
        checkItems(qos, "requester " + requester, client.getBucketQosInfo(bucket), "bucket " + bucket);
    }

    /**
     * Rule 3: each item of a bucket's QoS within its pool's. OSS has no "pool of this bucket" call, so this
     * walks the pools and their buckets; a bucket in no pool has no parent to check against.
     */
    static void checkBucket(QosAdminClient client, String bucket, QoSConfiguration qos) throws IOException {
        Optional<String> pool;
        try {
            pool = client.listResourcePools().map(ResourcePool::name)
                    .filter(name -> client.listResourcePoolBuckets(name).anyMatch(b -> b.name().equals(bucket)))
                    .findFirst();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (pool.isPresent()) {
            checkItems(qos, "bucket " + bucket, client.getResourcePoolInfo(pool.get()).configuration(),
                    "resource pool " + pool.get());
        }
    }

    private static void checkItems(QoSConfiguration qos, String subject, QoSConfiguration parent, String parentName) {
        for (QosBandwidthItem item : QosBandwidthItem.values()) {
            QosBandwidth value = qos.bandwidth(item);
            if (!value.fitsUnder(parent.bandwidth(item))) {
                throw QosRules.exceedsParent(item, value, subject, parent.bandwidth(item), parentName);
            }
        }
    }
}
