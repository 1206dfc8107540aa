package dev.sluice.emulator.internal;

import javax.xml.stream.XMLInputFactory;

/** The few XML documents the emulator writes, escaped by hand: no binding library for a dozen shapes;
 * and the hardened StAX factory the request bodies are read with. */
final class Xml {

    private Xml() {
    }

    /** A StAX factory that reads no DTD and resolves no external entity: a DOCTYPE shows up as a DTD event to refuse. */
    static XMLInputFactory hardenedInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    static String document(String root, String children) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + ">" + children + "</" + root + ">";
    }

    static String element(String name, Object value) {
        return "<" + name + ">" + escape(String.valueOf(value)) + "</" + name + ">";
    }

    /** Escapes element text; quotes stay as they are, as OSS writes {@code <ETag>"..."</ETag>}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
