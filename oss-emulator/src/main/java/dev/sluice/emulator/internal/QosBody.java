package dev.sluice.emulator.internal;

import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the {@code QoSConfiguration} body of a Put (reference 3.2) with StAX, refusing any DOCTYPE. Items
 * omitted are -1, as ossutil documents; unknown children are ignored. Only the syntax is checked here
 * (root, integers); the values are {@link QosRules}' business.
 */
final class QosBody {

    /** A body larger than this is no QoSConfiguration. */
    static final int MAX_BYTES = 64 * 1024;

    private static final XMLInputFactory FACTORY = Xml.hardenedInputFactory();

    private QosBody() {
    }

    static QosConfig parse(InputStream body) {
        Map<QosItem, Long> items = new EnumMap<>(QosItem.class);
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(body);
            int depth = 0;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw ErrorCodes.malformedXml("DOCTYPE is not allowed in QoSConfiguration");
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    text.setLength(0);
                    if (depth == 1 && !reader.getLocalName().equals("QoSConfiguration")) {
                        throw new OssError(400, "MalformedXML", "the root element must be QoSConfiguration, was "
                                + reader.getLocalName(), ErrorCodes.EC_QOS_ROOT);
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    QosItem item = depth == 2 ? QosItem.byElement(reader.getLocalName()) : null;
                    if (item != null) {
                        items.put(item, integer(item, text.toString().trim()));
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw ErrorCodes.malformedXml("The XML you provided was not well-formed: " + e.getMessage());
        }
        return QosConfig.of(items);
    }

    private static long integer(QosItem item, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ErrorCodes.qos(item.element() + " \"" + text + "\" is not an integer number of " + item.unit(),
                    ErrorCodes.EC_QOS_NOT_INTEGER);
        }
    }
}
