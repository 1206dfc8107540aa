package dev.sluice.qos;

import java.util.Objects;

/**
 * The QoS of one requester (a RAM user or role, by UID) in a resource pool or a bucket.
 *
 * @param requester the requester's UID
 * @param configuration its QoS
 */
public record RequesterQosInfo(String requester, QoSConfiguration configuration) {

    public RequesterQosInfo {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(configuration, "configuration");
    }
}
