package dev.sluice.qos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.Iterator;
import java.util.Optional;

/**
 * The rules of the QoS API that need the server's state (section 3.3, rules 3 to 5), checked by reading the
 * parent before a Put, for the six bandwidths and the request-rate items alike. Unlimited (-1) child items have no limit of their own and count for nothing
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
        Map<String, Long> otherQps = new HashMap<>();
        try {
            Iterator<RequesterQosInfo> infos = client.listResourcePoolRequesterQosInfos(pool).iterator();
            while (infos.hasNext()) {
                RequesterQosInfo info = infos.next();
                if (!info.requester().equals(requester)) { // a Put replaces this requester's own entry
                    for (QosBandwidthItem item : QosBandwidthItem.values()) {
                        QosBandwidth value = info.configuration().bandwidth(item);
                        others.merge(item, value.isLimited() ? (long) value.gigabitsPerSecond() : 0L, Long::sum);
                    }
                    for (QpsItem item : QpsItem.values()) {
                        item.of(info.configuration()).filter(v -> !v.isUnlimited())
                                .ifPresent(v -> otherQps.merge(item.field, (long) v.requestsPerSecond(), Long::sum));
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
        for (QpsItem item : QpsItem.values()) {
            Optional<QosQps> value = item.of(qos).filter(v -> !v.isUnlimited());
            Optional<QosQps> poolItem = item.of(parent).filter(v -> !v.isUnlimited());
            if (value.isPresent() && poolItem.isPresent()) {
                long sum = otherQps.getOrDefault(item.field, 0L) + value.get().requestsPerSecond();
                if (sum > poolItem.get().requestsPerSecond()) {
                    throw QosRules.qpsSumExceedsPool(item.field, value.get(), requester, sum, poolItem.get(), pool);
                }
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
        for (QpsItem item : QpsItem.values()) {
            Optional<QosQps> value = item.of(qos);
            Optional<QosQps> limit = item.of(parent);
            if (value.isPresent() && limit.isPresent() && !value.get().fitsUnder(limit.get())) {
                throw QosRules.qpsExceedsParent(item.field, value.get(), subject, limit.get(), parentName);
            }
        }
    }

    /** The optional request-rate items, which rules 3 to 5 cover like the bandwidths (reference 3.2, 3.3). */
    private enum QpsItem {
        TOTAL("TotalQps", QoSConfiguration::totalQps),
        INTRANET("IntranetQps", QoSConfiguration::intranetQps),
        EXTRANET("ExtranetQps", QoSConfiguration::extranetQps);

        final String field;
        private final Function<QoSConfiguration, Optional<QosQps>> accessor;

        QpsItem(String field, Function<QoSConfiguration, Optional<QosQps>> accessor) {
            this.field = field;
            this.accessor = accessor;
        }

        Optional<QosQps> of(QoSConfiguration qos) {
            return accessor.apply(qos);
        }
    }
}
