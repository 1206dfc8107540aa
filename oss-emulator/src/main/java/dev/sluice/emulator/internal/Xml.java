package dev.sluice.emulator.internal;

/** The few XML documents the emulator writes, escaped by hand: no binding library for five shapes. */
final class Xml {

    private Xml() {
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
