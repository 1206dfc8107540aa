package dev.sluice.emulator.internal;

import java.util.Collection;

/**
 * The validation rules of reference 3.3, each answering its own error. A limit of -1 is unlimited and
 * bounds nothing; a value of -1 under a limited parent is accepted (the reference's sample pairs
 * {@code TotalUploadBandwidth 10} with components of -1, and only priority QoS, out of scope, forbids -1
 * under a limited pool item).
 */
final class QosRules {

    /** Rule 6: a limited requester bandwidth item, in Gbit/s. */
    static final long REQUESTER_MINIMUM_GBPS = 5;

    private QosRules() {
    }

    /** Rules 1 and 2, for any configuration. */
    static void checkOwn(QosConfig config) {
        for (QosItem item : QosItem.values()) {
            long value = config.get(item);
            if (value < -1) {
                throw ErrorCodes.qos(item.element() + " " + value + " " + item.unit() + " is out of range: -1 (unlimited),"
                        + " 0 (forbidden) or a positive number", item == QosItem.TOTAL_QPS
                                ? ErrorCodes.EC_QOS_TOTAL_QPS : ErrorCodes.EC_QOS_RANGE);
            }
        }
        for (QosItem item : QosItem.values()) {
            if (item.total() != null && exceeds(config.get(item), config.get(item.total()))) {
                throw ErrorCodes.qos(item.element() + " " + config.get(item) + " " + item.unit() + " exceeds "
                        + item.total().element() + " " + config.get(item.total()) + " " + item.unit(),
                        ErrorCodes.EC_QOS_INCONSISTENT);
            }
        }
    }

    /**
     * Rule 6: every limited requester bandwidth item is 0 (forbidden; not stated either way by the
     * reference, accepted here as its suggested client check does) or at least 5 Gbit/s.
     */
    static void checkRequesterMinimum(QosConfig config) {
        for (QosItem item : QosItem.values()) {
            long value = config.get(item);
            if (item.bandwidth() && value > 0 && value < REQUESTER_MINIMUM_GBPS) {
                throw ErrorCodes.qos(item.element() + " " + value + " Gbit/s is below the requester minimum of "
                        + REQUESTER_MINIMUM_GBPS + " Gbit/s (use -1 for unlimited or 0 to forbid)",
                        ErrorCodes.EC_QOS_REQUESTER_MINIMUM);
            }
        }
    }

    /** Rules 3, 4 and 5: each item of {@code config} within the same item of {@code parent}. */
    static void checkWithin(QosConfig config, QosConfig parent, String parentName, String ec) {
        for (QosItem item : QosItem.values()) {
            if (exceeds(config.get(item), parent.get(item))) {
                throw ErrorCodes.qos(item.element() + " " + config.get(item) + " " + item.unit() + " exceeds the "
                        + parentName + "'s " + parent.get(item) + " " + item.unit(), ec);
            }
        }
    }

    /** Rule 4: the limited values of all the pool's requesters, the new one included, within each limited pool item. */
    static void checkSum(Collection<QosConfig> requesters, QosConfig pool) {
        for (QosItem item : QosItem.values()) {
            if (pool.get(item) == -1) {
                continue;
            }
            long sum = requesters.stream().mapToLong(r -> r.get(item)).filter(v -> v > 0).sum();
            if (sum > pool.get(item)) {
                throw ErrorCodes.qos("the requesters' " + item.element() + " add up to " + sum + " " + item.unit()
                        + ", above the resource pool's " + pool.get(item) + " " + item.unit(), ErrorCodes.EC_QOS_REQUESTERS_SUM);
            }
        }
    }

    private static boolean exceeds(long value, long limit) {
        return limit != -1 && value > limit;
    }
}
