package dev.sluice.qos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Headers;
import dev.sluice.oss.OssServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every rule that needs no server state refuses its input with its exact message, and nothing is sent. */
class ClientSideValidationTest {

    private static final String POOL = "resource-pool-for-ai";
    private static final String UID = "203300000000";

    private final RecordingTransport transport = new RecordingTransport();
    private final QosAdminClient client = QosClients.on(transport).build();
    private boolean expectNothingSent = true;

    @AfterEach
    void nothingWasSent() {
        if (expectNothingSent) {
            assertEquals(0, transport.sent.size(), "requests sent despite invalid input");
        }
    }

    private static QosBandwidth gbps(int value) {
        return QosBandwidth.ofGigabitsPerSecond(value);
    }

    private static InvalidQosConfigurationException refused(Executable call, String message, String field) {
        InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class, call);
        assertEquals(message, e.getMessage());
        assertEquals(field, e.field());
        return e;
    }

    @Test
    void rejectsARequesterItemBelowFiveGbitPerSecondAtPoolLevel() {
        QoSConfiguration qos = QoSConfiguration.builder().extranetUploadBandwidth(gbps(3)).build();

        InvalidQosConfigurationException e = refused(() -> client.putResourcePoolRequesterQosInfo(POOL, UID, qos),
                "ExtranetUploadBandwidth 3 Gbit/s for requester 203300000000 is below the 5 Gbit/s minimum for a"
                        + " limited requester item (allowed: -1 = unlimited, 0 = forbidden, or >= 5)",
                "ExtranetUploadBandwidth");
        assertEquals(gbps(3), e.value());
    }

    @Test
    void rejectsARequesterItemBelowFiveGbitPerSecondAtBucketLevel() {
        QoSConfiguration qos = QoSConfiguration.builder().totalDownloadBandwidth(gbps(4)).build();

        refused(() -> client.putBucketRequesterQosInfo("examplebucket", UID, qos),
                "TotalDownloadBandwidth 4 Gbit/s for requester 203300000000 is below the 5 Gbit/s minimum for a"
                        + " limited requester item (allowed: -1 = unlimited, 0 = forbidden, or >= 5)",
                "TotalDownloadBandwidth");
    }

    @Test
    void acceptsForbiddenAndUnlimitedRequesterItemsAndFiveGbitPerSecond() throws Exception {
        expectNothingSent = false;
        QoSConfiguration qos = QoSConfiguration.builder().totalUploadBandwidth(gbps(5))
                .extranetUploadBandwidth(QosBandwidth.FORBIDDEN).build();

        client.putResourcePoolRequesterQosInfo(POOL, UID, qos);

        assertEquals(1, transport.sent.size());
    }

    @Test
    void bucketQosMayBeBelowFiveGbitPerSecond() throws Exception {
        expectNothingSent = false;

        client.putBucketQosInfo("examplebucket", QoSConfiguration.builder().totalUploadBandwidth(gbps(1)).build());

        assertEquals(1, transport.sent.size());
    }

    @Test
    void rejectsAnItemAboveItsTotalEvenWhenTheConfigurationWasBuiltUnchecked() {
        QoSConfiguration qos = QoSConfiguration.builder().totalUploadBandwidth(gbps(10))
                .intranetUploadBandwidth(gbps(12)).buildUnchecked();

        refused(() -> client.putBucketQosInfo("examplebucket", qos),
                "IntranetUploadBandwidth 12 Gbit/s exceeds TotalUploadBandwidth 10 Gbit/s", "IntranetUploadBandwidth");
        refused(() -> client.putResourcePoolRequesterQosInfo(POOL, UID, qos),
                "IntranetUploadBandwidth 12 Gbit/s exceeds TotalUploadBandwidth 10 Gbit/s", "IntranetUploadBandwidth");
    }

    @Test
    void rejectsAnEmptyRequester() {
        refused(() -> client.getResourcePoolRequesterQosInfo(POOL, ""),
                "qosRequester must not be empty (the UID of a RAM user or role)", "qosRequester");
        refused(() -> client.deleteBucketRequesterQosInfo("examplebucket", ""),
                "qosRequester must not be empty (the UID of a RAM user or role)", "qosRequester");
    }

    @Test
    void rejectsARequesterLongerThan1024Characters() {
        String requester = "1".repeat(1025);

        refused(() -> client.putBucketRequesterQosInfo("examplebucket", requester, QoSConfiguration.unlimited()),
                "qosRequester must be at most 1024 characters, was 1025 characters", "qosRequester");
    }

    @Test
    void rejectsABlankResourcePool() {
        refused(() -> client.getResourcePoolInfo(" "), "resourcePool must not be blank", "resourcePool");
        refused(() -> client.listResourcePoolBuckets(""), "resourcePool must not be blank", "resourcePool");
    }

    @Test
    void rejectsABucketNameOssWouldRefuse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.getBucketQosInfo("Example_Bucket"));

        assertEquals(true, e.getMessage().contains("Example_Bucket"), e.getMessage());
    }

    @Test
    void rejectsAMissingConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.putBucketQosInfo("examplebucket", null));

        assertEquals("QoSConfiguration must not be null (use QoSConfiguration.unlimited() for no limits)", e.getMessage());
    }

    @Test
    void rejectsAPageSizeBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.listResourcePools(0));

        assertEquals("page size must be at least 1 entry (max-keys), was 0", e.getMessage());
    }

    @Test
    void withValidationOffTheServersOwnRefusalComesBackAsAnOssServiceException() {
        expectNothingSent = false;
        transport.answering(sent -> RecordingTransport.response(400, Headers.of("x-oss-request-id", "RID-400"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidArgument</Code>"
                        + "<Message>The QoS value is invalid.</Message><RequestId>RID-400</RequestId>"
                        + "<HostId>oss-cn-hangzhou.aliyuncs.com</HostId><EC>0004-00000114</EC></Error>"));
        QosAdminClient unchecked = QosClients.on(transport).validation(false).build();
        QoSConfiguration qos = QoSConfiguration.builder().extranetUploadBandwidth(gbps(3)).build();

        OssServiceException e = assertThrows(OssServiceException.class,
                () -> unchecked.putResourcePoolRequesterQosInfo(POOL, UID, qos));

        assertEquals(1, transport.sent.size());
        assertEquals(400, e.status());
        assertEquals("InvalidArgument", e.code());
        assertEquals("0004-00000114", e.ec());
        assertEquals("OSS error 400 InvalidArgument: The QoS value is invalid. (request id RID-400, EC 0004-00000114)",
                e.getMessage());
    }
}
