package dev.sluice.emulator;

import static dev.sluice.emulator.QosClient.all;
import static dev.sluice.emulator.QosClient.assertError;
import static dev.sluice.emulator.QosClient.assertOk;
import static dev.sluice.emulator.QosClient.items;
import static dev.sluice.emulator.QosClient.qos;
import static dev.sluice.emulator.TestClient.text;
import static dev.sluice.emulator.TestClient.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seven region-level operations of reference 3.4, over real sockets. */
class ResourcePoolQosTest {

    private static final String NO_SUCH_POOL_EC = "0004-00000121";
    private static OssEmulator emulator;
    private static QosClient qos;

    @BeforeAll
    static void start() {
        emulator = TestClient.emulator()
                .resourcePool("pool-ai", QosLimits.bandwidth(100, 50, 40, 200, 100, 80), "ai-bucket-3", "ai-bucket-1", "ai-bucket-2")
                .resourcePool("pool-b", QosLimits.unlimited())
                .resourcePool("pool-c", QosLimits.unlimited())
                .start();
        qos = new QosClient(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void listsTheResourcePoolsInNameOrderWithRegionOwnerAndCreateTime() throws Exception {
        HttpResponse<byte[]> response = qos.region("GET", "resourcePool", null);

        assertOk(200, response);
        assertTrue(text(response).contains("<ListResourcePoolsResult>"), text(response));
        assertEquals("oss-cn-hangzhou", xml(response, "Region"));
        assertEquals(List.of("pool-ai", "pool-b", "pool-c"), all(response, "Name"));
        assertEquals("false", xml(response, "IsTruncated"));
        assertEquals("", xml(response, "ContinuationToken"));
        assertTrue(xml(response, "CreateTime").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), text(response));
    }

    @Test
    void pagesTheResourcePoolsTwoAtATimeWithContinuationTokens() throws Exception {
        HttpResponse<byte[]> first = qos.region("GET", "resourcePool&max-keys=2", null);
        HttpResponse<byte[]> second = qos.region("GET", "resourcePool&max-keys=2&continuation-token="
                + xml(first, "NextContinuationToken"), null);

        assertEquals(List.of("pool-ai", "pool-b"), all(first, "Name"));
        assertEquals("true", xml(first, "IsTruncated"));
        assertEquals(List.of("pool-c"), all(second, "Name"));
        assertEquals("pool-c", xml(second, "ContinuationToken"));
        assertEquals("false", xml(second, "IsTruncated"));
        assertEquals(null, xml(second, "NextContinuationToken"));
    }

    @Test
    void getsAResourcePoolsInfoWithItsQosConfiguration() throws Exception {
        HttpResponse<byte[]> response = qos.region("GET", "resourcePoolInfo&resourcePool=pool-ai", null);

        assertOk(200, response);
        assertTrue(text(response).contains("<GetResourcePoolInfoResponse>"), text(response));
        assertEquals("pool-ai", xml(response, "Name"));
        assertEquals("oss-cn-hangzhou", xml(response, "Region"));
        assertEquals(List.of(100L, 50L, 40L, 200L, 100L, 80L), items(response));
        assertEquals("-1", xml(response, "TotalQps"));
    }

    @Test
    void pagesTheBucketsOfAResourcePoolWhichExistAsBuckets() throws Exception {
        HttpResponse<byte[]> first = qos.region("GET", "resourcePoolBuckets&resourcePool=pool-ai&max-keys=2", null);
        HttpResponse<byte[]> second = qos.region("GET", "resourcePoolBuckets&resourcePool=pool-ai&max-keys=2&continuation-token="
                + xml(first, "NextContinuationToken"), null);

        assertTrue(text(first).contains("<ListResourcePoolBucketsResult><ResourcePool>pool-ai</ResourcePool>"), text(first));
        assertEquals(List.of("ai-bucket-1", "ai-bucket-2"), all(first, "Name"));
        assertEquals("ai-bucket-3", xml(first, "NextContinuationToken"));
        assertEquals(List.of("ai-bucket-3"), all(second, "Name"));
        assertEquals("false", xml(second, "IsTruncated"));
        assertEquals(3, all(first, "JoinTime").size() + all(second, "JoinTime").size());
        assertOk(200, qos.client.send(qos.client.signV4(qos.client.request("PUT", qos.client.uri("ai-bucket-2", "o.txt", null))),
                "in a pooled bucket".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void putsGetsAndDeletesARequestersQosAtPoolLevel() throws Exception {
        String query = "requesterQosInfo&resourcePool=pool-ai&qosRequester=300001";

        assertOk(200, qos.region("PUT", query, qos(20, 10, -1, 30, 0, 5)));
        HttpResponse<byte[]> got = qos.region("GET", query, null);
        assertOk(200, got);
        assertTrue(text(got).contains("<RequesterQoSInfo><Requester>300001</Requester><QoSConfiguration>"), text(got));
        assertEquals(List.of(20L, 10L, -1L, 30L, 0L, 5L), items(got));
        assertOk(200, qos.region("DELETE", query, null));
        assertError(404, "NoSuchQosRequester", "0004-00000122", qos.region("GET", query, null));
    }

    @Test
    void replacesARequestersQosOnASecondPut() throws Exception {
        String query = "requesterQosInfo&resourcePool=pool-ai&qosRequester=300002";

        assertOk(200, qos.region("PUT", query, qos(20, 10, 10, 30, 10, 10)));
        assertOk(200, qos.region("PUT", query, qos(40, 20, 20, 60, 20, 20)));

        assertEquals(List.of(40L, 20L, 20L, 60L, 20L, 20L), items(qos.region("GET", query, null)));
        assertOk(200, qos.region("DELETE", query, null));
    }

    @Test
    void pagesTheRequestersOfAPoolAcrossThreePages() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertOk(200, qos.region("PUT", "requesterQosInfo&resourcePool=pool-b&qosRequester=20000" + i, qos(5 * i, -1, -1, -1, -1, -1)));
        }
        List<String> requesters = new ArrayList<>();
        List<String> truncated = new ArrayList<>();
        String token = null;
        do {
            HttpResponse<byte[]> page = qos.region("GET", "requesterQosInfo&resourcePool=pool-b&max-keys=2"
                    + (token == null ? "" : "&continuation-token=" + token), null);
            assertTrue(text(page).contains("<ListResourcePoolRequesterQoSInfosResult><ResourcePool>pool-b</ResourcePool>"), text(page));
            requesters.addAll(all(page, "Requester"));
            truncated.add(xml(page, "IsTruncated"));
            token = xml(page, "NextContinuationToken");
        } while (token != null);

        assertEquals(List.of("200001", "200002", "200003", "200004", "200005"), requesters);
        assertEquals(List.of("true", "true", "false"), truncated);
    }

    @Test
    void answersNoSuchResourcePoolForAnUnknownPoolInEveryPoolOperation() throws Exception {
        for (String query : List.of("resourcePoolInfo&resourcePool=nope", "resourcePoolBuckets&resourcePool=nope",
                "requesterQosInfo&resourcePool=nope", "requesterQosInfo&resourcePool=nope&qosRequester=1")) {
            HttpResponse<byte[]> response = qos.region("GET", query, null);
            assertError(404, "NoSuchResourcePool", NO_SUCH_POOL_EC, response);
            assertEquals("The specified resource pool does not exist.", xml(response, "Message"));
        }
        assertError(404, "NoSuchResourcePool", NO_SUCH_POOL_EC,
                qos.region("PUT", "requesterQosInfo&resourcePool=nope&qosRequester=1", qos(-1, -1, -1, -1, -1, -1)));
        assertError(404, "NoSuchResourcePool", NO_SUCH_POOL_EC,
                qos.region("DELETE", "requesterQosInfo&resourcePool=nope&qosRequester=1", null));
    }

    @Test
    void answersNoSuchQosRequesterForAnUnknownRequesterAndDeletesItIdempotently() throws Exception {
        assertError(404, "NoSuchQosRequester", "0004-00000122",
                qos.region("GET", "requesterQosInfo&resourcePool=pool-c&qosRequester=999", null));
        assertOk(200, qos.region("DELETE", "requesterQosInfo&resourcePool=pool-c&qosRequester=999", null));
    }

    @Test
    void refusesAPoolOperationWithoutAResourcePool() throws Exception {
        assertError(400, "InvalidArgument", "0017-00000001", qos.region("GET", "resourcePoolInfo", null));
    }

    @Test
    void refusesAnyMethodButGetOnThePoolReadOperations() throws Exception {
        assertError(405, "MethodNotAllowed", "0000-00000501", qos.region("PUT", "resourcePoolInfo&resourcePool=pool-ai", ""));
    }

    @Test
    void acceptsAV1SignatureForARegionLevelRequest() throws Exception {
        URI uri = URI.create(emulator.endpoint() + "/?resourcePoolInfo&resourcePool=pool-c");

        HttpResponse<byte[]> response = qos.client.send(qos.client.signV1(qos.client.request("GET", uri)), null);

        assertOk(200, response);
        assertEquals("pool-c", xml(response, "Name"));
    }

    @Test
    void refusesAnUnsignedRegionLevelRequest() throws Exception {
        URI uri = URI.create(emulator.endpoint() + "/?resourcePool");

        HttpResponse<byte[]> response = qos.client.send(qos.client.request("GET", uri), null);

        assertEquals(403, response.statusCode(), text(response));
    }
}
