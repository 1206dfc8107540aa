package dev.sluice.emulator;

import static dev.sluice.emulator.QosClient.assertError;
import static dev.sluice.emulator.QosClient.assertOk;
import static dev.sluice.emulator.QosClient.items;
import static dev.sluice.emulator.QosClient.qos;
import static dev.sluice.emulator.TestClient.BUCKET;
import static dev.sluice.emulator.TestClient.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reference 3.3 rules 1 to 6, one test each: the error (status, Code, EC) and the value just inside the rule. */
class QosRulesTest {

    private static OssEmulator emulator;
    private static QosClient qos;

    @BeforeAll
    static void start() throws Exception {
        emulator = TestClient.emulator().bucket("limited-bucket")
                .resourcePool("pool-v", QosLimits.bandwidth(100, 50, 40, 100, 50, 40), "pool-v-bucket")
                .resourcePool("pool-sum", QosLimits.bandwidth(20, -1, -1, -1, -1, -1))
                .resourcePool("pool-free", QosLimits.unlimited())
                .start();
        qos = new QosClient(emulator);
        assertOk(200, qos.bucket("PUT", "limited-bucket", "qosInfo", qos(30, 20, 10, 30, 20, 10)));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void rule1RefusesAValueBelowMinusOneAndAcceptsZeroToForbidATrafficClass() throws Exception {
        HttpResponse<byte[]> refused = qos.bucket("PUT", BUCKET, "qosInfo", qos(-2, -1, -1, -1, -1, -1));

        assertError(400, "InvalidArgument", "0004-00000111", refused);
        assertEquals("TotalUploadBandwidth -2 Gbit/s is out of range: -1 (unlimited), 0 (forbidden) or a positive number",
                xml(refused, "Message"));
        assertOk(200, qos.bucket("PUT", BUCKET, "qosInfo", qos(10, 10, 0, -1, -1, -1)));
    }

    @Test
    void rule1RefusesATotalQpsBelowMinusOneWithItsOwnCode() throws Exception {
        assertError(400, "InvalidArgument", "0004-00000110",
                qos.bucket("PUT", BUCKET, "qosInfo", "<QoSConfiguration><TotalQps>-5</TotalQps></QoSConfiguration>"));
    }

    @Test
    void rule2RefusesAComponentAboveTheTotalOfItsDirection() throws Exception {
        HttpResponse<byte[]> upload = qos.bucket("PUT", BUCKET, "qosInfo", qos(10, 11, -1, -1, -1, -1));
        HttpResponse<byte[]> download = qos.bucket("PUT", BUCKET, "qosInfo", qos(-1, 50, 50, 10, -1, 11));

        assertError(400, "InvalidArgument", "0004-00000114", upload);
        assertEquals("IntranetUploadBandwidth 11 Gbit/s exceeds TotalUploadBandwidth 10 Gbit/s", xml(upload, "Message"));
        assertError(400, "InvalidArgument", "0004-00000114", download);
        assertOk(200, qos.bucket("PUT", BUCKET, "qosInfo", qos(10, 10, -1, 10, -1, 10)));
    }

    @Test
    void rule3RefusesABucketItemAboveItsPoolsItem() throws Exception {
        HttpResponse<byte[]> refused = qos.bucket("PUT", "pool-v-bucket", "qosInfo", qos(-1, -1, 41, -1, -1, -1));

        assertError(400, "InvalidArgument", "0004-00000115", refused);
        assertEquals("ExtranetUploadBandwidth 41 Gbit/s exceeds the resource pool's 40 Gbit/s", xml(refused, "Message"));
        assertOk(200, qos.bucket("PUT", "pool-v-bucket", "qosInfo", qos(-1, -1, 40, -1, -1, -1)));
    }

    @Test
    void rule4RefusesAPoolRequesterItemAboveThePoolsItem() throws Exception {
        String query = "requesterQosInfo&resourcePool=pool-v&qosRequester=400001";

        assertError(400, "InvalidArgument", "0004-00000116", qos.region("PUT", query, qos(-1, -1, -1, -1, 51, -1)));
        assertOk(200, qos.region("PUT", query, qos(-1, -1, -1, -1, 50, -1)));
    }

    @Test
    void rule4RefusesPoolRequestersWhoseSumExceedsThePoolsItem() throws Exception {
        String pool = "requesterQosInfo&resourcePool=pool-sum&qosRequester=";
        assertOk(200, qos.region("PUT", pool + "a", qos(10, -1, -1, -1, -1, -1)));
        assertOk(200, qos.region("PUT", pool + "b", qos(10, -1, -1, -1, -1, -1)));
        assertOk(200, qos.region("PUT", pool + "unlimited", qos(-1, -1, -1, -1, -1, -1)));

        HttpResponse<byte[]> third = qos.region("PUT", pool + "c", qos(5, -1, -1, -1, -1, -1));
        HttpResponse<byte[]> raised = qos.region("PUT", pool + "a", qos(15, -1, -1, -1, -1, -1));

        assertError(400, "InvalidArgument", "0004-00000117", third);
        assertEquals("the requesters' TotalUploadBandwidth add up to 25 Gbit/s, above the resource pool's 20 Gbit/s",
                xml(third, "Message"));
        assertError(400, "InvalidArgument", "0004-00000117", raised);
        assertEquals(List.of(10L, -1L, -1L, -1L, -1L, -1L), items(qos.region("GET", pool + "a", null)));
        assertOk(200, qos.region("DELETE", pool + "b", null));
        assertOk(200, qos.region("PUT", pool + "c", qos(10, -1, -1, -1, -1, -1)));
    }

    @Test
    void rule5RefusesABucketRequesterItemAboveTheBucketsItem() throws Exception {
        String query = "requesterQosInfo&qosRequester=500001";

        assertError(400, "InvalidArgument", "0004-00000118", qos.bucket("PUT", "limited-bucket", query, qos(31, -1, -1, -1, -1, -1)));
        assertOk(200, qos.bucket("PUT", "limited-bucket", query, qos(30, 20, 10, 30, 20, 10)));
    }

    @Test
    void rule6RefusesALimitedRequesterItemUnderFiveGbitPerSecondAtBothLevels() throws Exception {
        HttpResponse<byte[]> pool = qos.region("PUT", "requesterQosInfo&resourcePool=pool-free&qosRequester=600001",
                qos(-1, -1, -1, 4, -1, -1));
        HttpResponse<byte[]> bucket = qos.bucket("PUT", BUCKET, "requesterQosInfo&qosRequester=600001", qos(-1, -1, -1, -1, -1, 1));

        assertError(400, "InvalidArgument", "0004-00000119", pool);
        assertEquals("TotalDownloadBandwidth 4 Gbit/s is below the requester minimum of 5 Gbit/s (use -1 for unlimited or 0 to forbid)",
                xml(pool, "Message"));
        assertError(400, "InvalidArgument", "0004-00000119", bucket);
        assertOk(200, qos.region("PUT", "requesterQosInfo&resourcePool=pool-free&qosRequester=600001", qos(5, 0, -1, -1, -1, -1)));
    }

    @Test
    void rule6LeavesBucketQosFreeOfTheRequesterMinimum() throws Exception {
        assertOk(200, qos.bucket("PUT", BUCKET, "qosInfo", qos(1, 1, 1, 1, 1, 1)));
    }
}
