package dev.sluice.qos;

import java.util.Locale;

/**
 * One bandwidth item of a {@link QoSConfiguration}, in whole Gbit/s as OSS counts them, with its two
 * special values named: {@link #UNLIMITED} (-1 on the wire, the default) and {@link #FORBIDDEN} (0 on the
 * wire: that traffic class is blocked, e.g. no uploads over the Internet). It becomes an XML integer only
 * at the wire, so a caller never passes a bare {@code -1} meaning "no limit".
 *
 * <pre>{@code
 * QosBandwidth ten = QosBandwidth.ofGigabitsPerSecond(10);
 * QosBandwidth none = QosBandwidth.FORBIDDEN;
 * }</pre>
 */
public final class QosBandwidth implements Comparable<QosBandwidth> {

    /** No limit of its own: the item is bounded only by its parent (pool, bucket, total). Wire value -1. */
    public static final QosBandwidth UNLIMITED = new QosBandwidth(-1);

    /** The traffic class is not allowed at all. Wire value 0. */
    public static final QosBandwidth FORBIDDEN = new QosBandwidth(0);

    private final int gigabitsPerSecond;

    private QosBandwidth(int gigabitsPerSecond) {
        this.gigabitsPerSecond = gigabitsPerSecond;
    }

    /**
     * The bandwidth of {@code gigabitsPerSecond} whole Gbit/s; -1 and 0 give {@link #UNLIMITED} and
     * {@link #FORBIDDEN}, as on the wire.
     *
     * @throws IllegalArgumentException if the value is below -1
     */
    public static QosBandwidth ofGigabitsPerSecond(int gigabitsPerSecond) {
        if (gigabitsPerSecond == -1) {
            return UNLIMITED;
        }
        if (gigabitsPerSecond == 0) {
            return FORBIDDEN;
        }
        if (gigabitsPerSecond < -1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "QoS bandwidth %d Gbit/s is out of range (allowed: -1 = unlimited, 0 = forbidden, or >= 1)",
                    gigabitsPerSecond));
        }
        return new QosBandwidth(gigabitsPerSecond);
    }

    /** The value as OSS writes it: whole Gbit/s, -1 for unlimited, 0 for forbidden. */
    public int gigabitsPerSecond() {
        return gigabitsPerSecond;
    }

    /** Whether this is {@link #UNLIMITED}. */
    public boolean isUnlimited() {
        return gigabitsPerSecond == -1;
    }

    /** Whether this is {@link #FORBIDDEN}. */
    public boolean isForbidden() {
        return gigabitsPerSecond == 0;
    }

    /** Whether this is a positive limit, neither unlimited nor forbidden. */
    public boolean isLimited() {
        return gigabitsPerSecond > 0;
    }

    /**
     * Whether this item fits under {@code parent}: an unlimited parent takes anything, and an unlimited child
     * has no limit of its own, so it is bounded by the parent (this is how OSS's own sample, a 10 Gbit/s total
     * over unlimited intranet and extranet items, is consistent).
     */
    public boolean fitsUnder(QosBandwidth parent) {
        return parent.isUnlimited() || isUnlimited() || gigabitsPerSecond <= parent.gigabitsPerSecond;
    }

    /** Orders by wire value: unlimited (-1) first, then forbidden (0), then the limits. */
    @Override
    public int compareTo(QosBandwidth other) {
        return Integer.compare(gigabitsPerSecond, other.gigabitsPerSecond);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QosBandwidth && ((QosBandwidth) o).gigabitsPerSecond == gigabitsPerSecond;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(gigabitsPerSecond);
    }

    /** The wire value with its unit, as error messages show it: {@code 10 Gbit/s}, {@code -1 Gbit/s}. */
    @Override
    public String toString() {
        return gigabitsPerSecond + " Gbit/s";
    }
}
