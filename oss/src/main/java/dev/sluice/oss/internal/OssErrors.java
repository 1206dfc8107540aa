package dev.sluice.oss.internal;

import dev.sluice.api.Headers;
import dev.sluice.oss.OssServiceException;
import dev.sluice.oss.internal.xml.ErrorDocument;
import dev.sluice.oss.internal.xml.OssXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Turns a failed OSS response into an {@link OssServiceException}, whatever shape its body has. */
public final class OssErrors {

    /** The most of a non-XML body kept as the message (proxies answer with whole HTML pages). */
    private static final int MAX_TEXT_MESSAGE = 200;

    private OssErrors() {
    }

    /**
     * The exception for a response with {@code status}, {@code headers} and {@code body}.
     *
     * <p>The error document comes from the body or, for HEAD responses that cannot have one, from the
     * base64 {@code x-oss-err} header; the request id and EC fall back to the {@code x-oss-request-id} and
     * {@code x-oss-ec} headers. A body that is not an error document becomes the message, shortened.
     */
    public static OssServiceException toException(int status, Headers headers, byte[] body) {
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
}
