package dev.sluice.emulator.internal;

import dev.sluice.emulator.QosLimits;
import java.util.Arrays;
import java.util.Map;

/** An immutable {@code QoSConfiguration}: one value per {@link QosItem}, -1 unlimited, 0 forbidden. */
final class QosConfig {

    static final QosConfig UNLIMITED = new QosConfig(filled(-1));

    private final long[] values;

    private QosConfig(long[] values) {
        this.values = values;
    }

    /** The items given, the others -1 (the ossutil default for an omitted field). */
    static QosConfig of(Map<QosItem, Long> items) {
        long[] values = filled(-1);
        items.forEach((item, value) -> values[item.ordinal()] = value);
        return new QosConfig(values);
    }

    static QosConfig of(QosLimits limits) {
        return new QosConfig(new long[] {limits.totalUploadGbps(), limits.intranetUploadGbps(), limits.extranetUploadGbps(),
            limits.totalDownloadGbps(), limits.intranetDownloadGbps(), limits.extranetDownloadGbps(), limits.totalQps(),
            limits.intranetQps(), limits.extranetQps()});
    }

    long get(QosItem item) {
        return values[item.ordinal()];
    }

    /** {@code <QoSConfiguration>} with all nine items. */
    String toXml() {
        return "<QoSConfiguration>" + itemsXml() + "</QoSConfiguration>";
    }

    /** The nine item elements, in document order. */
    String itemsXml() {
        StringBuilder items = new StringBuilder();
        for (QosItem item : QosItem.values()) {
            items.append(Xml.element(item.element(), get(item)));
        }
        return items.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QosConfig && Arrays.equals(values, ((QosConfig) other).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "QosConfig" + Arrays.toString(values);
    }

    private static long[] filled(long value) {
        long[] values = new long[QosItem.values().length];
        Arrays.fill(values, value);
        return values;
    }
}
