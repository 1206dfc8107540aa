package dev.sluice.qos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;

/**
 * The rules of the QoS API that need the server's state (section 3.3, rules 4 and 5), checked by reading the
 * parent before a requester Put. Unlimited (-1) child items have no limit of their own and count for nothing
 * in a sum; forbidden (0) ones count as 0.
 */
final class Preflight {

    private Preflight() {
    }

    /** Rule 4: each item within the pool's, and the requesters' sum, this one replaced, within the pool's. */
    static void checkPoolRequester(QosAdminClient client, String pool, String requester, QoSConfiguration qos)
            throws IOException {
        QoSConfiguration parent = client.getResourcePoolInfo(pool).configuration();
        checkItems(qos, requester, parent, "resource pool " + pool);
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
        checkItems(qos, requester, client.getBucketQosInfo(bucket), "bucket " + bucket);
    }

    private static void checkItems(QoSConfiguration qos, String requester, QoSConfiguration parent, String parentName) {
        for (QosBandwidthItem item : QosBandwidthItem.values()) {
            QosBandwidth value = qos.bandwidth(item);
            if (!value.fitsUnder(parent.bandwidth(item))) {
                throw QosRules.exceedsParent(item, value, requester, parent.bandwidth(item), parentName);
            }
        }
    }
}
