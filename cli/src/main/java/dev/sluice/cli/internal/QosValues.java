package dev.sluice.cli.internal;

import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.QosBandwidth;
import dev.sluice.qos.QosBandwidthItem;
import dev.sluice.qos.QosQps;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The QoS a {@code put} subcommand sets: a {@code QoSConfiguration} XML file ({@code --file}), the value
 * options, or both (the options then replace the file's items). Every bandwidth item not given is unlimited,
 * as OSS reads a missing item; the request-rate items are sent only when given.
 */
final class QosValues {

    private static final String BANDWIDTH = "Gbit/s: a whole number, -1 (or unlimited) for no limit of its own,"
            + " 0 (or forbidden) to block that traffic";

    @Option(names = "--file", paramLabel = "FILE",
            description = "A <QoSConfiguration> XML document, as the OSS API takes it; options given too replace its items.")
    private Path file;

    @Option(names = "--total-upload", paramLabel = "GBPS", converter = QosConverters.Bandwidth.class,
            description = "TotalUploadBandwidth in " + BANDWIDTH + ".")
    private QosBandwidth totalUpload;

    @Option(names = "--intranet-upload", paramLabel = "GBPS", converter = QosConverters.Bandwidth.class,
            description = "IntranetUploadBandwidth (classic network and VPC), Gbit/s.")
    private QosBandwidth intranetUpload;

    @Option(names = "--extranet-upload", paramLabel = "GBPS", converter = QosConverters.Bandwidth.class,
            description = "ExtranetUploadBandwidth (Internet and acceleration endpoints), Gbit/s.")
    private QosBandwidth extranetUpload;

    @Option(names = "--total-download", paramLabel = "GBPS", converter = QosConverters.Bandwidth.class,
            description = "TotalDownloadBandwidth, Gbit/s.")
    private QosBandwidth totalDownload;

    @Option(names = "--intranet-download", paramLabel = "GBPS", converter = QosConverters.Bandwidth.class,
            description = "IntranetDownloadBandwidth, Gbit/s.")
    private QosBandwidth intranetDownload;

    @Option(names = "--extranet-download", paramLabel = "GBPS", converter = QosConverters.Bandwidth.class,
            description = "ExtranetDownloadBandwidth, Gbit/s.")
    private QosBandwidth extranetDownload;

    @Option(names = "--total-qps", paramLabel = "QPS", converter = QosConverters.Qps.class,
            description = "TotalQps in requests per second, -1 (or unlimited) for no limit (default: not sent).")
    private QosQps totalQps;

    @Option(names = "--intranet-qps", paramLabel = "QPS", converter = QosConverters.Qps.class,
            description = "IntranetQps, requests per second (default: not sent).")
    private QosQps intranetQps;

    @Option(names = "--extranet-qps", paramLabel = "QPS", converter = QosConverters.Qps.class,
            description = "ExtranetQps, requests per second (default: not sent).")
    private QosQps extranetQps;

    /** Made by picocli. */
    QosValues() {
    }

    /**
     * The configuration to send. A value that breaks a rule of one configuration (an intranet item above its
     * total) surfaces as the client's {@code InvalidQosConfigurationException}, which the caller reports.
     */
    QoSConfiguration configuration(CommandSpec spec) {
        Map<QosBandwidthItem, QosBandwidth> bandwidths = bandwidths();
        boolean anyOption = !bandwidths.isEmpty() || totalQps != null || intranetQps != null || extranetQps != null;
        if (file == null && !anyOption) {
            throw new ParameterException(spec.commandLine(), "nothing to set: give --file FILE or at least one value,"
                    + " e.g. --total-upload 10 (Gbit/s; -1 unlimited, 0 forbidden); items not given are unlimited");
        }
        QoSConfiguration.Builder builder = file == null ? QoSConfiguration.builder()
                : QosFile.read(spec, file).toBuilder();
        bandwidths.forEach(builder::bandwidth);
        if (totalQps != null) {
            builder.totalQps(totalQps);
        }
        if (intranetQps != null) {
            builder.intranetQps(intranetQps);
        }
        if (extranetQps != null) {
            builder.extranetQps(extranetQps);
        }
        return builder.build();
    }

    private Map<QosBandwidthItem, QosBandwidth> bandwidths() {
        Map<QosBandwidthItem, QosBandwidth> given = new EnumMap<>(QosBandwidthItem.class);
        put(given, QosBandwidthItem.TOTAL_UPLOAD, totalUpload);
        put(given, QosBandwidthItem.INTRANET_UPLOAD, intranetUpload);
        put(given, QosBandwidthItem.EXTRANET_UPLOAD, extranetUpload);
        put(given, QosBandwidthItem.TOTAL_DOWNLOAD, totalDownload);
        put(given, QosBandwidthItem.INTRANET_DOWNLOAD, intranetDownload);
        put(given, QosBandwidthItem.EXTRANET_DOWNLOAD, extranetDownload);
        return given;
    }

    private static void put(Map<QosBandwidthItem, QosBandwidth> given, QosBandwidthItem item, QosBandwidth value) {
        if (value != null) {
            given.put(item, value);
        }
    }
}
