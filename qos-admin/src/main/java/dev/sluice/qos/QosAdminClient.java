package dev.sluice.qos;

import dev.sluice.oss.OssQuery;
import dev.sluice.oss.OssResource;
import dev.sluice.qos.internal.Pages;
import dev.sluice.qos.internal.QosDocuments;
import dev.sluice.qos.internal.QosExchange;
import dev.sluice.qos.internal.xml.GetResourcePoolInfoResponse;
import dev.sluice.qos.internal.xml.ListBucketRequesterQoSInfosResult;
import dev.sluice.qos.internal.xml.ListRequesterQoSInfosXml;
import dev.sluice.qos.internal.xml.ListResourcePoolBucketsResult;
import dev.sluice.qos.internal.xml.ListResourcePoolRequesterQoSInfosResult;
import dev.sluice.qos.internal.xml.ListResourcePoolsResult;
import dev.sluice.qos.internal.xml.QoSConfigurationXml;
import dev.sluice.qos.internal.xml.RequesterQoSInfoXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The OSS resource-pool and bucket requester QoS admin API over any {@link dev.sluice.api.Transport}, signed
 * with {@link dev.sluice.oss.OssV4Signer}: fourteen operations, each refusing bad input before a request goes
 * out ({@link InvalidQosConfigurationException}) and turning OSS errors into
 * {@link dev.sluice.oss.OssServiceException}s.
 *
 * <pre>{@code
 * QosAdminClient qos = QosAdminClient.builder()
 *         .endpoint(URI.create("https://oss-cn-hangzhou.aliyuncs.com"))
 *         .region("cn-hangzhou")
 *         .credentials(Credentials.of(id, secret))
 *         .transport(transport)
 *         .build();
 * qos.putResourcePoolRequesterQosInfo("resource-pool-for-ai", "203300000000", QoSConfiguration.builder()
 *         .totalUploadBandwidth(QosBandwidth.ofGigabitsPerSecond(10))
 *         .extranetUploadBandwidth(QosBandwidth.FORBIDDEN)
 *         .build());
 * }</pre>
 *
 * <p>Region-level operations go to the endpoint, bucket-level ones to the bucket's host (virtual-hosted on
 * domain endpoints, path-style on IP and {@code localhost} ones). Listings are lazy streams that follow the
 * continuation token; a failed page surfaces as an {@link java.io.UncheckedIOException} from the stream.
 * Methods block until OSS answers; an interrupt gives {@link java.io.InterruptedIOException} and keeps the flag.
 */
public final class QosAdminClient implements AutoCloseable {

    private static final String REQUESTER_QOS_INFO = "requesterQosInfo";

    private final QosExchange exchange;
    private final int pageSize;
    private final boolean validate;
    private final boolean preflight;

    QosAdminClient(QosAdminClientBuilder.Settings settings) {
        this.exchange = new QosExchange(settings.endpoint, settings.transport, settings.signer, settings.credentials,
                settings.clock);
        this.pageSize = settings.pageSize;
        this.validate = settings.validate;
        this.preflight = settings.preflight;
    }

    /** A builder; endpoint, credentials, transport and a region (or a signer) are required. */
    public static QosAdminClientBuilder builder() {
        return new QosAdminClientBuilder();
    }

    // ---- requester QoS at pool level ----

    /**
     * PutResourcePoolRequesterQoSInfo: sets the QoS of {@code requester} in {@code pool}. With pre-flight on,
     * first reads the pool and its requesters and refuses a value over the pool's item or a sum over it.
     *
     * @throws InvalidQosConfigurationException if a rule of the QoS API is broken (nothing is sent)
     */
    public void putResourcePoolRequesterQosInfo(String pool, String requester, QoSConfiguration qos) throws IOException {
        checkRequesterPut(pool, requester, qos);
        if (preflight && validate) {
            Preflight.checkPoolRequester(this, pool, requester, qos);
        }
        exchange.put(OssResource.region(), poolRequester(pool, requester), QosDocuments.toXml(qos));
    }

    /** GetResourcePoolRequesterQoSInfo: the QoS of {@code requester} in {@code pool}. */
    public RequesterQosInfo getResourcePoolRequesterQosInfo(String pool, String requester) throws IOException {
        checkPoolAndRequester(pool, requester);
        return QosDocuments.fromXml(exchange.get(OssResource.region(), poolRequester(pool, requester),
                RequesterQoSInfoXml.class));
    }

    /** ListResourcePoolRequesterQoSInfos with the client's page size; see {@link #listResourcePoolRequesterQosInfos(String, int)}. */
    public Stream<RequesterQosInfo> listResourcePoolRequesterQosInfos(String pool) {
        return listResourcePoolRequesterQosInfos(pool, pageSize);
    }

