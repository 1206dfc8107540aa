package dev.sluice.emulator.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Range} header as OSS reads it: one {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}
 * range; anything else, or a range outside the object, is ignored and the whole object is served (200).
 */
final class Ranges {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private Ranges() {
    }

    /** {first, last} inclusive, or null to serve the whole object. */
    static long[] parse(String header, long size) {
        if (header == null || size == 0) {
            return null;
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                return suffix == 0 ? null : new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first)) {
                return null;
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
