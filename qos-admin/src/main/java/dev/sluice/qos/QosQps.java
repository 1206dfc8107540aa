package dev.sluice.qos;

import java.util.Locale;

/**
 * One of the optional request-rate items of a {@link QoSConfiguration} ({@code TotalQps},
 * {@code IntranetQps}, {@code ExtranetQps}), in requests per second, with {@link #UNLIMITED} (-1 on the
 * wire) named.
 */
public final class QosQps {

    /** No request-rate limit of its own. Wire value -1. */
    public static final QosQps UNLIMITED = new QosQps(-1);

    private final int requestsPerSecond;

    private QosQps(int requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    /**
     * {@code requestsPerSecond} requests per second; -1 gives {@link #UNLIMITED}.
     *
     * @throws IllegalArgumentException if the value is below -1
     */
    public static QosQps ofRequestsPerSecond(int requestsPerSecond) {
        if (requestsPerSecond == -1) {
            return UNLIMITED;
        }
        if (requestsPerSecond < -1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "QoS request rate %d QPS is out of range (allowed: -1 = unlimited, or >= 0)", requestsPerSecond));
        }
        return new QosQps(requestsPerSecond);
    }

    /** The value as OSS writes it, -1 for unlimited. */
    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    /** Whether this is {@link #UNLIMITED}. */
    public boolean isUnlimited() {
        return requestsPerSecond == -1;
    }

    /** Whether this item fits under {@code parent}, with the same reading of -1 as {@link QosBandwidth#fitsUnder}. */
    public boolean fitsUnder(QosQps parent) {
        return parent.isUnlimited() || isUnlimited() || requestsPerSecond <= parent.requestsPerSecond;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QosQps && ((QosQps) o).requestsPerSecond == requestsPerSecond;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(requestsPerSecond);
    }

    /** The wire value with its unit: {@code 1000 QPS}. */
    @Override
    public String toString() {
        return requestsPerSecond + " QPS";
    }
}
