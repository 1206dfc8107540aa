package dev.sluice.oss.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The string to sign of legacy OSS V1 ({@code OSS ak:signature}, HMAC-SHA1): method, Content-MD5,
 * Content-Type, date (or {@code Expires} of a presigned URL), the {@code x-oss-*} headers and the
 * canonical resource with its sub-resources.
 */
public final class V1Canonical {

    /**
     * The query parameters V1 signs: the union of the lists of the official SDKs (Python {@code oss2},
     * Java 3.18.5, Go v2), with the resource-pool QoS names of {@code oss2}. Any other name is signed only
     * when it starts with {@code x-oss-} (the Go v2 rule, which covers {@code x-oss-traffic-limit} and
     * {@code x-oss-process}).
     */
    public static final Set<String> SUB_RESOURCES = Set.of(
            "acl", "uploads", "location", "cors", "logging", "website", "referer", "lifecycle", "delete",
            "append", "tagging", "objectMeta", "uploadId", "partNumber", "security-token", "position",
            "response-content-type", "response-content-language", "response-expires", "response-cache-control",
            "response-content-disposition", "response-content-encoding", "img", "style", "styleName",
            "replication", "replicationProgress", "replicationLocation", "cname", "bucketInfo", "comp", "qos",
            "live", "status", "vod", "startTime", "endTime", "processConfiguration", "symlink", "stat", "udf",
            "udfName", "udfImage", "udfImageDesc", "udfApplication", "udfApplicationLog", "restore", "versions",
            "versioning", "versionId", "encryption", "policy", "requestPayment", "qosInfo", "asyncFetch",
            "sequential", "vpcip", "vip", "inventory", "inventoryId", "continuation-token", "worm", "wormId",
            "wormExtend", "callback", "callback-var", "transferAcceleration", "metaQuery", "resourceGroup",
            "regionList", "cloudboxes", "bucketArchiveDirectRead", "httpsConfig", "publicAccessBlock",
            "policyStatus", "redundancyTransition", "accessPoint", "accessPointPolicy", "seal",
            "requesterQosInfo", "qosRequester", "resourcePool", "resourcePoolInfo", "resourcePoolBuckets");

    private V1Canonical() {
    }

    /** Whether V1 signs the query parameter {@code name}. */
    public static boolean isSubResource(String name) {
        return SUB_RESOURCES.contains(name) || name.toLowerCase(Locale.ROOT).startsWith("x-oss-");
    }

    /**
     * The canonical resource: the unencoded resource path, then {@code ?} and the signed sub-resources
     * sorted by name, {@code name=value} with the raw value or {@code name} alone, joined by {@code &}.
     */
    public static String canonicalResource(String resourcePath, List<QueryParameter> query) {
        List<QueryParameter> signed = new ArrayList<>();
        for (QueryParameter parameter : query) {
            if (isSubResource(parameter.name())) {
                signed.add(parameter);
            }
        }
        signed.sort((a, b) -> a.name().compareTo(b.name()));
        StringBuilder out = new StringBuilder(resourcePath);
        char separator = '?';
        for (QueryParameter parameter : signed) {
            out.append(separator).append(parameter.name());
            if (parameter.hasValue()) {
                out.append('=').append(parameter.value());
            }
            separator = '&';
        }
        return out.toString();
    }

    /**
     * The string to sign.
     *
     * @param contentMd5 the Content-MD5 value, or empty
     * @param contentType the Content-Type value, or empty
     * @param date the RFC 1123 date, or the {@code Expires} epoch seconds of a presigned URL
     * @param ossHeaders lower-case {@code x-oss-*} names to trimmed values, sorted by name
     */
    public static String stringToSign(String method, String contentMd5, String contentType, String date,
            SortedMap<String, String> ossHeaders, String canonicalResource) {
        StringBuilder out = new StringBuilder(256);
        out.append(method).append('\n').append(contentMd5).append('\n').append(contentType).append('\n')
                .append(date).append('\n');
        for (Map.Entry<String, String> header : ossHeaders.entrySet()) {
            out.append(header.getKey()).append(':').append(header.getValue()).append('\n');
        }
        return out.append(canonicalResource).toString();
    }
}
