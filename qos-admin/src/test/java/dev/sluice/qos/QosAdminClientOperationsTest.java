package dev.sluice.qos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.oss.OssResource;
import dev.sluice.oss.OssV4Signer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each of the fourteen operations goes to the right host with the right method and query, signed with V4
 * for the right resource, and reads the documented answer.
 */
class QosAdminClientOperationsTest {

    private static final String POOL = "resource-pool-for-ai";
    private static final String UID = "203300000000";
    private static final String BUCKET = "examplebucket";
    private static final String REGION_HOST = "oss-cn-hangzhou.aliyuncs.com";
    private static final String BUCKET_HOST = "examplebucket.oss-cn-hangzhou.aliyuncs.com";
    private static final String PUT_BODY = "<?xml version='1.0' encoding='UTF-8'?>" + DocumentedSamples.SIX_ITEMS;

    private final RecordingTransport transport = new RecordingTransport();
    private final QosAdminClient client = QosClients.on(transport).build();

    private static QoSConfiguration documented() {
        return QoSConfiguration.builder()
                .totalUploadBandwidth(QosBandwidth.ofGigabitsPerSecond(10))
                .totalDownloadBandwidth(QosBandwidth.ofGigabitsPerSecond(10))
                .build();
    }

    @Test
    void putResourcePoolRequesterQosInfoPutsTheSixItemsOnTheRegionHost() throws Exception {
        client.putResourcePoolRequesterQosInfo(POOL, UID, documented());

        RecordingTransport.Sent put = only();
        assertRequest(put, "PUT", REGION_HOST, "/", "requesterQosInfo&resourcePool=resource-pool-for-ai&qosRequester=203300000000");
        assertSigned(put, OssResource.region());
        assertPutBody(put);
    }

    @Test
    void getResourcePoolRequesterQosInfoReadsTheDocumentedRequesterQosInfo() throws IOException {
        transport.answering(DocumentedSamples.REQUESTER_QOS_INFO);

        RequesterQosInfo info = client.getResourcePoolRequesterQosInfo(POOL, UID);

        assertRequest(only(), "GET", REGION_HOST, "/", "requesterQosInfo&resourcePool=resource-pool-for-ai&qosRequester=203300000000");
        assertSigned(only(), OssResource.region());
        assertEquals("300xxxx", info.requester());
        assertEquals(QosBandwidth.ofGigabitsPerSecond(10), info.configuration().totalUploadBandwidth());
        assertEquals(QosBandwidth.UNLIMITED, info.configuration().extranetDownloadBandwidth());
        assertEquals(Optional.of(QosQps.UNLIMITED), info.configuration().totalQps());
    }

    @Test
    void listResourcePoolRequesterQosInfosAsksTheRegionHostWithoutATokenFirst() {
        transport.answering(DocumentedSamples.LIST_POOL_REQUESTERS.replace("<IsTruncated>true", "<IsTruncated>false"));

        List<RequesterQosInfo> infos = client.listResourcePoolRequesterQosInfos(POOL).collect(Collectors.toList());

        assertRequest(only(), "GET", REGION_HOST, "/", "requesterQosInfo&resourcePool=resource-pool-for-ai&max-keys=100");
        assertSigned(only(), OssResource.region());
        assertEquals(List.of("300xxxx"), infos.stream().map(RequesterQosInfo::requester).collect(Collectors.toList()));
    }

    @Test
    void deleteResourcePoolRequesterQosInfoDeletesOnTheRegionHost() throws IOException {
        client.deleteResourcePoolRequesterQosInfo(POOL, UID);

        assertRequest(only(), "DELETE", REGION_HOST, "/", "requesterQosInfo&resourcePool=resource-pool-for-ai&qosRequester=203300000000");
        assertSigned(only(), OssResource.region());
    }

    @Test
    void putBucketRequesterQosInfoPutsOnTheBucketHost() throws Exception {
        client.putBucketRequesterQosInfo(BUCKET, UID, documented());

        assertRequest(only(), "PUT", BUCKET_HOST, "/", "requesterQosInfo&qosRequester=203300000000");
        assertSigned(only(), OssResource.bucket(BUCKET));
        assertPutBody(only());
    }

