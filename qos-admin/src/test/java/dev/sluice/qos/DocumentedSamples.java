package dev.sluice.qos;

/**
 * The sample bodies of the protocol notes (section 3.2 and 3.4), with the elided parts ("...six items...",
 * "...as above...") written out, as the in-test transport answers them and the mapping tests read them.
 */
public final class DocumentedSamples {

    /** Section 3.2, all nine items. */
    public static final String QOS_CONFIGURATION = "<QoSConfiguration>"
            + "<TotalUploadBandwidth>10</TotalUploadBandwidth>"
            + "<IntranetUploadBandwidth>-1</IntranetUploadBandwidth>"
            + "<ExtranetUploadBandwidth>-1</ExtranetUploadBandwidth>"
            + "<TotalDownloadBandwidth>10</TotalDownloadBandwidth>"
            + "<IntranetDownloadBandwidth>-1</IntranetDownloadBandwidth>"
            + "<ExtranetDownloadBandwidth>-1</ExtranetDownloadBandwidth>"
            + "<TotalQps>-1</TotalQps><IntranetQps>-1</IntranetQps><ExtranetQps>-1</ExtranetQps>"
            + "</QoSConfiguration>";

    /** Section 3.2, the six required items only, as a Put sends them. */
    public static final String SIX_ITEMS = "<QoSConfiguration>"
            + "<TotalUploadBandwidth>10</TotalUploadBandwidth>"
            + "<IntranetUploadBandwidth>-1</IntranetUploadBandwidth>"
            + "<ExtranetUploadBandwidth>-1</ExtranetUploadBandwidth>"
            + "<TotalDownloadBandwidth>10</TotalDownloadBandwidth>"
            + "<IntranetDownloadBandwidth>-1</IntranetDownloadBandwidth>"
            + "<ExtranetDownloadBandwidth>-1</ExtranetDownloadBandwidth>"
            + "</QoSConfiguration>";

    /** Get*RequesterQoSInfo. */
    public static final String REQUESTER_QOS_INFO = "<RequesterQoSInfo><Requester>300xxxx</Requester>"
            + QOS_CONFIGURATION + "</RequesterQoSInfo>";

    /** ListResourcePoolRequesterQoSInfos. */
    public static final String LIST_POOL_REQUESTERS = "<ListResourcePoolRequesterQoSInfosResult>"
            + "<ResourcePool>resource-pool-for-ai</ResourcePool>"
            + "<ContinuationToken>1105678</ContinuationToken>"
            + "<NextContinuationToken>3105678</NextContinuationToken>"
            + "<IsTruncated>true</IsTruncated>"
            + REQUESTER_QOS_INFO
            + "</ListResourcePoolRequesterQoSInfosResult>";

    /** ListBucketRequesterQoSInfos: {@code <Bucket>} in place of {@code <ResourcePool>}. */
    public static final String LIST_BUCKET_REQUESTERS = "<ListBucketRequesterQoSInfosResult>"
            + "<Bucket>examplebucket</Bucket>"
            + "<ContinuationToken>1105678</ContinuationToken>"
            + "<NextContinuationToken>3105678</NextContinuationToken>"
            + "<IsTruncated>true</IsTruncated>"
            + REQUESTER_QOS_INFO
            + "</ListBucketRequesterQoSInfosResult>";

    /** ListResourcePools. */
    public static final String LIST_POOLS = "<ListResourcePoolsResult>"
            + "<Region>oss-cn-hangzhou</Region><Owner>103xxxx</Owner>"
            + "<ContinuationToken>abcd</ContinuationToken><NextContinuationToken>xyz</NextContinuationToken>"
            + "<IsTruncated>true</IsTruncated>"
            + "<ResourcePool><Name>resource-pool-for-ai</Name><CreateTime>2024-11-29T08:42:32.000Z</CreateTime></ResourcePool>"
            + "</ListResourcePoolsResult>";

    /** GetResourcePoolInfo. */
    public static final String POOL_INFO = "<GetResourcePoolInfoResponse>"
            + "<Region>oss-cn-hangzhou</Region><Name>resource-pool-for-ai</Name><Owner>103xxxx</Owner>"
            + "<CreateTime>2024-11-29T08:42:32.000Z</CreateTime>"
            + QOS_CONFIGURATION
            + "</GetResourcePoolInfoResponse>";

    /** ListResourcePoolBuckets. */
    public static final String LIST_POOL_BUCKETS = "<ListResourcePoolBucketsResult>"
            + "<ResourcePool>resource-pool-for-ai</ResourcePool>"
            + "<ContinuationToken>abcd</ContinuationToken><NextContinuationToken>defg</NextContinuationToken>"
            + "<IsTruncated>true</IsTruncated>"
            + "<ResourcePoolBucket><Name>rp-bucket-01</Name><Group>test-group-1</Group>"
            + "<JoinTime>2024-11-29T08:42:32.000Z</JoinTime></ResourcePoolBucket>"
            + "</ListResourcePoolBucketsResult>";

    private DocumentedSamples() {
    }
}
