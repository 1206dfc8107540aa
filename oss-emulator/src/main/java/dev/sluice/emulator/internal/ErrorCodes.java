package dev.sluice.emulator.internal;

/**
 * The errors the emulator answers. ECs quoted in the protocol reference (sections 1.2, 2, 3.3, 4) are exact;
 * the ones marked "assumed" are not in the reference and only have to be stable.
 */
final class ErrorCodes {

    /** Reference 4.1 example. */
    static final String EC_SIGNATURE_MISMATCH = "0002-00000040";
    /** Reference 1.2: x-oss-expires missing. */
    static final String EC_EXPIRES_MISSING = "0002-00000215";
    /** Reference 1.2: x-oss-expires outside 1..604800. */
    static final String EC_EXPIRES_RANGE = "0002-00000232";
    /** Reference 1.2: the presigned URL has expired. */
    static final String EC_EXPIRED = "0002-00000236";
    /** Reference 1.1: x-oss-content-sha256 other than UNSIGNED-PAYLOAD. */
    static final String EC_CONTENT_SHA256 = "0002-00000214";
    /** Reference 2: traffic limit in both header and query. */
    static final String EC_TRAFFIC_LIMIT_TWICE = "0004-00000501";
    /** Reference 2: traffic limit not a number or out of range. */
    static final String EC_TRAFFIC_LIMIT_VALUE = "0004-00000502";
    /** Reference 4.2: parts not ascending. */
    static final String EC_PART_ORDER = "0042-00000209";
    /** Reference 4.2: a part other than the last under 100 KiB. */
    static final String EC_ENTITY_TOO_SMALL = "0042-00000213";
    /** Assumed: no Authorization and no presign parameters. */
    static final String EC_ANONYMOUS = "0003-00000001";
    /** Assumed: unknown access key id. */
    static final String EC_UNKNOWN_KEY = "0002-00000002";
    /** Assumed: the request date is more than 15 minutes off. */
    static final String EC_SKEWED = "0002-00000223";
    /** Assumed: the other errors (no such bucket, key, upload; bad part; bad argument; bad XML). */
    static final String EC_NO_SUCH_BUCKET = "0015-00000101";
    static final String EC_NO_SUCH_KEY = "0026-00000001";
    static final String EC_NO_SUCH_UPLOAD = "0042-00000002";
    static final String EC_INVALID_PART = "0042-00000204";
    static final String EC_INVALID_ARGUMENT = "0017-00000001";
    static final String EC_MALFORMED_XML = "0042-00000201";
    static final String EC_INVALID_DIGEST = "0016-00000101";
    static final String EC_NOT_IMPLEMENTED = "0000-00000501";
    /** Reference 3.3 rule 8: qosRequester empty or over 1024 characters. */
    static final String EC_QOS_REQUESTER = "0004-00000101";
    /** Reference 3.3 rule 9: the root of a Put body is not QoSConfiguration. */
    static final String EC_QOS_ROOT = "0004-00000102";
    /** Reference 3.3 rule 9: an item is empty or not an integer. */
    static final String EC_QOS_NOT_INTEGER = "0004-00000103";
    /** Reference 3.3 rule 9: TotalQps invalid (here: below -1). */
    static final String EC_QOS_TOTAL_QPS = "0004-00000110";
    /** Reference 3.3 rule 9, "values consistent": here a component above its total (rule 2). */
    static final String EC_QOS_INCONSISTENT = "0004-00000114";
    /** Assumed: an item other than TotalQps below -1 (rule 1). */
    static final String EC_QOS_RANGE = "0004-00000111";
    /** Assumed: a bucket item above the pool's item (rule 3). */
    static final String EC_QOS_BUCKET_ABOVE_POOL = "0004-00000115";
    /** Assumed: a pool-level requester item above the pool's item (rule 4). */
    static final String EC_QOS_REQUESTER_ABOVE_POOL = "0004-00000116";
    /** Assumed: the pool's requesters together above the pool's item (rule 4). */
    static final String EC_QOS_REQUESTERS_SUM = "0004-00000117";
    /** Assumed: a bucket-level requester item above the bucket's item (rule 5). */
    static final String EC_QOS_REQUESTER_ABOVE_BUCKET = "0004-00000118";
    /** Assumed: a limited requester bandwidth item under 5 Gbit/s (rule 6). */
    static final String EC_QOS_REQUESTER_MINIMUM = "0004-00000119";
    /** Assumed: a 301st requester configuration in a pool or bucket (reference 3.1). */
    static final String EC_QOS_TOO_MANY_REQUESTERS = "0004-00000120";
    /** Assumed: the resource pool does not exist (404 and its message are from reference 3.3 rule 10). */
    static final String EC_NO_SUCH_RESOURCE_POOL = "0004-00000121";
    /** Assumed: no QoS configuration for the requester. */
    static final String EC_NO_SUCH_REQUESTER = "0004-00000122";
    /** Marks errors a {@link dev.sluice.emulator.Fault} injected. */
    static final String EC_INJECTED = "0000-00000000";

    private ErrorCodes() {
    }

    static OssError noSuchBucket(String bucket) {
        return new OssError(404, "NoSuchBucket", "The specified bucket does not exist.", EC_NO_SUCH_BUCKET);
    }

    static OssError noSuchKey() {
        return new OssError(404, "NoSuchKey", "The specified key does not exist.", EC_NO_SUCH_KEY);
    }

    static OssError noSuchUpload() {
        return new OssError(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid,"
                + " or the upload may have been aborted or completed.", EC_NO_SUCH_UPLOAD);
    }

    static OssError invalidArgument(String message) {
        return new OssError(400, "InvalidArgument", message, EC_INVALID_ARGUMENT);
    }

    static OssError accessDenied(String message, String ec) {
        return new OssError(403, "AccessDenied", message, ec);
    }

    static OssError signatureMismatch() {
        return new OssError(403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                EC_SIGNATURE_MISMATCH);
    }

    /** A QoS rule broken (reference 3.3; status 400 and the code are unverified there). */
    static OssError qos(String message, String ec) {
        return new OssError(400, "InvalidArgument", message, ec);
    }

    /** Code assumed ("likely NoSuchResourcePool"); status and message observed by the oss2 tests. */
    static OssError noSuchResourcePool() {
        return new OssError(404, "NoSuchResourcePool", "The specified resource pool does not exist.", EC_NO_SUCH_RESOURCE_POOL);
    }

    /** Status, code and message assumed. */
    static OssError noSuchRequester() {
        return new OssError(404, "NoSuchQosRequester", "The specified requester QoS configuration does not exist.",
                EC_NO_SUCH_REQUESTER);
    }

    static OssError malformedXml(String message) {
        return new OssError(400, "MalformedXML", message, EC_MALFORMED_XML);
    }
}
