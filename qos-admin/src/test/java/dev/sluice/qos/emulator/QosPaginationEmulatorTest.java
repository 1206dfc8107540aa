package dev.sluice.qos.emulator;

import static java.util.stream.Collectors.toList;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.QosAdminClient;
import dev.sluice.qos.RequesterQosInfo;
import dev.sluice.qos.ResourcePool;
import dev.sluice.qos.ResourcePoolBucket;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The four List operations over more than one page: the client follows the emulator's continuation tokens. */
class QosPaginationEmulatorTest extends EmulatorQosFixture {

    private static final List<String> FIVE = IntStream.rangeClosed(1, 5).mapToObj(i -> "20330000000" + i).collect(toList());

    @Test
    void listsFivePoolRequestersInThreePagesOfTwo() throws Exception {
        try (QosAdminClient qos = client()) {
            for (String uid : FIVE) {
                qos.putResourcePoolRequesterQosInfo(BATCH_POOL, uid, QoSConfiguration.unlimited());
            }
            sent.clear();

            assertEquals(FIVE, qos.listResourcePoolRequesterQosInfos(BATCH_POOL, 2).map(RequesterQosInfo::requester)
                    .collect(toList()));
            assertEquals(List.of("GET", "GET", "GET"), sent);
        }
    }

    @Test
    void listsFiveBucketRequestersInThreePagesOfTwo() throws Exception {
        try (QosAdminClient qos = client()) {
            for (String uid : FIVE) {
                qos.putBucketRequesterQosInfo(LONE_BUCKET, uid, QoSConfiguration.unlimited());
            }
            sent.clear();

            assertEquals(FIVE, qos.listBucketRequesterQosInfos(LONE_BUCKET, 2).map(RequesterQosInfo::requester)
                    .collect(toList()));
            assertEquals(List.of("GET", "GET", "GET"), sent);
        }
    }

    @Test
    void listsFourPoolsInTwoPagesOfThreeAndInTwoFullPagesOfTwo() throws Exception {
        List<String> pools = List.of(AI_POOL, API_POOL, BATCH_POOL, WEB_POOL);
        try (QosAdminClient qos = client()) {
            assertEquals(pools, qos.listResourcePools(3).map(ResourcePool::name).collect(toList()));
            assertEquals(2, sent.size(), () -> "requests: " + sent);
            sent.clear();

            // the second page is full and the last: IsTruncated false, no empty third request
            assertEquals(pools, qos.listResourcePools(2).map(ResourcePool::name).collect(toList()));
            assertEquals(2, sent.size(), () -> "requests: " + sent);
        }
    }

    @Test
    void listsTheBucketsOfAPoolOneAPage() throws Exception {
        try (QosAdminClient qos = client()) {
            assertEquals(List.of(AI_BUCKET, AI_BUCKET_2), qos.listResourcePoolBuckets(AI_POOL, 1).map(ResourcePoolBucket::name)
                    .collect(toList()));
            assertEquals(2, sent.size(), () -> "requests: " + sent);
        }
    }

    @Test
    void aListingAsksForTheNextPageOnlyWhenTheStreamNeedsIt() throws Exception {
        try (QosAdminClient qos = client()) {
            for (String uid : FIVE) {
                qos.putResourcePoolRequesterQosInfo(BATCH_POOL, uid, QoSConfiguration.unlimited());
            }
            sent.clear();

            assertEquals(FIVE.subList(0, 2), qos.listResourcePoolRequesterQosInfos(BATCH_POOL, 2).limit(2)
                    .map(RequesterQosInfo::requester).collect(toList()));
            assertEquals(List.of("GET"), sent);
        }
    }
}