    /** ListResourcePoolRequesterQoSInfos: every requester QoS of {@code pool}, {@code pageSize} per request. */
    public Stream<RequesterQosInfo> listResourcePoolRequesterQosInfos(String pool, int pageSize) {
        checkPool(pool);
        int maxKeys = QosAdminClientBuilder.checkPageSize(pageSize);
        return Pages.stream(token -> requesterPage(exchange.get(OssResource.region(), OssQuery.of(REQUESTER_QOS_INFO)
                .with("resourcePool", pool).withOptional("continuation-token", token)
                .with("max-keys", Integer.toString(maxKeys)), ListResourcePoolRequesterQoSInfosResult.class)));
    }

    /** DeleteResourcePoolRequesterQoSInfo: removes the QoS of {@code requester} in {@code pool}. */
    public void deleteResourcePoolRequesterQosInfo(String pool, String requester) throws IOException {
        checkPoolAndRequester(pool, requester);
        exchange.delete(OssResource.region(), poolRequester(pool, requester));
    }

    // ---- requester QoS at bucket level ----

    /**
     * PutBucketRequesterQoSInfo: sets the QoS of {@code requester} in {@code bucket}. With pre-flight on, first
     * reads the bucket's QoS and refuses a value over its item.
     *
     * @throws InvalidQosConfigurationException if a rule of the QoS API is broken (nothing is sent)
     * @throws IllegalArgumentException if the bucket name breaks the OSS rules
     */
    public void putBucketRequesterQosInfo(String bucket, String requester, QoSConfiguration qos) throws IOException {
        OssResource resource = OssResource.bucket(bucket);
        checkRequesterPut(null, requester, qos);
        if (preflight && validate) {
            Preflight.checkBucketRequester(this, bucket, requester, qos);
        }
        exchange.put(resource, bucketRequester(requester), QosDocuments.toXml(qos));
    }

    /** GetBucketRequesterQoSInfo: the QoS of {@code requester} in {@code bucket}. */
    public RequesterQosInfo getBucketRequesterQosInfo(String bucket, String requester) throws IOException {
        OssResource resource = OssResource.bucket(bucket);
        checkRequester(requester);
        return QosDocuments.fromXml(exchange.get(resource, bucketRequester(requester), RequesterQoSInfoXml.class));
    }

    /** ListBucketRequesterQoSInfos with the client's page size; see {@link #listBucketRequesterQosInfos(String, int)}. */
    public Stream<RequesterQosInfo> listBucketRequesterQosInfos(String bucket) {
        return listBucketRequesterQosInfos(bucket, pageSize);
    }

    /** ListBucketRequesterQoSInfos: every requester QoS of {@code bucket}, {@code pageSize} per request. */
    public Stream<RequesterQosInfo> listBucketRequesterQosInfos(String bucket, int pageSize) {
        OssResource resource = OssResource.bucket(bucket);
        int maxKeys = QosAdminClientBuilder.checkPageSize(pageSize);
        return Pages.stream(token -> requesterPage(exchange.get(resource, OssQuery.of(REQUESTER_QOS_INFO)
                .withOptional("continuation-token", token).with("max-keys", Integer.toString(maxKeys)),
                ListBucketRequesterQoSInfosResult.class)));
    }

    /** DeleteBucketRequesterQoSInfo: removes the QoS of {@code requester} in {@code bucket}. */
    public void deleteBucketRequesterQosInfo(String bucket, String requester) throws IOException {
        OssResource resource = OssResource.bucket(bucket);
        checkRequester(requester);
        exchange.delete(resource, bucketRequester(requester));
    }

    // ---- bucket QoS ----

    /**
     * PutBucketQoSInfo: sets the QoS of {@code bucket}. With pre-flight on, first finds the bucket's resource pool
     * (walking ListResourcePools and ListResourcePoolBuckets) and refuses a value over the pool's item.
     *
     * @throws InvalidQosConfigurationException if an item exceeds its total (nothing is sent)
     */
    public void putBucketQosInfo(String bucket, QoSConfiguration qos) throws IOException {
        OssResource resource = OssResource.bucket(bucket);
        checkConfiguration(qos);
        if (preflight && validate) {
            Preflight.checkBucket(this, bucket, qos);
        }
        exchange.put(resource, OssQuery.of("qosInfo"), QosDocuments.toXml(qos));
    }

    /** GetBucketQoSInfo: the QoS of {@code bucket}. */
    public QoSConfiguration getBucketQosInfo(String bucket) throws IOException {
        OssResource resource = OssResource.bucket(bucket);
        return QosDocuments.fromXml(exchange.get(resource, OssQuery.of("qosInfo"), QoSConfigurationXml.class));
    }

    /** DeleteBucketQoSInfo: removes the QoS of {@code bucket}. */
    public void deleteBucketQosInfo(String bucket) throws IOException {
        OssResource resource = OssResource.bucket(bucket);
        exchange.delete(resource, OssQuery.of("qosInfo"));
    }

