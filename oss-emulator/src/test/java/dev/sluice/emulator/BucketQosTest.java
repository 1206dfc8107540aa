package dev.sluice.emulator;

import static dev.sluice.emulator.QosClient.all;
import static dev.sluice.emulator.QosClient.assertError;
import static dev.sluice.emulator.QosClient.assertOk;
import static dev.sluice.emulator.QosClient.items;
import static dev.sluice.emulator.QosClient.qos;
import static dev.sluice.emulator.TestClient.BUCKET;
import static dev.sluice.emulator.TestClient.text;
import static dev.sluice.emulator.TestClient.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seven bucket-level operations of reference 3.4, over real sockets. */
class BucketQosTest {

    private static final List<Long> UNLIMITED = List.of(-1L, -1L, -1L, -1L, -1L, -1L);
    private static OssEmulator emulator;
    private static QosClient qos;

    @BeforeAll
    static void start() {
        emulator = TestClient.emulator().bucket("qos-bucket").bucket("sparse-bucket").bucket("page-bucket")
                .resourcePool("pool-x", QosLimits.bandwidth(100, 50, 50, 100, 50, 50), "pooled-bucket")
                .start();
        qos = new QosClient(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void answersAllNineItemsUnlimitedForABucketWithoutQos() throws Exception {
        HttpResponse<byte[]> response = qos.bucket("GET", BUCKET, "qosInfo", null);

        assertOk(200, response);
        assertTrue(text(response).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<QoSConfiguration><TotalUploadBandwidth>"),
                text(response));
        assertEquals(UNLIMITED, items(response));
        assertEquals(List.of("-1"), all(response, "ExtranetQps"));
    }

    @Test
    void putsGetsAndDeletesABucketsQos() throws Exception {
        assertOk(200, qos.bucket("PUT", "qos-bucket", "qosInfo", qos(40, 20, -1, 40, 0, 20)));

        assertEquals(List.of(40L, 20L, -1L, 40L, 0L, 20L), items(qos.bucket("GET", "qos-bucket", "qosInfo", null)));
        assertOk(200, qos.bucket("DELETE", "qos-bucket", "qosInfo", null));
        assertEquals(UNLIMITED, items(qos.bucket("GET", "qos-bucket", "qosInfo", null)));
    }

    @Test
    void takesOmittedItemsAsUnlimitedAndReadsTheQpsItems() throws Exception {
        String body = "<QoSConfiguration><TotalDownloadBandwidth>10</TotalDownloadBandwidth><TotalQps>1000</TotalQps>"
                + "<Unknown>x</Unknown></QoSConfiguration>";

        assertOk(200, qos.bucket("PUT", "sparse-bucket", "qosInfo", body));

        HttpResponse<byte[]> got = qos.bucket("GET", "sparse-bucket", "qosInfo", null);
        assertEquals(List.of(-1L, -1L, -1L, 10L, -1L, -1L), items(got));
        assertEquals("1000", xml(got, "TotalQps"));
    }

    @Test
    void acceptsABucketQosEqualToItsPools() throws Exception {
        assertOk(200, qos.bucket("PUT", "pooled-bucket", "qosInfo", qos(100, 50, 50, 100, 50, 50)));
    }

    @Test
    void putsGetsAndDeletesARequestersQosAtBucketLevel() throws Exception {
        String query = "requesterQosInfo&qosRequester=100001";

        assertOk(200, qos.bucket("PUT", BUCKET, query, qos(10, 5, 5, -1, -1, 0)));
        HttpResponse<byte[]> got = qos.bucket("GET", BUCKET, query, null);
        assertOk(200, got);
        assertTrue(text(got).contains("<RequesterQoSInfo><Requester>100001</Requester><QoSConfiguration>"), text(got));
        assertEquals(List.of(10L, 5L, 5L, -1L, -1L, 0L), items(got));
        assertOk(204, qos.bucket("DELETE", BUCKET, query, null));
        assertError(404, "NoSuchQosRequester", "0004-00000122", qos.bucket("GET", BUCKET, query, null));
    }

    @Test
    void pagesTheRequestersOfABucketAcrossThreePages() throws Exception {
        for (int i = 5; i >= 1; i--) {
            assertOk(200, qos.bucket("PUT", "page-bucket", "requesterQosInfo&qosRequester=uid-" + i, qos(-1, -1, -1, 5 * i, -1, -1)));
        }
        List<String> requesters = new ArrayList<>();
        List<Long> downloads = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            HttpResponse<byte[]> page = qos.bucket("GET", "page-bucket", "requesterQosInfo&max-keys=2"
                    + (token == null ? "" : "&continuation-token=" + token), null);
            assertTrue(text(page).contains("<ListBucketRequesterQoSInfosResult><Bucket>page-bucket</Bucket>"), text(page));
            requesters.addAll(all(page, "Requester"));
            all(page, "TotalDownloadBandwidth").forEach(v -> downloads.add(Long.parseLong(v)));
            token = xml(page, "NextContinuationToken");
            pages++;
        } while (token != null);

        assertEquals(List.of("uid-1", "uid-2", "uid-3", "uid-4", "uid-5"), requesters);
        assertEquals(List.of(5L, 10L, 15L, 20L, 25L), downloads);
        assertEquals(3, pages);
    }

    @Test
    void acceptsV1SignaturesWhoseSubResourcesIncludeTheQosParameters() throws Exception {
        String query = "requesterQosInfo&qosRequester=v1-signed";
        HttpResponse<byte[]> put = qos.client.send(qos.client.signV1(qos.client.request("PUT", qos.client.uri("sparse-bucket", null, query),
                "Content-Type", "application/xml")), qos(8, -1, -1, -1, -1, -1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<byte[]> get = qos.client.send(qos.client.signV1(qos.client.request("GET", qos.client.uri("sparse-bucket", null, query))),
                null);

        assertOk(200, put);
        assertEquals(List.of(8L, -1L, -1L, -1L, -1L, -1L), items(get));
    }

    @Test
    void listsNoRequestersOfABucketWithoutAny() throws Exception {
        HttpResponse<byte[]> response = qos.bucket("GET", "qos-bucket", "requesterQosInfo", null);

        assertOk(200, response);
        assertEquals(List.of(), all(response, "RequesterQoSInfo"));
        assertEquals("false", xml(response, "IsTruncated"));
    }

    @Test
    void answersNoSuchBucketForTheQosOfAnUnknownBucket() throws Exception {
        assertError(404, "NoSuchBucket", "0015-00000101", qos.bucket("GET", "no-such-bucket", "qosInfo", null));
        assertError(404, "NoSuchBucket", "0015-00000101", qos.bucket("PUT", "no-such-bucket", "qosInfo", qos(1, 1, 1, 1, 1, 1)));
        assertError(404, "NoSuchBucket", "0015-00000101",
                qos.bucket("GET", "no-such-bucket", "requesterQosInfo&qosRequester=1", null));
    }

    @Test
    void answersNoSuchQosRequesterForAnUnknownRequesterAndDeletesItIdempotently() throws Exception {
        assertError(404, "NoSuchQosRequester", "0004-00000122", qos.bucket("GET", BUCKET, "requesterQosInfo&qosRequester=nobody", null));
        assertOk(204, qos.bucket("DELETE", BUCKET, "requesterQosInfo&qosRequester=nobody", null));
    }
}
