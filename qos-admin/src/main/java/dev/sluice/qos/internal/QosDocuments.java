package dev.sluice.qos.internal;

import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.QosBandwidth;
import dev.sluice.qos.QosBandwidthItem;
import dev.sluice.qos.QosQps;
import dev.sluice.qos.RequesterQosInfo;
import dev.sluice.qos.ResourcePool;
import dev.sluice.qos.ResourcePoolBucket;
import dev.sluice.qos.ResourcePoolInfo;
import dev.sluice.qos.internal.xml.GetResourcePoolInfoResponse;
import dev.sluice.qos.internal.xml.ListResourcePoolBucketsResult;
import dev.sluice.qos.internal.xml.ListResourcePoolsResult;
import dev.sluice.qos.internal.xml.QoSConfigurationXml;
import dev.sluice.qos.internal.xml.RequesterQoSInfoXml;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Between the XML documents and the public types: integers become typed values only here, and back. */
public final class QosDocuments {

    private QosDocuments() {
    }

    /** The body of a Put: all six bandwidths explicitly, the QPS items when set. */
    public static QoSConfigurationXml toXml(QoSConfiguration qos) {
        QoSConfigurationXml xml = new QoSConfigurationXml();
        xml.totalUploadBandwidth = qos.totalUploadBandwidth().gigabitsPerSecond();
        xml.intranetUploadBandwidth = qos.intranetUploadBandwidth().gigabitsPerSecond();
        xml.extranetUploadBandwidth = qos.extranetUploadBandwidth().gigabitsPerSecond();
        xml.totalDownloadBandwidth = qos.totalDownloadBandwidth().gigabitsPerSecond();
        xml.intranetDownloadBandwidth = qos.intranetDownloadBandwidth().gigabitsPerSecond();
        xml.extranetDownloadBandwidth = qos.extranetDownloadBandwidth().gigabitsPerSecond();
        xml.totalQps = qos.totalQps().map(QosQps::requestsPerSecond).orElse(null);
        xml.intranetQps = qos.intranetQps().map(QosQps::requestsPerSecond).orElse(null);
        xml.extranetQps = qos.extranetQps().map(QosQps::requestsPerSecond).orElse(null);
        return xml;
    }

    /**
     * What OSS holds, unchecked (it is the server's, not ours to refuse); an absent bandwidth is unlimited,
     * as OSS defaults it.
     *
     * @throws IOException if a value is below -1
     */
    public static QoSConfiguration fromXml(QoSConfigurationXml xml) throws IOException {
        if (xml == null) {
            return QoSConfiguration.unlimited();
        }
        try {
            QoSConfiguration.Builder qos = QoSConfiguration.builder();
            bandwidth(qos, QosBandwidthItem.TOTAL_UPLOAD, xml.totalUploadBandwidth);
            bandwidth(qos, QosBandwidthItem.INTRANET_UPLOAD, xml.intranetUploadBandwidth);
            bandwidth(qos, QosBandwidthItem.EXTRANET_UPLOAD, xml.extranetUploadBandwidth);
            bandwidth(qos, QosBandwidthItem.TOTAL_DOWNLOAD, xml.totalDownloadBandwidth);
            bandwidth(qos, QosBandwidthItem.INTRANET_DOWNLOAD, xml.intranetDownloadBandwidth);
            bandwidth(qos, QosBandwidthItem.EXTRANET_DOWNLOAD, xml.extranetDownloadBandwidth);
            if (xml.totalQps != null) {
                qos.totalQps(QosQps.ofRequestsPerSecond(xml.totalQps));
            }
            if (xml.intranetQps != null) {
                qos.intranetQps(QosQps.ofRequestsPerSecond(xml.intranetQps));
            }
            if (xml.extranetQps != null) {
                qos.extranetQps(QosQps.ofRequestsPerSecond(xml.extranetQps));
            }
            return qos.buildUnchecked();
        } catch (IllegalArgumentException e) {
            throw new IOException("OSS sent a QoSConfiguration this client cannot represent: " + e.getMessage(), e);
        }
    }

    private static void bandwidth(QoSConfiguration.Builder qos, QosBandwidthItem item, Integer value) {
        if (value != null) {
            qos.bandwidth(item, QosBandwidth.ofGigabitsPerSecond(value));
        }
    }

    /** One requester entry. */
    public static RequesterQosInfo fromXml(RequesterQoSInfoXml xml) throws IOException {
        return new RequesterQosInfo(text(xml.requester), fromXml(xml.qosConfiguration));
    }

    /** GetResourcePoolInfo's answer. */
    public static ResourcePoolInfo fromXml(GetResourcePoolInfoResponse xml) throws IOException {
        return new ResourcePoolInfo(text(xml.region), text(xml.name), text(xml.owner), instant(xml.createTime),
                fromXml(xml.qosConfiguration));
    }

    /** One pool entry. */
    public static ResourcePool fromXml(ListResourcePoolsResult.Pool xml) throws IOException {
        return new ResourcePool(text(xml.name), instant(xml.createTime));
    }

    /** One bucket entry. */
    public static ResourcePoolBucket fromXml(ListResourcePoolBucketsResult.Bucket xml) throws IOException {
        return new ResourcePoolBucket(text(xml.name), Optional.ofNullable(xml.group).filter(g -> !g.isBlank()),
                instant(xml.joinTime));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static Optional<Instant> instant(String value) throws IOException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new IOException("OSS sent a time that is not ISO 8601: \"" + value + "\"", e);
        }
    }
}
