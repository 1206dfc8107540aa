package dev.sluice.qos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * With pre-flight on, a requester Put reads its parent first and is refused when it would exceed the parent's
 * item or, in a pool, push the requesters' sum over the pool's item; only the reads are sent then.
 */
class PreflightTest {

    private static final String POOL = "resource-pool-for-ai";

    /** The pool: 10 Gbit/s total upload, everything else unlimited. */
    private static final String POOL_INFO = "<GetResourcePoolInfoResponse><Name>resource-pool-for-ai</Name>"
            + "<QoSConfiguration><TotalUploadBandwidth>10</TotalUploadBandwidth></QoSConfiguration>"
            + "</GetResourcePoolInfoResponse>";

    /** Its requesters: A at 5 Gbit/s total upload, B unlimited, C forbidden. */
    private static final String REQUESTERS = "<ListResourcePoolRequesterQoSInfosResult><IsTruncated>false</IsTruncated>"
            + requester("A", 5) + requester("B", -1) + requester("C", 0)
            + "</ListResourcePoolRequesterQoSInfosResult>";

    private final RecordingTransport transport = new RecordingTransport()
            .answering(sent -> RecordingTransport.ok(sent.query().startsWith("resourcePoolInfo") ? POOL_INFO
                    : sent.method().equals("GET") ? REQUESTERS : ""));
    private final QosAdminClient client = QosClients.on(transport).preflight(true).build();

    private static String requester(String uid, int totalUpload) {
        return "<RequesterQoSInfo><Requester>" + uid + "</Requester><QoSConfiguration><TotalUploadBandwidth>"
                + totalUpload + "</TotalUploadBandwidth></QoSConfiguration></RequesterQoSInfo>";
    }

    private static QoSConfiguration totalUpload(int gbps) {
        return QoSConfiguration.builder().totalUploadBandwidth(QosBandwidth.ofGigabitsPerSecond(gbps)).build();
    }

    private List<String> methods() {
        return transport.sent.stream().map(RecordingTransport.Sent::method).collect(Collectors.toList());
    }

    @Test
    void refusesAPoolRequesterPutThatPushesTheSumOverThePoolsTotal() {
        InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class,
                () -> client.putResourcePoolRequesterQosInfo(POOL, "D", totalUpload(6)));

        assertEquals("TotalUploadBandwidth 6 Gbit/s for requester D would bring the sum over the requesters of"
                + " resource pool resource-pool-for-ai to 11 Gbit/s, over the pool's TotalUploadBandwidth 10 Gbit/s",
                e.getMessage());
        assertEquals(List.of("GET", "GET"), methods());
    }

    @Test
    void acceptsAPoolRequesterPutThatFillsThePoolExactly() throws Exception {
        client.putResourcePoolRequesterQosInfo(POOL, "D", totalUpload(5));

        assertEquals(List.of("GET", "GET", "PUT"), methods());
    }

    @Test
    void aRequesterReplacingItsOwnValueDoesNotCountTwice() throws Exception {
        client.putResourcePoolRequesterQosInfo(POOL, "A", totalUpload(10));

        assertEquals(List.of("GET", "GET", "PUT"), methods());
    }

    @Test
    void refusesAPoolRequesterItemAboveThePoolsItem() {
        InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class,
                () -> client.putResourcePoolRequesterQosInfo(POOL, "D", totalUpload(20)));

        assertEquals("TotalUploadBandwidth 20 Gbit/s for requester D exceeds TotalUploadBandwidth 10 Gbit/s of"
                + " resource pool resource-pool-for-ai", e.getMessage());
        assertEquals(List.of("GET"), methods());
    }

    @Test
    void refusesABucketRequesterItemAboveTheBucketsItem() {
        transport.answering(sent -> RecordingTransport.ok("<QoSConfiguration><TotalDownloadBandwidth>8"
                + "</TotalDownloadBandwidth></QoSConfiguration>"));
        QoSConfiguration qos = QoSConfiguration.builder()
                .totalDownloadBandwidth(QosBandwidth.ofGigabitsPerSecond(10)).build();

        InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class,
                () -> client.putBucketRequesterQosInfo("examplebucket", "D", qos));

        assertEquals("TotalDownloadBandwidth 10 Gbit/s for requester D exceeds TotalDownloadBandwidth 8 Gbit/s of"
                + " bucket examplebucket", e.getMessage());
        assertEquals("qosInfo", transport.sent.get(0).query());
        assertEquals(List.of("GET"), methods());
    }

    @Test
    void refusesABucketItemAboveThePoolItemOfThePoolTheBucketIsIn() {
        transport.answering(sent -> RecordingTransport.ok(
                sent.query().startsWith("resourcePoolInfo&resourcePool=pool-b") ? POOL_INFO
                : sent.query().startsWith("resourcePoolBuckets&resourcePool=pool-a")
                        ? "<ListResourcePoolBucketsResult><IsTruncated>false</IsTruncated><ResourcePoolBucket><Name>other"
                                + "</Name></ResourcePoolBucket></ListResourcePoolBucketsResult>"
                : sent.query().startsWith("resourcePoolBuckets&resourcePool=pool-b")
                        ? "<ListResourcePoolBucketsResult><IsTruncated>false</IsTruncated><ResourcePoolBucket><Name>"
                                + "examplebucket</Name></ResourcePoolBucket></ListResourcePoolBucketsResult>"
                : "<ListResourcePoolsResult><IsTruncated>false</IsTruncated><ResourcePool><Name>pool-a</Name>"
                        + "</ResourcePool><ResourcePool><Name>pool-b</Name></ResourcePool></ListResourcePoolsResult>"));

        InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class,
                () -> client.putBucketQosInfo("examplebucket", totalUpload(12)));

        assertEquals("TotalUploadBandwidth 12 Gbit/s for bucket examplebucket exceeds TotalUploadBandwidth 10 Gbit/s of"
                + " resource pool pool-b", e.getMessage());
        assertEquals(List.of("GET", "GET", "GET", "GET"), methods());
    }

    @Test
    void aBucketInNoPoolHasNoParentToCheckAgainst() throws Exception {
        transport.answering(sent -> RecordingTransport.ok(sent.method().equals("PUT") ? ""
                : "<ListResourcePoolsResult><IsTruncated>false</IsTruncated></ListResourcePoolsResult>"));

        client.putBucketQosInfo("examplebucket", totalUpload(12));

        assertEquals(List.of("GET", "PUT"), methods());
    }

    @Test
    void withoutPreflightOnlyThePutIsSent() throws Exception {
        QosClients.on(transport).build().putResourcePoolRequesterQosInfo(POOL, "D", totalUpload(20));

        assertEquals(List.of("PUT"), methods());
    }
}
