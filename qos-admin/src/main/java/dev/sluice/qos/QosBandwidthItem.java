package dev.sluice.qos;

/**
 * The six bandwidth items of a {@link QoSConfiguration}, by their XML element names. Intranet covers the
 * classic network and VPC; extranet covers the Internet and transfer-acceleration endpoints.
 */
public enum QosBandwidthItem {
    /** All uploads. */
    TOTAL_UPLOAD("TotalUploadBandwidth"),
    /** Uploads over the classic network and VPC. */
    INTRANET_UPLOAD("IntranetUploadBandwidth"),
    /** Uploads over the Internet and acceleration endpoints. */
    EXTRANET_UPLOAD("ExtranetUploadBandwidth"),
    /** All downloads. */
    TOTAL_DOWNLOAD("TotalDownloadBandwidth"),
    /** Downloads over the classic network and VPC. */
    INTRANET_DOWNLOAD("IntranetDownloadBandwidth"),
    /** Downloads over the Internet and acceleration endpoints. */
    EXTRANET_DOWNLOAD("ExtranetDownloadBandwidth");

    private final String xmlName;

    QosBandwidthItem(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The XML element name, which is also how messages name the item: {@code TotalUploadBandwidth}. */
    public String xmlName() {
        return xmlName;
    }

    /** The total item of the same direction ({@link #TOTAL_UPLOAD} for the upload items); a total is its own. */
    public QosBandwidthItem total() {
        return ordinal() < TOTAL_DOWNLOAD.ordinal() ? TOTAL_UPLOAD : TOTAL_DOWNLOAD;
    }

    /** Whether this is one of the two totals. */
    public boolean isTotal() {
        return this == TOTAL_UPLOAD || this == TOTAL_DOWNLOAD;
    }
}
