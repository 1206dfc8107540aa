package dev.sluice.emulator.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * The region-level QoS operations of reference 3.4: ListResourcePools, GetResourcePoolInfo,
 * ListResourcePoolBuckets and the four ResourcePoolRequesterQoSInfo operations.
 */
final class PoolOperations {

    /** The account id the emulator answers as {@code <Owner>}. */
    static final String OWNER = "1234567890123456";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final QosState state;
    private final String region;

    PoolOperations(QosState state, String region) {
        this.state = state;
        this.region = "oss-" + region;
    }

    /** Whether the query names one of these operations. */
    static boolean handles(Query query) {
        return query.has("requesterQosInfo") || query.has("resourcePoolInfo") || query.has("resourcePoolBuckets")
                || query.has("resourcePool");
    }

    void handle(OssRequest request, Reply reply) throws IOException {
        Query query = request.query();
        if (query.has("requesterQosInfo")) {
            requesterQos(request, reply);
        } else if (!request.method().equals("GET")) {
            throw QosRequests.methodNotAllowed();
        } else if (query.has("resourcePoolInfo")) {
            getResourcePoolInfo(request, reply);
        } else if (query.has("resourcePoolBuckets")) {
            listResourcePoolBuckets(request, reply);
        } else {
            listResourcePools(request, reply);
        }
    }

    private void requesterQos(OssRequest request, Reply reply) throws IOException {
        String pool = QosRequests.pool(request);
        switch (request.method()) {
            case "PUT":
                String put = QosRequests.requester(request);
                state.pool(pool); // an unknown pool first, whatever the body
                state.putPoolRequester(pool, put, QosRequests.body(request, reply));
                QosRequests.ok(reply);
                return;
            case "GET":
                if (!request.query().has("qosRequester")) {
                    listRequesters(pool, request, reply);
                    return;
                }
                String requester = QosRequests.requester(request);
                reply.sendXml(200, Xml.document("RequesterQoSInfo", Xml.element("Requester", requester)
                        + state.poolRequester(pool, requester).toXml()));
                return;
            case "DELETE":
                state.deletePoolRequester(pool, QosRequests.requester(request));
                QosRequests.ok(reply);
                return;
            default:
                throw QosRequests.methodNotAllowed();
        }
    }

    private void listRequesters(String pool, OssRequest request, Reply reply) throws IOException {
        Paging<QosConfig> page = Paging.of(state.poolRequesters(pool), request.query());
        StringBuilder xml = new StringBuilder(Xml.element("ResourcePool", pool)).append(page.tokensXml());
        for (Map.Entry<String, QosConfig> entry : page.entries()) {
            xml.append(QosRequests.requesterXml(entry.getKey(), entry.getValue()));
        }
        reply.sendXml(200, Xml.document("ListResourcePoolRequesterQoSInfosResult", xml.toString()));
    }

    private void listResourcePools(OssRequest request, Reply reply) throws IOException {
        Paging<QosState.Pool> page = Paging.of(state.pools(), request.query());
        StringBuilder xml = new StringBuilder(Xml.element("Region", region)).append(Xml.element("Owner", OWNER))
                .append(page.tokensXml());
        for (Map.Entry<String, QosState.Pool> entry : page.entries()) {
            xml.append("<ResourcePool>").append(Xml.element("Name", entry.getKey()))
                    .append(Xml.element("CreateTime", time(entry.getValue().created()))).append("</ResourcePool>");
        }
        reply.sendXml(200, Xml.document("ListResourcePoolsResult", xml.toString()));
    }

    private void getResourcePoolInfo(OssRequest request, Reply reply) throws IOException {
        QosState.Pool pool = state.pool(QosRequests.pool(request));
        reply.sendXml(200, Xml.document("GetResourcePoolInfoResponse", Xml.element("Region", region)
                + Xml.element("Name", pool.name()) + Xml.element("Owner", OWNER) + Xml.element("CreateTime", time(pool.created()))
                + pool.qos().toXml()));
    }

    private void listResourcePoolBuckets(OssRequest request, Reply reply) throws IOException {
        String pool = QosRequests.pool(request);
        Paging<Instant> page = Paging.of(state.poolBuckets(pool), request.query());
        StringBuilder xml = new StringBuilder(Xml.element("ResourcePool", pool)).append(page.tokensXml());
        for (Map.Entry<String, Instant> entry : page.entries()) {
            xml.append("<ResourcePoolBucket>").append(Xml.element("Name", entry.getKey()))
                    .append(Xml.element("JoinTime", time(entry.getValue()))).append("</ResourcePoolBucket>");
        }
        reply.sendXml(200, Xml.document("ListResourcePoolBucketsResult", xml.toString()));
    }

    /** {@code 2024-11-29T08:42:32.000Z}: milliseconds always written, as OSS does. */
    static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
