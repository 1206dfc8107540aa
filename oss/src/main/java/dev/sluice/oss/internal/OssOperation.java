package dev.sluice.oss.internal;

import dev.sluice.api.Request;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The object operations that accept {@code x-oss-traffic-limit}, recognised from a request's method,
 * path, sub-resources and copy-source header. Everything else (bucket operations, ACL, tagging, initiate
 * and complete multipart, HEAD, DELETE, image processing...) is {@link #OTHER}: OSS ignores or rejects
 * the limit there, so it is never added.
 */
public enum OssOperation {
    PUT_OBJECT, APPEND_OBJECT, POST_OBJECT, COPY_OBJECT, UPLOAD_PART, UPLOAD_PART_COPY, GET_OBJECT, OTHER;

    /** Query parameters a GetObject may carry and still be a plain download. */
    private static final Set<String> GET_OBJECT_PARAMS = Set.of("versionId", "response-content-type",
            "response-content-language", "response-expires", "response-cache-control", "response-content-disposition",
            "response-content-encoding");
    private static final Set<String> PART_PARAMS = Set.of("partNumber", "uploadId");
    private static final Set<String> APPEND_PARAMS = Set.of("append", "position");

    /** Whether OSS honours {@code x-oss-traffic-limit} on this operation. */
    public boolean acceptsTrafficLimit() {
        return this != OTHER;
    }

    /** The operation {@code request} performs, as far as the traffic limit is concerned. */
    public static OssOperation of(Request request) {
        QueryParams query = QueryParams.of(request.uri());
        // the limit as a query parameter does not change what the request does
        Set<String> names = new HashSet<>(query.names());
        names.remove("x-oss-traffic-limit");
        boolean hasKey = !Addressing.keyOf(request.uri()).isEmpty();
        boolean copy = request.headers().contains("x-oss-copy-source");
        switch (request.method()) {
            case "PUT":
                if (!hasKey) {
                    return OTHER;
                }
                if (names.isEmpty()) {
                    return copy ? COPY_OBJECT : PUT_OBJECT;
                }
                return names.equals(PART_PARAMS) ? (copy ? UPLOAD_PART_COPY : UPLOAD_PART) : OTHER;
            case "POST":
                if (hasKey) {
                    return names.equals(APPEND_PARAMS) ? APPEND_OBJECT : OTHER;
                }
                return names.isEmpty() && isForm(request) ? POST_OBJECT : OTHER;
            case "GET":
                return hasKey && GET_OBJECT_PARAMS.containsAll(names) ? GET_OBJECT : OTHER;
            default:
                return OTHER;
        }
    }

    private static boolean isForm(Request request) {
        return request.headers().first("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")).orElse(false);
    }
}
