package dev.sluice.emulator;

/**
 * The QoS of a resource pool as Alibaba support would set it (OSS has no public API to create pools): the
 * six bandwidth items of a {@code QoSConfiguration} in whole Gbit/s and the three optional QPS items, each
 * {@code -1} for unlimited, {@code 0} to forbid that traffic class, or a positive limit. A limited intranet
 * or extranet item may not exceed the limited total of its direction.
 *
 * @param totalUploadGbps upload over every network, Gbit/s
 * @param intranetUploadGbps upload over the classic network and VPCs, Gbit/s
 * @param extranetUploadGbps upload over the Internet and acceleration endpoints, Gbit/s
 * @param totalDownloadGbps download over every network, Gbit/s
 * @param intranetDownloadGbps download over the classic network and VPCs, Gbit/s
 * @param extranetDownloadGbps download over the Internet and acceleration endpoints, Gbit/s
 * @param totalQps requests per second over every network
 * @param intranetQps requests per second over the classic network and VPCs
 * @param extranetQps requests per second over the Internet
 */
public record QosLimits(long totalUploadGbps, long intranetUploadGbps, long extranetUploadGbps, long totalDownloadGbps,
        long intranetDownloadGbps, long extranetDownloadGbps, long totalQps, long intranetQps, long extranetQps) {

    /**
     * Checks every item.
     *
     * @throws IllegalArgumentException if an item is below -1, or a component exceeds its limited total
     */
    public QosLimits {
        check("totalUploadGbps", totalUploadGbps, "Gbit/s");
        check("intranetUploadGbps", intranetUploadGbps, "Gbit/s");
        check("extranetUploadGbps", extranetUploadGbps, "Gbit/s");
        check("totalDownloadGbps", totalDownloadGbps, "Gbit/s");
        check("intranetDownloadGbps", intranetDownloadGbps, "Gbit/s");
        check("extranetDownloadGbps", extranetDownloadGbps, "Gbit/s");
        check("totalQps", totalQps, "requests per second");
        check("intranetQps", intranetQps, "requests per second");
        check("extranetQps", extranetQps, "requests per second");
        within("intranetUploadGbps", intranetUploadGbps, "totalUploadGbps", totalUploadGbps, "Gbit/s");
        within("extranetUploadGbps", extranetUploadGbps, "totalUploadGbps", totalUploadGbps, "Gbit/s");
        within("intranetDownloadGbps", intranetDownloadGbps, "totalDownloadGbps", totalDownloadGbps, "Gbit/s");
        within("extranetDownloadGbps", extranetDownloadGbps, "totalDownloadGbps", totalDownloadGbps, "Gbit/s");
        within("intranetQps", intranetQps, "totalQps", totalQps, "requests per second");
        within("extranetQps", extranetQps, "totalQps", totalQps, "requests per second");
    }

    /** Every item unlimited ({@code -1}). */
    public static QosLimits unlimited() {
        return bandwidth(-1, -1, -1, -1, -1, -1);
    }

    /**
     * The six bandwidth items in Gbit/s, in the order of the {@code QoSConfiguration} body; QPS unlimited.
     *
     * @throws IllegalArgumentException as the constructor
     */
    public static QosLimits bandwidth(long totalUploadGbps, long intranetUploadGbps, long extranetUploadGbps,
            long totalDownloadGbps, long intranetDownloadGbps, long extranetDownloadGbps) {
        return new QosLimits(totalUploadGbps, intranetUploadGbps, extranetUploadGbps, totalDownloadGbps,
                intranetDownloadGbps, extranetDownloadGbps, -1, -1, -1);
    }

    private static void check(String name, long value, String unit) {
        if (value < -1) {
            throw new IllegalArgumentException(name + " must be -1 (unlimited), 0 (forbidden) or a positive number of "
                    + unit + ", was " + value);
        }
    }

    private static void within(String name, long value, String totalName, long total, String unit) {
        if (total != -1 && value > total) {
            throw new IllegalArgumentException(name + " " + value + " " + unit + " must not exceed " + totalName + " " + total
                    + " " + unit + " (a component may be -1: capped by its total)");
        }
    }
}