    @Test
    void getBucketRequesterQosInfoGetsFromTheBucketHost() throws IOException {
        transport.answering(DocumentedSamples.REQUESTER_QOS_INFO);

        RequesterQosInfo info = client.getBucketRequesterQosInfo(BUCKET, UID);

        assertRequest(only(), "GET", BUCKET_HOST, "/", "requesterQosInfo&qosRequester=203300000000");
        assertSigned(only(), OssResource.bucket(BUCKET));
        assertEquals(QosBandwidth.ofGigabitsPerSecond(10), info.configuration().totalDownloadBandwidth());
    }

    @Test
    void listBucketRequesterQosInfosGetsFromTheBucketHost() {
        transport.answering(DocumentedSamples.LIST_BUCKET_REQUESTERS.replace("<IsTruncated>true", "<IsTruncated>false"));

        assertEquals(1, client.listBucketRequesterQosInfos(BUCKET, 10).count());

        assertRequest(only(), "GET", BUCKET_HOST, "/", "requesterQosInfo&max-keys=10");
        assertSigned(only(), OssResource.bucket(BUCKET));
    }

    @Test
    void deleteBucketRequesterQosInfoAcceptsTheNoContentAnswerOss2Observes() throws IOException {
        transport.answering(sent -> RecordingTransport.response(204, dev.sluice.api.Headers.of(), ""));

        client.deleteBucketRequesterQosInfo(BUCKET, UID);

        assertRequest(only(), "DELETE", BUCKET_HOST, "/", "requesterQosInfo&qosRequester=203300000000");
        assertSigned(only(), OssResource.bucket(BUCKET));
    }

    @Test
    void putBucketQosInfoPutsTheQosInfoSubResource() throws Exception {
        client.putBucketQosInfo(BUCKET, documented());

        assertRequest(only(), "PUT", BUCKET_HOST, "/", "qosInfo");
        assertSigned(only(), OssResource.bucket(BUCKET));
        assertPutBody(only());
    }

    @Test
    void getBucketQosInfoReadsAQosConfiguration() throws IOException {
        transport.answering(DocumentedSamples.QOS_CONFIGURATION);

        QoSConfiguration qos = client.getBucketQosInfo(BUCKET);

        assertRequest(only(), "GET", BUCKET_HOST, "/", "qosInfo");
        assertSigned(only(), OssResource.bucket(BUCKET));
        assertEquals(QoSConfiguration.builder().totalUploadBandwidth(QosBandwidth.ofGigabitsPerSecond(10))
                .totalDownloadBandwidth(QosBandwidth.ofGigabitsPerSecond(10)).totalQps(QosQps.UNLIMITED)
                .intranetQps(QosQps.UNLIMITED).extranetQps(QosQps.UNLIMITED).build(), qos);
    }

    @Test
    void deleteBucketQosInfoDeletesTheQosInfoSubResource() throws IOException {
        client.deleteBucketQosInfo(BUCKET);

        assertRequest(only(), "DELETE", BUCKET_HOST, "/", "qosInfo");
        assertSigned(only(), OssResource.bucket(BUCKET));
    }

    @Test
    void listResourcePoolsReadsTheDocumentedPools() {
        transport.answering(DocumentedSamples.LIST_POOLS.replace("<IsTruncated>true", "<IsTruncated>false"));

        List<ResourcePool> pools = client.listResourcePools().collect(Collectors.toList());

        assertRequest(only(), "GET", REGION_HOST, "/", "resourcePool&max-keys=100");
        assertSigned(only(), OssResource.region());
        assertEquals(List.of(new ResourcePool(POOL, Optional.of(Instant.parse("2024-11-29T08:42:32Z")))), pools);
    }

