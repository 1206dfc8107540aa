package dev.sluice.emulator.internal;

import java.io.IOException;

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

    static QosConfig body(Reply reply) {
        return QosBody.parse(reply.requestBody());
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
