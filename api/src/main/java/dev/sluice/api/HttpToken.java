package dev.sluice.api;

/** The HTTP {@code token} grammar (RFC 9110, section 5.6.2), which header names and methods follow. */
final class HttpToken {

    private static final String SYMBOLS = "!#$%&'*+-.^_`|~";

    private HttpToken() {
    }

    /** Whether {@code text} is one or more {@code tchar}s. */
    static boolean isToken(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