    @Test
    void getResourcePoolInfoReadsThePoolAndItsQos() throws IOException {
        transport.answering(DocumentedSamples.POOL_INFO);

        ResourcePoolInfo info = client.getResourcePoolInfo(POOL);

        assertRequest(only(), "GET", REGION_HOST, "/", "resourcePoolInfo&resourcePool=resource-pool-for-ai");
        assertSigned(only(), OssResource.region());
        assertEquals("oss-cn-hangzhou", info.region());
        assertEquals("103xxxx", info.owner());
        assertEquals(QosBandwidth.ofGigabitsPerSecond(10), info.configuration().totalUploadBandwidth());
    }

    @Test
    void listResourcePoolBucketsReadsTheBucketsWithTheirGroup() {
        transport.answering(DocumentedSamples.LIST_POOL_BUCKETS.replace("<IsTruncated>true", "<IsTruncated>false"));

        List<ResourcePoolBucket> buckets = client.listResourcePoolBuckets(POOL).collect(Collectors.toList());

        assertRequest(only(), "GET", REGION_HOST, "/", "resourcePoolBuckets&resourcePool=resource-pool-for-ai&max-keys=100");
        assertSigned(only(), OssResource.region());
        assertEquals(List.of(new ResourcePoolBucket("rp-bucket-01", Optional.of("test-group-1"),
                Optional.of(Instant.parse("2024-11-29T08:42:32Z")))), buckets);
    }

    @Test
    void addressesBucketsPathStyleOnALoopbackEndpoint() throws IOException {
        QosAdminClient loopback = QosClients.on(transport).endpoint(URI.create("http://127.0.0.1:9000")).build();

        loopback.deleteBucketQosInfo(BUCKET);
        loopback.deleteResourcePoolRequesterQosInfo(POOL, UID);

        assertRequest(transport.sent.get(0), "DELETE", "127.0.0.1", "/examplebucket/", "qosInfo");
        assertSigned(transport.sent.get(0), OssResource.bucket(BUCKET));
        assertRequest(transport.sent.get(1), "DELETE", "127.0.0.1", "/",
                "requesterQosInfo&resourcePool=resource-pool-for-ai&qosRequester=203300000000");
        assertSigned(transport.sent.get(1), OssResource.region());
    }

    @Test
    void percentEncodesPoolAndRequesterValues() throws IOException {
        client.deleteResourcePoolRequesterQosInfo("pool a+b", "acs:ram::1:role/x");

        assertEquals("requesterQosInfo&resourcePool=pool%20a%2Bb&qosRequester=acs%3Aram%3A%3A1%3Arole%2Fx", only().query());
    }

    private RecordingTransport.Sent only() {
        assertEquals(1, transport.sent.size(), "requests sent");
        return transport.sent.get(0);
    }

    private static void assertRequest(RecordingTransport.Sent sent, String method, String host, String path, String query) {
        assertEquals(method, sent.method());
        assertEquals(host, sent.host());
        assertEquals(path, sent.path());
        assertEquals(query, sent.query());
    }

    /** Signed at the fixed instant for {@code resource}: the same signer computes the same Authorization. */
    private static void assertSigned(RecordingTransport.Sent sent, OssResource resource) {
        assertEquals("20250115T080000Z", sent.header("x-oss-date"));
        assertEquals("UNSIGNED-PAYLOAD", sent.header("x-oss-content-sha256"));
        String authorization = sent.header("Authorization");
        assertTrue(authorization.startsWith("OSS4-HMAC-SHA256 Credential=LTAI-test-key/20250115/cn-hangzhou/oss/aliyun_v4_request,"),
                authorization);
        OssV4Signer signer = OssV4Signer.builder().region("cn-hangzhou").build();
        assertEquals(authorization, signer.sign(sent.request(), resource, QosClients.CREDENTIALS, QosClients.NOW)
                .headers().first("Authorization").orElseThrow());
    }

    private static void assertPutBody(RecordingTransport.Sent put) throws Exception {
        assertEquals(PUT_BODY, put.body());
        assertEquals("application/xml", put.header("Content-Type"));
        byte[] md5 = MessageDigest.getInstance("MD5").digest(put.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(Base64.getEncoder().encodeToString(md5), put.header("Content-MD5"));
    }
}
