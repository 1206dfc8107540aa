package dev.sluice.oss;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OSS answered a request with an error: the HTTP status plus what the {@code <Error>} document (or, when
 * there is none, the {@code x-oss-request-id} and {@code x-oss-ec} headers) said.
 *
 * <p>It is an {@link IOException} because it is the failure of an I/O operation, seen by the same callers
 * and handled by the same code (retry, report) as a dropped connection; a checked exception also makes a
 * caller of {@link OssClient} decide what a {@code NoSuchKey} means for it. The message never contains
 * credentials: OSS echoes the access key id and string-to-sign of signature errors, and those stay in
 * {@link #details()}.
 */
public final class OssServiceException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String errorMessage;
    private final String requestId;
    private final String hostId;
    private final String ec;
    private final LinkedHashMap<String, String> details;

    /**
     * An error as OSS reported it; absent parts are empty strings, never null.
     *
     * @param status the HTTP status
     * @param code the OSS error code ({@code NoSuchKey}), or "" when the response had no error document
     * @param errorMessage the OSS message, or "" when there was none
     * @param requestId the request id from the document or the {@code x-oss-request-id} header
     * @param hostId the host id from the document
     * @param ec the detailed error code ({@code 0002-00000040}) from the document or the {@code x-oss-ec} header
     * @param details the other elements of the error document, by name
     */
    public OssServiceException(int status, String code, String errorMessage, String requestId, String hostId, String ec,
            Map<String, String> details) {
        super(describe(status, text(code), text(errorMessage), text(requestId), text(ec)));
        this.status = status;
        this.code = text(code);
        this.errorMessage = text(errorMessage);
        this.requestId = text(requestId);
        this.hostId = text(hostId);
        this.ec = text(ec);
        this.details = new LinkedHashMap<>(details == null ? Map.of() : details);
    }

    /** The HTTP status, e.g. 404. */
    public int status() {
        return status;
    }

    /** The OSS error code, e.g. {@code NoSuchKey}; "" when the response carried no error document. */
    public String code() {
        return code;
    }

    /** The message OSS wrote, e.g. "The specified key does not exist."; "" when there was none. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The id of the failed request, which OSS support asks for; "" if neither body nor header had it. */
    public String requestId() {
        return requestId;
    }

    /** The host that answered, as OSS names it; "" if unknown. */
    public String hostId() {
        return hostId;
    }

    /** The detailed error code ("EC"), e.g. {@code 0002-00000040}; "" if unknown. */
    public String ec() {
        return ec;
    }

    /** The other elements of the error document (RecommendDoc, ArgumentName, StringToSign...), in order. */
    public Map<String, String> details() {
        return Collections.unmodifiableMap(details);
    }

    private static String describe(int status, String code, String message, String requestId, String ec) {
        StringBuilder text = new StringBuilder("OSS error ").append(status);
        if (!code.isEmpty()) {
            text.append(' ').append(code);
        }
        if (!message.isEmpty()) {
            text.append(": ").append(message);
        }
        text.append(" (request id ").append(requestId.isEmpty() ? "unknown" : requestId);
        if (!ec.isEmpty()) {
            text.append(", EC ").append(ec);
        }
        return text.append(')').toString();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
