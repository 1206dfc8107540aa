package dev.sluice.emulator.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/** What the pool-level and bucket-level QoS operations share: parameters, bodies and answers. */
final class QosRequests {

    /** Reference 3.3 rule 8. */
    static final int MAX_REQUESTER_LENGTH = 1024;

    private QosRequests() {
    }

    /** {@code qosRequester}: non-empty and at most 1024 characters (EC 0004-00000101). */
    static String requester(OssRequest request) {
        String requester = request.query().get("qosRequester").orElse("");
        if (requester.isEmpty() || requester.length() > MAX_REQUESTER_LENGTH) {
            throw ErrorCodes.qos("qosRequester must be a requester UID of 1.." + MAX_REQUESTER_LENGTH + " characters, was "
                    + requester.length() + " characters long", ErrorCodes.EC_QOS_REQUESTER);
        }
        return requester;
    }

    /** {@code resourcePool}: required by every pool-level operation but ListResourcePools. */
    static String pool(OssRequest request) {
        String pool = request.query().get("resourcePool").orElse("");
        if (pool.isEmpty()) {
            throw ErrorCodes.invalidArgument("the resourcePool parameter must name a resource pool");
        }
        return pool;
    }

    /**
     * The {@code QoSConfiguration} of a Put: at most {@link QosBody#MAX_BYTES}, and matching its
     * {@code Content-MD5} when sent (oss2 sends one for PutBucketQoSInfo).
     */
    static QosConfig body(OssRequest request, Reply reply) throws IOException {
        byte[] body;
        try (InputStream in = reply.requestBody()) {
            body = in.readNBytes(QosBody.MAX_BYTES + 1);
        }
        if (body.length > QosBody.MAX_BYTES) {
            throw ErrorCodes.malformedXml("a QoSConfiguration body is at most " + QosBody.MAX_BYTES + " B");
        }
        String contentMd5 = request.header("Content-MD5");
        if (contentMd5 != null && !contentMd5.trim().equals(Base64.getEncoder().encodeToString(BlobStore.md5().digest(body)))) {
            throw new OssError(400, "InvalidDigest", "The Content-MD5 you specified is not valid.",
                    ErrorCodes.EC_INVALID_DIGEST);
        }
        return QosBody.parse(new ByteArrayInputStream(body));
    }

    /** {@code <RequesterQoSInfo>}, as Get returns it and List repeats it. */
    static String requesterXml(String requester, QosConfig config) {
        return "<RequesterQoSInfo>" + Xml.element("Requester", requester) + config.toXml() + "</RequesterQoSInfo>";
    }

    /** 200 with no body (a Put, a Delete). */
    static void ok(Reply reply) throws IOException {
        reply.send(200, 0, null);
    }

    static OssError methodNotAllowed() {
        return new OssError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.",
                ErrorCodes.EC_NOT_IMPLEMENTED);
    }
}
