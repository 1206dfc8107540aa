package dev.sluice.emulator.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads a {@code CompleteMultipartUpload} body with StAX, refusing any DOCTYPE (no DTDs, no external entities). */
final class CompleteMultipartBody {

    /**
     * One {@code <Part>} of the body.
     *
     * @param number the part number
     * @param etag the ETag as sent (quoted)
     */
    record PartReference(int number, String etag) {
    }

    private static final XMLInputFactory FACTORY = Xml.hardenedInputFactory();

    private CompleteMultipartBody() {
    }

    /** The parts in document order; MalformedXML for anything else. */
    static List<PartReference> parse(InputStream in) {
        List<PartReference> parts = new ArrayList<>();
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
            String number = null;
            String etag = null;
            StringBuilder text = new StringBuilder();
            boolean rootSeen = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw ErrorCodes.malformedXml("DOCTYPE is not allowed in CompleteMultipartUpload");
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    text.setLength(0);
                    String name = reader.getLocalName();
                    if (!rootSeen && !name.equals("CompleteMultipartUpload")) {
                        throw ErrorCodes.malformedXml("the root element must be CompleteMultipartUpload, was " + name);
                    }
                    rootSeen = true;
                    if (name.equals("Part")) {
                        number = null;
                        etag = null;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("PartNumber")) {
                        number = text.toString().trim();
                    } else if (name.equals("ETag")) {
                        etag = text.toString().trim();
                    } else if (name.equals("Part")) {
                        parts.add(new PartReference(partNumber(number), etag == null ? "" : etag));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw ErrorCodes.malformedXml("The XML you provided was not well-formed: " + e.getMessage());
        }
        return parts;
    }

    private static int partNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ErrorCodes.malformedXml("PartNumber \"" + text + "\" is not a number");
        }
    }
}
