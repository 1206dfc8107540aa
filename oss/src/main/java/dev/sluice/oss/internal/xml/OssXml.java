package dev.sluice.oss.internal.xml;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The one hardened XML mapper of the OSS dialect, for every XML body OSS sends or receives (errors,
 * multipart, and later the QoS admin documents).
 *
 * <p>Hardening: the StAX factory refuses DTD support and external entities (Jackson's defaults, set
 * again explicitly because a replaced factory would lose them), and every document is read through a
 * stream reader that throws on a {@code DOCTYPE}, because Woodstox with DTD support off still accepts a
 * bare {@code <!DOCTYPE>} and merely ignores its internal subset. OSS never sends a DOCTYPE, so refusing
 * all of them costs nothing and closes XXE and entity expansion ("billion laughs") at the root.
 * Entity replacement is deliberately left on: switching it off makes attack payloads parse "successfully"
 * with the entity silently dropped.
 */
public final class OssXml {

    private static final XmlMapper MAPPER = createMapper();

    private OssXml() {
    }

    /** Reads {@code type} from {@code bytes}; unknown elements are ignored. */
    public static <T> T read(byte[] bytes, Class<T> type) throws IOException {
        return read(new ByteArrayInputStream(bytes), type);
    }

    /**
     * Reads {@code type} from {@code in}.
     *
     * @throws IOException if the document is malformed, has a DOCTYPE, or does not bind to {@code type}
     */
    public static <T> T read(InputStream in, Class<T> type) throws IOException {
        XMLStreamReader reader;
        try {
            reader = new DoctypeRefusingReader(MAPPER.getFactory().getXMLInputFactory().createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw new IOException("malformed XML: " + e.getMessage(), e);
        }
        try {
            return MAPPER.readValue(reader, type);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // the document has been read or has failed already; closing cannot add information
            }
        }
    }

    /** Writes {@code document} as UTF-8 XML with an XML declaration. */
    public static byte[] write(Object document) throws IOException {
        return MAPPER.writeValueAsBytes(document);
    }

    private static XmlMapper createMapper() {
        XmlMapper mapper = new XmlMapper();
        XMLInputFactory input = mapper.getFactory().getXMLInputFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
        mapper.configure(ToXmlGenerator.Feature.WRITE_XML_DECLARATION, true);
        return mapper;
    }

    /** Fails on the DTD event, i.e. on any DOCTYPE, before its content can matter. */
    private static final class DoctypeRefusingReader extends StreamReaderDelegate {

        DoctypeRefusingReader(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            return refuseDtd(super.next());
        }

        @Override
        public int nextTag() throws XMLStreamException {
            return refuseDtd(super.nextTag());
        }

        private int refuseDtd(int event) throws XMLStreamException {
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("DOCTYPE not allowed in an OSS XML document", getLocation());
            }
            return event;
        }
    }
}
