package dev.sluice.oss;

import dev.sluice.oss.internal.xml.OssXml;
import java.io.IOException;
import java.io.InputStream;

/**
 * The hardened XML mapper of the OSS dialect, for modules that bind OSS XML documents of their own (the QoS
 * admin client): unknown elements are ignored, documents are written as UTF-8 with an XML declaration, and
 * reading refuses any {@code DOCTYPE}, so external entities (XXE) and entity expansion ("billion laughs")
 * never get a chance to run. The document classes must be open to {@code com.fasterxml.jackson.databind}.
 *
 * <pre>{@code
 * MyDocument doc = OssXmlMapper.hardened().read(bytes, MyDocument.class);
 * byte[] body = OssXmlMapper.hardened().write(doc);
 * }</pre>
 */
public final class OssXmlMapper {

    private static final OssXmlMapper HARDENED = new OssXmlMapper();

    private OssXmlMapper() {
    }

    /** The mapper; one instance, safe to share between threads. */
    public static OssXmlMapper hardened() {
        return HARDENED;
    }

    /**
     * Reads {@code type} from {@code bytes}.
     *
     * @throws IOException if the document is malformed, has a DOCTYPE, or does not bind to {@code type}
     */
    public <T> T read(byte[] bytes, Class<T> type) throws IOException {
        return OssXml.read(bytes, type);
    }

    /** As {@link #read(byte[], Class)}, from a stream, which is not closed. */
    public <T> T read(InputStream in, Class<T> type) throws IOException {
        return OssXml.read(in, type);
    }

    /** Writes {@code document} as UTF-8 XML with an XML declaration. */
    public byte[] write(Object document) throws IOException {
        return OssXml.write(document);
    }

    /** Names what it is; it holds no configuration worth printing. */
    @Override
    public String toString() {
        return "OssXmlMapper[hardened]";
    }
}
