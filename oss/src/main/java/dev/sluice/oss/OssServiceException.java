package dev.sluice.oss;

import dev.sluice.api.Headers;
import dev.sluice.oss.internal.xml.ErrorDocument;
import dev.sluice.oss.internal.xml.OssXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
    /** The most of a non-XML body kept as the message (proxies answer with whole HTML pages). */
    private static final int MAX_TEXT_MESSAGE = 200;

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

    /**
     * The exception for a failed OSS response with {@code status}, {@code headers} and {@code body}, for
     * modules that send OSS requests of their own (the QoS admin client) and must report errors as
     * {@link OssClient} does.
     *
     * <p>The error document comes from the body or, for HEAD responses that cannot have one, from the
     * base64 {@code x-oss-err} header; the request id and EC fall back to the {@code x-oss-request-id} and
     * {@code x-oss-ec} headers. A body that is not an error document (HTML from a proxy, plain text, XML
     * with a DOCTYPE) is never parsed further: it becomes the message, whitespace collapsed and cut to
     * 200 characters.
     *
     * <pre>{@code
     * if (!response.isSuccessful()) {
     *     throw OssServiceException.from(response.status(), response.headers(), body);
     * }
     * }</pre>
     *
     * @param status the HTTP status of the response
     * @param headers the response headers
     * @param body the response body as read (bounded by the caller), empty if there was none or it was unreadable
     * @throws IllegalArgumentException if {@code headers} or {@code body} is null
     */
    public static OssServiceException from(int status, Headers headers, byte[] body) {
        if (headers == null) {
            throw new IllegalArgumentException("headers must not be null (use Headers.of() for none)");
        }
        if (body == null) {
            throw new IllegalArgumentException("body must not be null (use new byte[0] for none)");
        }
        String requestIdHeader = headers.first("x-oss-request-id").orElse("");
        String ecHeader = headers.first("x-oss-ec").orElse("");
        byte[] document = body.length > 0 ? body : fromErrHeader(headers);
        ErrorDocument error = parse(document);
        if (error == null) {
            return new OssServiceException(status, "", plainText(body), requestIdHeader, "", ecHeader, Map.of());
        }
        return new OssServiceException(status, error.code, error.message, orElse(error.requestId, requestIdHeader),
                error.hostId, orElse(error.ec, ecHeader), error.details());
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

    private static ErrorDocument parse(byte[] document) {
        if (document.length == 0) {
            return null;
        }
        try {
            ErrorDocument error = OssXml.read(document, ErrorDocument.class);
            return error.code == null && error.message == null ? null : error;
        } catch (IOException | RuntimeException notAnErrorDocument) {
            // the body is HTML from a proxy, plain text, or hostile XML: report it as text, never parse further
            return null;
        }
    }

    private static byte[] fromErrHeader(Headers headers) {
        try {
            return headers.first("x-oss-err").map(v -> Base64.getDecoder().decode(v.strip())).orElse(new byte[0]);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    private static String plainText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.length() <= MAX_TEXT_MESSAGE ? text : text.substring(0, MAX_TEXT_MESSAGE) + "...";
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
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
