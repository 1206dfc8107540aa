package dev.sluice.oss;

import dev.sluice.api.DataRate;

/**
 * The per-connection ceiling OSS enforces when a request carries {@code x-oss-traffic-limit}: a whole
 * number of bit/s from 819,200 (100 KiB/s) to 838,860,800 (100 MiB/s). Out-of-range values are refused
 * here, before any byte goes out, rather than by OSS with error {@code 0004-00000502}.
 *
 * <pre>{@code
 * TrafficLimit limit = TrafficLimit.of(DataRate.ofBitsPerSecond(819_200));
 * limit.headerValue();   // "819200"
 * }</pre>
 */
public final class TrafficLimit {

    /** The header and query parameter that carry the limit. */
    public static final String NAME = "x-oss-traffic-limit";
    /** The OSS minimum, 819,200 bit/s (100 KiB/s). */
    public static final DataRate MINIMUM = DataRate.ofBitsPerSecond(819_200);
    /** The OSS maximum, 838,860,800 bit/s (100 MiB/s). */
    public static final DataRate MAXIMUM = DataRate.ofBitsPerSecond(838_860_800);

    private final DataRate rate;

    private TrafficLimit(DataRate rate) {
        this.rate = rate;
    }

    /**
     * The limit for {@code rate}.
     *
     * @throws IllegalArgumentException if the rate is null, unlimited, or outside 819,200..838,860,800 bit/s;
     *     the message names the value in bit/s and the range
     */
    public static TrafficLimit of(DataRate rate) {
        if (rate == null) {
            throw new IllegalArgumentException(NAME + " must not be null");
        }
        if (rate.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException(NAME + " " + describe(rate) + " is below the OSS minimum of "
                    + MINIMUM.bitsPerSecond() + " bit/s (" + MINIMUM + ")");
        }
        if (rate.compareTo(MAXIMUM) > 0) {
            throw new IllegalArgumentException(NAME + " " + describe(rate) + " is above the OSS maximum of "
                    + MAXIMUM.bitsPerSecond() + " bit/s (" + MAXIMUM + ")");
        }
        return new TrafficLimit(rate);
    }

    /** The limit as a rate. */
    public DataRate rate() {
        return rate;
    }

    /** The value as OSS reads it: decimal bit/s, e.g. {@code "819200"}. */
    public String headerValue() {
        return Long.toString(rate.bitsPerSecond());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficLimit && ((TrafficLimit) o).rate.equals(rate);
    }

    @Override
    public int hashCode() {
        return rate.hashCode();
    }

    @Override
    public String toString() {
        return NAME + "=" + headerValue() + " (" + rate + ")";
    }

    private static String describe(DataRate rate) {
        return rate.isUnlimited() ? "unlimited" : rate.bitsPerSecond() + " bit/s";
    }
}