    // ---- resource pools ----

    /** ListResourcePools with the client's page size; see {@link #listResourcePools(int)}. */
    public Stream<ResourcePool> listResourcePools() {
        return listResourcePools(pageSize);
    }

    /** ListResourcePools: every resource pool of the account in the region, {@code pageSize} per request. */
    public Stream<ResourcePool> listResourcePools(int pageSize) {
        int maxKeys = QosAdminClientBuilder.checkPageSize(pageSize);
        return Pages.stream(token -> {
            ListResourcePoolsResult page = exchange.get(OssResource.region(), OssQuery.of("resourcePool")
                    .withOptional("continuation-token", token).with("max-keys", Integer.toString(maxKeys)),
                    ListResourcePoolsResult.class);
            List<ResourcePool> pools = new ArrayList<>();
            for (ListResourcePoolsResult.Pool pool : page.resourcePools) {
                pools.add(QosDocuments.fromXml(pool));
            }
            return new Pages.Page<>(pools, Boolean.TRUE.equals(page.truncated), page.nextContinuationToken);
        });
    }

    /** GetResourcePoolInfo: {@code pool} and its QoS. */
    public ResourcePoolInfo getResourcePoolInfo(String pool) throws IOException {
        checkPool(pool);
        return QosDocuments.fromXml(exchange.get(OssResource.region(),
                OssQuery.of("resourcePoolInfo").with("resourcePool", pool), GetResourcePoolInfoResponse.class));
    }

    /** ListResourcePoolBuckets with the client's page size; see {@link #listResourcePoolBuckets(String, int)}. */
    public Stream<ResourcePoolBucket> listResourcePoolBuckets(String pool) {
        return listResourcePoolBuckets(pool, pageSize);
    }

    /** ListResourcePoolBuckets: every bucket of {@code pool}, {@code pageSize} per request. */
    public Stream<ResourcePoolBucket> listResourcePoolBuckets(String pool, int pageSize) {
        checkPool(pool);
        int maxKeys = QosAdminClientBuilder.checkPageSize(pageSize);
        return Pages.stream(token -> {
            ListResourcePoolBucketsResult page = exchange.get(OssResource.region(), OssQuery.of("resourcePoolBuckets")
                    .with("resourcePool", pool).withOptional("continuation-token", token)
                    .with("max-keys", Integer.toString(maxKeys)), ListResourcePoolBucketsResult.class);
            List<ResourcePoolBucket> buckets = new ArrayList<>();
            for (ListResourcePoolBucketsResult.Bucket bucket : page.buckets) {
                buckets.add(QosDocuments.fromXml(bucket));
            }
            return new Pages.Page<>(buckets, Boolean.TRUE.equals(page.truncated), page.nextContinuationToken);
        });
    }

    /** Closes the transport. */
    @Override
    public void close() {
        exchange.close();
    }

    // ---- checks and queries ----

    private void checkRequesterPut(String pool, String requester, QoSConfiguration qos) {
        if (pool != null) {
            checkPool(pool);
        }
        checkRequester(requester);
        checkConfiguration(qos);
        if (validate) {
            QosRules.checkRequesterMinimum(requester, qos);
        }
    }

    private void checkConfiguration(QoSConfiguration qos) {
        if (qos == null) {
            throw QosRules.isNull("QoSConfiguration", "use QoSConfiguration.unlimited() for no limits");
        }
        if (validate) {
            QosRules.checkComponentsFitTotals(qos); // again: buildUnchecked() skips it
        }
    }

    private void checkPoolAndRequester(String pool, String requester) {
        checkPool(pool);
        checkRequester(requester);
    }

    private void checkRequester(String requester) {
        if (validate || requester == null) {
            QosRules.checkRequester(requester);
        }
    }

    private void checkPool(String pool) {
        if (validate || pool == null) {
            QosRules.checkPool(pool);
        }
    }

    private static OssQuery poolRequester(String pool, String requester) {
        return OssQuery.of(REQUESTER_QOS_INFO).with("resourcePool", pool).with("qosRequester", requester);
    }

    private static OssQuery bucketRequester(String requester) {
        return OssQuery.of(REQUESTER_QOS_INFO).with("qosRequester", requester);
    }

    private static Pages.Page<RequesterQosInfo> requesterPage(ListRequesterQoSInfosXml page) throws IOException {
        List<RequesterQosInfo> infos = new ArrayList<>();
        for (RequesterQoSInfoXml info : page.requesterQoSInfos) {
            infos.add(QosDocuments.fromXml(info));
        }
        return new Pages.Page<>(infos, Boolean.TRUE.equals(page.truncated), page.nextContinuationToken);
    }

    /** The configuration, never a secret. */
    @Override
    public String toString() {
        return "QosAdminClient[pageSize=" + pageSize + ", validate=" + validate + ", preflight=" + preflight + "]";
    }
}
