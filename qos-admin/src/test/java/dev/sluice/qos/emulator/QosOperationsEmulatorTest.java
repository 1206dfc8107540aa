package dev.sluice.qos.emulator;

import static java.util.stream.Collectors.toList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.QosAdminClient;
import dev.sluice.qos.QosBandwidth;
import dev.sluice.qos.QosQps;
import dev.sluice.qos.RequesterQosInfo;
import dev.sluice.qos.ResourcePool;
import dev.sluice.qos.ResourcePoolBucket;
import dev.sluice.qos.ResourcePoolInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each of the fourteen operations of reference 3.4, from the client to the emulator and back, over loopback. */
class QosOperationsEmulatorTest extends EmulatorQosFixture {

    private static final QoSConfiguration REQUESTER = QoSConfiguration.builder()
            .totalUploadBandwidth(gbps(20)).intranetUploadBandwidth(gbps(10)).extranetUploadBandwidth(QosBandwidth.FORBIDDEN)
            .totalDownloadBandwidth(gbps(30)).build();
    /** What the emulator answers for {@link #REQUESTER}: all nine items, the QPS ones -1 as none were sent. */
    private static final QoSConfiguration REQUESTER_READ = withUnlimitedQps(REQUESTER);

    @Test
    void putsGetsListsAndDeletesARequesterQosAtPoolLevel() throws Exception {
        try (QosAdminClient qos = client()) {
            qos.putResourcePoolRequesterQosInfo(AI_POOL, "203300000000", REQUESTER);

            assertEquals(new RequesterQosInfo("203300000000", REQUESTER_READ),
                    qos.getResourcePoolRequesterQosInfo(AI_POOL, "203300000000"));
            assertEquals(List.of(new RequesterQosInfo("203300000000", REQUESTER_READ)),
                    qos.listResourcePoolRequesterQosInfos(AI_POOL).collect(toList()));

            qos.deleteResourcePoolRequesterQosInfo(AI_POOL, "203300000000");
            assertEquals(List.of(), qos.listResourcePoolRequesterQosInfos(AI_POOL).collect(toList()));
            assertServerError(404, "NoSuchQosRequester", "0004-00000122",
                    () -> qos.getResourcePoolRequesterQosInfo(AI_POOL, "203300000000"));
        }
    }

    @Test
    void putsGetsListsAndDeletesARequesterQosAtBucketLevel() throws Exception {
        try (QosAdminClient qos = client()) {
            qos.putBucketRequesterQosInfo(LONE_BUCKET, "203300000001", REQUESTER);

            assertEquals(new RequesterQosInfo("203300000001", REQUESTER_READ),
                    qos.getBucketRequesterQosInfo(LONE_BUCKET, "203300000001"));
            assertEquals(List.of(new RequesterQosInfo("203300000001", REQUESTER_READ)),
                    qos.listBucketRequesterQosInfos(LONE_BUCKET).collect(toList()));

            qos.deleteBucketRequesterQosInfo(LONE_BUCKET, "203300000001"); // the emulator answers 204 here
            assertEquals(List.of(), qos.listBucketRequesterQosInfos(LONE_BUCKET).collect(toList()));
            assertServerError(404, "NoSuchQosRequester", "0004-00000122",
                    () -> qos.getBucketRequesterQosInfo(LONE_BUCKET, "203300000001"));
        }
    }

    @Test
    void putsGetsAndDeletesABucketQosWithItsRequestRates() throws Exception {
        QoSConfiguration bucket = QoSConfiguration.builder().totalUploadBandwidth(gbps(60)).intranetUploadBandwidth(gbps(50))
                .extranetUploadBandwidth(gbps(10)).totalDownloadBandwidth(gbps(80)).extranetDownloadBandwidth(QosBandwidth.FORBIDDEN)
                .totalQps(QosQps.ofRequestsPerSecond(2000)).intranetQps(QosQps.ofRequestsPerSecond(1500))
                .extranetQps(QosQps.UNLIMITED).build();
        try (QosAdminClient qos = client()) {
            assertEquals(withUnlimitedQps(QoSConfiguration.unlimited()), qos.getBucketQosInfo(AI_BUCKET), "a bucket's QoS before any Put");

            qos.putBucketQosInfo(AI_BUCKET, bucket);
            assertEquals(bucket, qos.getBucketQosInfo(AI_BUCKET));

            qos.deleteBucketQosInfo(AI_BUCKET);
            assertTrue(qos.getBucketQosInfo(AI_BUCKET).totalUploadBandwidth().isUnlimited(), "unlimited again after Delete");
        }
    }

    @Test
    void listsTheResourcePoolsInNameOrder() throws Exception {
        try (QosAdminClient qos = client()) {
            List<ResourcePool> pools = qos.listResourcePools().collect(toList());

            assertEquals(List.of(AI_POOL, API_POOL, BATCH_POOL, WEB_POOL), pools.stream().map(ResourcePool::name).collect(toList()));
            assertTrue(pools.stream().allMatch(p -> p.createTime().isPresent()), "every pool has its CreateTime: " + pools);
        }
    }

    @Test
    void getsAResourcePoolWithTheQosItWasDeclaredWith() throws Exception {
        try (QosAdminClient qos = client()) {
            ResourcePoolInfo info = qos.getResourcePoolInfo(AI_POOL);

            assertEquals(AI_POOL, info.name());
            assertEquals("oss-" + emulator.region(), info.region(), "the oss- prefixed region, as reference 3.4 says");
            assertTrue(info.createTime().isPresent());
            assertEquals(withUnlimitedQps(QoSConfiguration.builder().totalUploadBandwidth(gbps(100))
                    .intranetUploadBandwidth(gbps(50)).extranetUploadBandwidth(gbps(20)).totalDownloadBandwidth(gbps(80))
                    .build()), info.configuration());
        }
    }

    @Test
    void listsTheBucketsOfAResourcePool() throws Exception {
        try (QosAdminClient qos = client()) {
            List<ResourcePoolBucket> buckets = qos.listResourcePoolBuckets(AI_POOL).collect(toList());

            assertEquals(List.of(AI_BUCKET, AI_BUCKET_2), buckets.stream().map(ResourcePoolBucket::name).collect(toList()));
            assertTrue(buckets.stream().allMatch(b -> b.joinTime().isPresent() && b.group().isEmpty()), buckets::toString);
        }
    }

    @Test
    void anUnknownResourcePoolIsNotFoundWithTheDocumentedMessage() throws Exception {
        try (QosAdminClient qos = client()) {
            // reference 3.3 rule 10: 404 and its message are observed; the code is the emulator's assumption
            assertEquals("The specified resource pool does not exist.", assertServerError(404, "NoSuchResourcePool",
                    "0004-00000121", () -> qos.getResourcePoolInfo("no-such-pool")).errorMessage());
        }
    }
}
