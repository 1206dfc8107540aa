package dev.sluice.emulator.internal;

/** The items of a {@code QoSConfiguration} body (reference 3.2), in document order. */
enum QosItem {
    TOTAL_UPLOAD("TotalUploadBandwidth", null),
    INTRANET_UPLOAD("IntranetUploadBandwidth", TOTAL_UPLOAD),
    EXTRANET_UPLOAD("ExtranetUploadBandwidth", TOTAL_UPLOAD),
    TOTAL_DOWNLOAD("TotalDownloadBandwidth", null),
    INTRANET_DOWNLOAD("IntranetDownloadBandwidth", TOTAL_DOWNLOAD),
    EXTRANET_DOWNLOAD("ExtranetDownloadBandwidth", TOTAL_DOWNLOAD),
    TOTAL_QPS("TotalQps", null),
    INTRANET_QPS("IntranetQps", TOTAL_QPS),
    EXTRANET_QPS("ExtranetQps", TOTAL_QPS);

    private final String element;
    private final QosItem total;

    QosItem(String element, QosItem total) {
        this.element = element;
        this.total = total;
    }

    /** The XML element name. */
    String element() {
        return element;
    }

    /** The total of the same direction for a component item, null for a total. */
    QosItem total() {
        return total;
    }

    /** Bandwidth items are in Gbit/s and carry the requester minimum; QPS items count requests. */
    boolean bandwidth() {
        return ordinal() <= EXTRANET_DOWNLOAD.ordinal();
    }

    /** The unit for messages. */
    String unit() {
        return bandwidth() ? "Gbit/s" : "requests per second";
    }

    /** The item written as {@code element}, or null. */
    static QosItem byElement(String element) {
        for (QosItem item : values()) {
            if (item.element.equals(element)) {
                return item;
            }
        }
        return null;
    }
}
