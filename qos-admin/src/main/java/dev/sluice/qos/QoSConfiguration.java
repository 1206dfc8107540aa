package dev.sluice.qos;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code QoSConfiguration} of a resource pool, a bucket or a requester: six bandwidth items in whole
 * Gbit/s (total, intranet and extranet, for upload and download) and three optional request-rate items.
 * Immutable; built by {@link #builder()}, where every item not set is {@link QosBandwidth#UNLIMITED}, as OSS
 * defaults it.
 *
 * <pre>{@code
 * QoSConfiguration qos = QoSConfiguration.builder()
 *         .totalUploadBandwidth(QosBandwidth.ofGigabitsPerSecond(10))
 *         .extranetUploadBandwidth(QosBandwidth.FORBIDDEN)
 *         .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} checks that each intranet and extranet item fits under the total of its
 * direction (an unlimited item always does: it is bounded by the total); the requester minimum of 5 Gbit/s
 * and the limits of a parent pool or bucket are checked by {@link QosAdminClient} where they apply.
 */
public final class QoSConfiguration {

    private final EnumMap<QosBandwidthItem, QosBandwidth> bandwidths;
    private final QosQps totalQps;
    private final QosQps intranetQps;
    private final QosQps extranetQps;

    private QoSConfiguration(Builder builder) {
        this.bandwidths = new EnumMap<>(builder.bandwidths);
        this.totalQps = builder.totalQps;
        this.intranetQps = builder.intranetQps;
        this.extranetQps = builder.extranetQps;
    }

    /** A builder with every item unlimited and no request-rate items. */
    public static Builder builder() {
        return new Builder();
    }

    /** A configuration with every bandwidth item unlimited, as OSS has it when nothing was set. */
    public static QoSConfiguration unlimited() {
        return builder().build();
    }

    /** A builder holding this configuration's values, which may each be set once more. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.bandwidths.putAll(bandwidths);
        builder.totalQps = totalQps;
        builder.intranetQps = intranetQps;
        builder.extranetQps = extranetQps;
        return builder;
    }

    /** The value of {@code item}. */
    public QosBandwidth bandwidth(QosBandwidthItem item) {
        return bandwidths.get(Objects.requireNonNull(item, "item"));
    }

    /** {@code TotalUploadBandwidth}. */
    public QosBandwidth totalUploadBandwidth() {
        return bandwidth(QosBandwidthItem.TOTAL_UPLOAD);
    }

    /** {@code IntranetUploadBandwidth}. */
    public QosBandwidth intranetUploadBandwidth() {
        return bandwidth(QosBandwidthItem.INTRANET_UPLOAD);
    }

    /** {@code ExtranetUploadBandwidth}. */
    public QosBandwidth extranetUploadBandwidth() {
        return bandwidth(QosBandwidthItem.EXTRANET_UPLOAD);
    }

    /** {@code TotalDownloadBandwidth}. */
    public QosBandwidth totalDownloadBandwidth() {
        return bandwidth(QosBandwidthItem.TOTAL_DOWNLOAD);
    }

    /** {@code IntranetDownloadBandwidth}. */
    public QosBandwidth intranetDownloadBandwidth() {
        return bandwidth(QosBandwidthItem.INTRANET_DOWNLOAD);
    }

    /** {@code ExtranetDownloadBandwidth}. */
    public QosBandwidth extranetDownloadBandwidth() {
        return bandwidth(QosBandwidthItem.EXTRANET_DOWNLOAD);
    }

    /** {@code TotalQps}, absent unless set (OSS documents it only in some samples). */
    public Optional<QosQps> totalQps() {
        return Optional.ofNullable(totalQps);
    }

    /** {@code IntranetQps}, absent unless set. */
    public Optional<QosQps> intranetQps() {
        return Optional.ofNullable(intranetQps);
    }

    /** {@code ExtranetQps}, absent unless set. */
    public Optional<QosQps> extranetQps() {
        return Optional.ofNullable(extranetQps);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof QoSConfiguration)) {
            return false;
        }
        QoSConfiguration other = (QoSConfiguration) o;
        return bandwidths.equals(other.bandwidths) && Objects.equals(totalQps, other.totalQps)
                && Objects.equals(intranetQps, other.intranetQps) && Objects.equals(extranetQps, other.extranetQps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bandwidths, totalQps, intranetQps, extranetQps);
    }

    /** The items by their XML names: {@code QoSConfiguration[TotalUploadBandwidth=10 Gbit/s, ...]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("QoSConfiguration[");
        for (Map.Entry<QosBandwidthItem, QosBandwidth> entry : bandwidths.entrySet()) {
            text.append(entry.getKey().xmlName()).append('=').append(entry.getValue()).append(", ");
        }
        appendQps(text, "TotalQps", totalQps);
        appendQps(text, "IntranetQps", intranetQps);
        appendQps(text, "ExtranetQps", extranetQps);
        text.setLength(text.length() - 2);
        return text.append(']').toString();
    }

    private static void appendQps(StringBuilder text, String name, QosQps value) {
        if (value != null) {
            text.append(name).append('=').append(value).append(", ");
        }
    }

    /**
     * Builds a {@link QoSConfiguration}. Each value is checked when set; each may be set once (a second call
     * would silently override the first); the totals are checked against their items by {@link #build()}.
     */
    public static final class Builder {

        private final EnumMap<QosBandwidthItem, QosBandwidth> bandwidths = new EnumMap<>(QosBandwidthItem.class);
        private final EnumMap<QosBandwidthItem, Boolean> set = new EnumMap<>(QosBandwidthItem.class);
        private QosQps totalQps;
        private QosQps intranetQps;
        private QosQps extranetQps;
        private boolean totalQpsSet;
        private boolean intranetQpsSet;
        private boolean extranetQpsSet;

        private Builder() {
            for (QosBandwidthItem item : QosBandwidthItem.values()) {
                bandwidths.put(item, QosBandwidth.UNLIMITED);
            }
        }

        /**
         * Sets {@code item} to {@code value}.
         *
         * @throws IllegalArgumentException if {@code value} is null
         * @throws IllegalStateException if {@code item} was set on this builder already
         */
        public Builder bandwidth(QosBandwidthItem item, QosBandwidth value) {
            Objects.requireNonNull(item, "item");
            if (value == null) {
                throw QosRules.isNull(item.xmlName(), "use QosBandwidth.UNLIMITED for no limit");
            }
            if (set.containsKey(item)) {
                throw QosRules.setTwice(item.xmlName(), bandwidths.get(item));
            }
            set.put(item, Boolean.TRUE);
            bandwidths.put(item, value);
            return this;
        }

        /** Sets {@code TotalUploadBandwidth}; see {@link #bandwidth}. */
        public Builder totalUploadBandwidth(QosBandwidth value) {
            return bandwidth(QosBandwidthItem.TOTAL_UPLOAD, value);
        }

        /** Sets {@code IntranetUploadBandwidth}; see {@link #bandwidth}. */
        public Builder intranetUploadBandwidth(QosBandwidth value) {
            return bandwidth(QosBandwidthItem.INTRANET_UPLOAD, value);
        }

        /** Sets {@code ExtranetUploadBandwidth}; see {@link #bandwidth}. */
        public Builder extranetUploadBandwidth(QosBandwidth value) {
            return bandwidth(QosBandwidthItem.EXTRANET_UPLOAD, value);
        }

        /** Sets {@code TotalDownloadBandwidth}; see {@link #bandwidth}. */
        public Builder totalDownloadBandwidth(QosBandwidth value) {
            return bandwidth(QosBandwidthItem.TOTAL_DOWNLOAD, value);
        }

        /** Sets {@code IntranetDownloadBandwidth}; see {@link #bandwidth}. */
        public Builder intranetDownloadBandwidth(QosBandwidth value) {
            return bandwidth(QosBandwidthItem.INTRANET_DOWNLOAD, value);
        }

        /** Sets {@code ExtranetDownloadBandwidth}; see {@link #bandwidth}. */
        public Builder extranetDownloadBandwidth(QosBandwidth value) {
            return bandwidth(QosBandwidthItem.EXTRANET_DOWNLOAD, value);
        }

        /** Sets {@code TotalQps}; null and a second call are refused as in {@link #bandwidth}. */
        public Builder totalQps(QosQps value) {
            checkQps("TotalQps", value, totalQpsSet, totalQps);
            totalQpsSet = true;
            totalQps = value;
            return this;
        }

        /** Sets {@code IntranetQps}; null and a second call are refused as in {@link #bandwidth}. */
        public Builder intranetQps(QosQps value) {
            checkQps("IntranetQps", value, intranetQpsSet, intranetQps);
            intranetQpsSet = true;
            intranetQps = value;
            return this;
        }

        /** Sets {@code ExtranetQps}; null and a second call are refused as in {@link #bandwidth}. */
        public Builder extranetQps(QosQps value) {
            checkQps("ExtranetQps", value, extranetQpsSet, extranetQps);
            extranetQpsSet = true;
            extranetQps = value;
            return this;
        }

        private static void checkQps(String field, QosQps value, boolean wasSet, QosQps previous) {
            if (value == null) {
                throw QosRules.isNull(field, "use QosQps.UNLIMITED for no limit");
            }
            if (wasSet) {
                throw QosRules.setTwice(field, previous);
            }
        }

        /**
         * The configuration.
         *
         * @throws InvalidQosConfigurationException if an intranet or extranet item (bandwidth or QPS) exceeds
         *     the total of its direction, e.g. {@code IntranetUploadBandwidth 12 Gbit/s exceeds TotalUploadBandwidth 10 Gbit/s}
         */
        public QoSConfiguration build() {
            QoSConfiguration qos = new QoSConfiguration(this);
            QosRules.checkComponentsFitTotals(qos);
            return qos;
        }

        /**
         * The configuration without the cross-item check of {@link #build()}: only for reading what a server
         * holds and for testing a server's own validation. Never needed to send a valid configuration.
         */
        public QoSConfiguration buildUnchecked() {
            return new QoSConfiguration(this);
        }
    }
}
