package dev.sluice.qos;

import java.util.Locale;

/**
 * The client-side checks of the OSS QoS rules (protocol notes section 3.3) that need no server state, and
 * the one place their messages are written. The checks against a parent configuration are in {@link Preflight}.
 */
final class QosRules {

    /** Rule 6: the smallest limit a requester item may have, in Gbit/s. */
    static final int REQUESTER_MINIMUM_GBPS = 5;
    /** Rule 8: the longest {@code qosRequester} OSS accepts, in characters. */
    static final int MAX_REQUESTER_LENGTH = 1024;

    private QosRules() {
    }

    /** Rule 2: an intranet or extranet item must fit under the total of its direction. */
    static void checkComponentsFitTotals(QoSConfiguration qos) {
        for (QosBandwidthItem item : QosBandwidthItem.values()) {
            QosBandwidth value = qos.bandwidth(item);
            QosBandwidth total = qos.bandwidth(item.total());
            if (!item.isTotal() && !value.fitsUnder(total)) {
                throw exceeds(item.xmlName(), value, item.total().xmlName() + " " + total);
            }
        }
        if (qos.totalQps().isPresent()) {
            QosQps total = qos.totalQps().get();
            checkQps("IntranetQps", qos.intranetQps().orElse(QosQps.UNLIMITED), total);
            checkQps("ExtranetQps", qos.extranetQps().orElse(QosQps.UNLIMITED), total);
        }
    }

    private static void checkQps(String field, QosQps value, QosQps total) {
        if (!value.fitsUnder(total)) {
            throw exceeds(field, value, "TotalQps " + total);
        }
    }

    private static InvalidQosConfigurationException exceeds(String field, Object value, String limit) {
        return new InvalidQosConfigurationException(field, value, field + " " + value + " exceeds " + limit);
    }

    /** Rule 6: every limited bandwidth item of a requester is at least 5 Gbit/s. */
    static void checkRequesterMinimum(String requester, QoSConfiguration qos) {
        for (QosBandwidthItem item : QosBandwidthItem.values()) {
            QosBandwidth value = qos.bandwidth(item);
            if (value.isLimited() && value.gigabitsPerSecond() < REQUESTER_MINIMUM_GBPS) {
                throw new InvalidQosConfigurationException(item.xmlName(), value, String.format(Locale.ROOT,
                        "%s %s for requester %s is below the %d Gbit/s minimum for a limited requester item"
                                + " (allowed: -1 = unlimited, 0 = forbidden, or >= %d)",
                        item.xmlName(), value, requester, REQUESTER_MINIMUM_GBPS, REQUESTER_MINIMUM_GBPS));
            }
        }
    }

    /** Rule 8: a requester UID is 1..1024 characters. */
    static String checkRequester(String requester) {
        if (requester == null || requester.isEmpty()) {
            throw new InvalidQosConfigurationException("qosRequester", requester,
                    "qosRequester must not be empty (the UID of a RAM user or role)");
        }
        if (requester.length() > MAX_REQUESTER_LENGTH) {
            throw new InvalidQosConfigurationException("qosRequester", requester, String.format(Locale.ROOT,
                    "qosRequester must be at most %d characters, was %d characters", MAX_REQUESTER_LENGTH,
                    requester.length()));
        }
        return requester;
    }

    /** A resource pool name is not empty (OSS names them; no published syntax beyond that). */
    static String checkPool(String pool) {
        if (pool == null || pool.isBlank()) {
            throw new InvalidQosConfigurationException("resourcePool", pool, "resourcePool must not be blank");
        }
        return pool;
    }

    /**
     * Rules 3, 4 and 5, one item: a bucket or requester item fits under the parent's item; {@code subject} is
     * {@code requester <uid>} or {@code bucket <name>}, {@code parentName} {@code resource pool <name>} or
     * {@code bucket <name>}.
     */
    static InvalidQosConfigurationException exceedsParent(QosBandwidthItem item, QosBandwidth value, String subject,
            QosBandwidth parent, String parentName) {
        return new InvalidQosConfigurationException(item.xmlName(), value, String.format(Locale.ROOT,
                "%s %s for %s exceeds %s %s of %s", item.xmlName(), value, subject, item.xmlName(),
                parent, parentName));
    }

    /** Rule 4, the sum: the requesters of a pool together fit under the pool's item. */
    static InvalidQosConfigurationException sumExceedsPool(QosBandwidthItem item, QosBandwidth value, String requester,
            long sum, QosBandwidth poolItem, String pool) {
        return new InvalidQosConfigurationException(item.xmlName(), value, String.format(Locale.ROOT,
                "%s %s for requester %s would bring the sum over the requesters of resource pool %s to %d Gbit/s,"
                        + " over the pool's %s %s",
                item.xmlName(), value, requester, pool, sum, item.xmlName(), poolItem));
    }

    /** Rules 3, 4 and 5 for a request-rate item ({@code TotalQps}...), worded like {@link #exceedsParent}. */
    static InvalidQosConfigurationException qpsExceedsParent(String field, QosQps value, String subject, QosQps parent,
            String parentName) {
        return new InvalidQosConfigurationException(field, value, String.format(Locale.ROOT,
                "%s %s for %s exceeds %s %s of %s", field, value, subject, field, parent, parentName));
    }

    /** Rule 4, the sum, for a request-rate item. */
    static InvalidQosConfigurationException qpsSumExceedsPool(String field, QosQps value, String requester, long sum,
            QosQps poolItem, String pool) {
        return new InvalidQosConfigurationException(field, value, String.format(Locale.ROOT,
                "%s %s for requester %s would bring the sum over the requesters of resource pool %s to %d QPS,"
                        + " over the pool's %s %s",
                field, value, requester, pool, sum, field, poolItem));
    }

    /** A setter was called twice on a builder: the second value would silently win. */
    static IllegalStateException setTwice(String field, Object first) {
        return new IllegalStateException(field + " was already set to " + first + " on this builder");
    }

    /** A required value is null. */
    static IllegalArgumentException isNull(String field, String hint) {
        return new IllegalArgumentException(field + " must not be null (" + hint + ")");
    }
}
