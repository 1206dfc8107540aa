package dev.sluice.qos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QoSConfigurationTest {

    private static QosBandwidth gbps(int value) {
        return QosBandwidth.ofGigabitsPerSecond(value);
    }

    @Test
    void everyItemNotSetIsUnlimitedAndTheQpsItemsAreAbsent() {
        QoSConfiguration qos = QoSConfiguration.builder().totalUploadBandwidth(gbps(10)).build();

        assertEquals(gbps(10), qos.totalUploadBandwidth());
        for (QosBandwidthItem item : QosBandwidthItem.values()) {
            if (item != QosBandwidthItem.TOTAL_UPLOAD) {
                assertEquals(QosBandwidth.UNLIMITED, qos.bandwidth(item), item.xmlName());
            }
        }
        assertEquals(Optional.empty(), qos.totalQps());
    }

    @Test
    void rejectsAnIntranetItemAboveItsTotal() {
        QoSConfiguration.Builder builder = QoSConfiguration.builder()
                .totalUploadBandwidth(gbps(10)).intranetUploadBandwidth(gbps(12));

        InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class, builder::build);

        assertEquals("IntranetUploadBandwidth 12 Gbit/s exceeds TotalUploadBandwidth 10 Gbit/s", e.getMessage());
        assertEquals("IntranetUploadBandwidth", e.field());
        assertEquals(gbps(12), e.value());
    }

    @Test
    void rejectsAnExtranetDownloadItemAboveAForbiddenTotal() {
        QoSConfiguration.Builder builder = QoSConfiguration.builder()
                .totalDownloadBandwidth(QosBandwidth.FORBIDDEN).extranetDownloadBandwidth(gbps(5));

        InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class, builder::build);

        assertEquals("ExtranetDownloadBandwidth 5 Gbit/s exceeds TotalDownloadBandwidth 0 Gbit/s", e.getMessage());
    }

    @Test
    void acceptsUnlimitedItemsUnderALimitedTotalAsInTheDocumentedSample() {
        QoSConfiguration qos = QoSConfiguration.builder()
                .totalUploadBandwidth(gbps(10)).totalDownloadBandwidth(gbps(10)).build();

        assertEquals(QosBandwidth.UNLIMITED, qos.intranetDownloadBandwidth());
    }

    @Test
    void acceptsAnyItemUnderAnUnlimitedTotal() {
        QoSConfiguration qos = QoSConfiguration.builder().intranetUploadBandwidth(gbps(500)).build();

        assertEquals(gbps(500), qos.intranetUploadBandwidth());
    }

    @Test
    void rejectsAnExtranetQpsAboveTheTotalQps() {
        QoSConfiguration.Builder builder = QoSConfiguration.builder()
                .totalQps(QosQps.ofRequestsPerSecond(1000)).extranetQps(QosQps.ofRequestsPerSecond(2000));

        InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class, builder::build);

        assertEquals("ExtranetQps 2000 QPS exceeds TotalQps 1000 QPS", e.getMessage());
    }

    @Test
    void buildUncheckedKeepsAnInconsistentConfigurationForServerSideTests() {
        QoSConfiguration qos = QoSConfiguration.builder()
                .totalUploadBandwidth(gbps(10)).intranetUploadBandwidth(gbps(12)).buildUnchecked();

        assertEquals(gbps(12), qos.intranetUploadBandwidth());
    }

    @Test
    void refusesSettingAnItemTwice() {
        QoSConfiguration.Builder builder = QoSConfiguration.builder().totalUploadBandwidth(gbps(10));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder.totalUploadBandwidth(gbps(20)));

        assertEquals("TotalUploadBandwidth was already set to 10 Gbit/s on this builder", e.getMessage());
    }

    @Test
    void refusesANullItemWithAHintAtUnlimited() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QoSConfiguration.builder().extranetUploadBandwidth(null));

        assertEquals("ExtranetUploadBandwidth must not be null (use QosBandwidth.UNLIMITED for no limit)", e.getMessage());
    }

    @Test
    void toBuilderLetsEachValueBeChangedOnce() {
        QoSConfiguration qos = QoSConfiguration.builder().totalUploadBandwidth(gbps(10)).build();

        QoSConfiguration changed = qos.toBuilder().totalUploadBandwidth(gbps(20)).build();

        assertEquals(gbps(20), changed.totalUploadBandwidth());
        assertEquals(gbps(10), qos.totalUploadBandwidth());
    }
}
