package dev.sluice.emulator.internal;

import java.io.IOException;
import java.util.Map;

/**
 * The bucket-level QoS operations of reference 3.4: Put/Get/DeleteBucketQoSInfo ({@code ?qosInfo}) and the
 * four BucketRequesterQoSInfo operations ({@code ?requesterQosInfo}). The bucket exists: the handler
 * checked it.
 */
final class BucketQosOperations {

    private final QosState state;

    BucketQosOperations(QosState state) {
        this.state = state;
    }

    /** Whether the query names one of these operations. */
    static boolean handles(Query query) {
        return query.has("qosInfo") || query.has("requesterQosInfo");
    }

    void handle(OssRequest request, Reply reply) throws IOException {
        if (request.query().has("requesterQosInfo")) {
            requesterQos(request, reply);
        } else {
            bucketQos(request, reply);
        }
    }

    private void bucketQos(OssRequest request, Reply reply) throws IOException {
        switch (request.method()) {
            case "PUT":
                state.putBucketQos(request.bucket(), QosRequests.body(request, reply));
                QosRequests.ok(reply);
                return;
            case "GET":
                reply.sendXml(200, Xml.document("QoSConfiguration", state.bucketQos(request.bucket()).itemsXml()));
                return;
            case "DELETE":
                state.deleteBucketQos(request.bucket());
                QosRequests.ok(reply);
                return;
            default:
                throw QosRequests.methodNotAllowed();
        }
    }

    private void requesterQos(OssRequest request, Reply reply) throws IOException {
        String bucket = request.bucket();
        switch (request.method()) {
            case "PUT":
                String put = QosRequests.requester(request);
                state.putBucketRequester(bucket, put, QosRequests.body(request, reply));
                QosRequests.ok(reply);
                return;
            case "GET":
                if (!request.query().has("qosRequester")) {
                    listRequesters(bucket, request, reply);
                    return;
                }
                String requester = QosRequests.requester(request);
                reply.sendXml(200, Xml.document("RequesterQoSInfo", Xml.element("Requester", requester)
                        + state.bucketRequester(bucket, requester).toXml()));
                return;
            case "DELETE":
                state.deleteBucketRequester(bucket, QosRequests.requester(request));
                // the oss2 integration tests observe 204 for this one Delete (reference 3.4)
                reply.send(204, 0, null);
                return;
            default:
                throw QosRequests.methodNotAllowed();
        }
    }

    private void listRequesters(String bucket, OssRequest request, Reply reply) throws IOException {
        Paging<QosConfig> page = Paging.of(state.bucketRequesters(bucket), request.query());
        StringBuilder xml = new StringBuilder(Xml.element("Bucket", bucket)).append(page.tokensXml());
        for (Map.Entry<String, QosConfig> entry : page.entries()) {
            xml.append(QosRequests.requesterXml(entry.getKey(), entry.getValue()));
        }
        reply.sendXml(200, Xml.document("ListBucketRequesterQoSInfosResult", xml.toString()));
    }
}
