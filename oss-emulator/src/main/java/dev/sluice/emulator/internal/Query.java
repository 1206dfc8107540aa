package dev.sluice.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The query of a request: decoded names and values, and the raw segments to rebuild it without some names. */
final class Query {

    private final List<String[]> parameters; // {name, value or null, raw segment}

    private Query(List<String[]> parameters) {
        this.parameters = parameters;
    }

    /** Parses a raw query; {@code +} stays a plus, as OSS signs it. */
    static Query parse(String rawQuery) {
        List<String[]> parameters = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String segment : rawQuery.split("&")) {
                if (segment.isEmpty()) {
                    continue;
                }
                int eq = segment.indexOf('=');
                String name = decode(eq < 0 ? segment : segment.substring(0, eq));
                String value = eq < 0 ? null : decode(segment.substring(eq + 1));
                parameters.add(new String[] {name, value, segment});
            }
        }
        return new Query(parameters);
    }

    boolean has(String name) {
        return parameters.stream().anyMatch(p -> p[0].equals(name));
    }

    /** The value of {@code name}; empty when absent, {@code ""} when valueless. */
    Optional<String> get(String name) {
        return parameters.stream().filter(p -> p[0].equals(name)).findFirst().map(p -> p[1] == null ? "" : p[1]);
    }

    /** The raw query without the parameters named, or null when nothing is left. */
    String rawWithout(Set<String> names) {
        StringBuilder raw = new StringBuilder();
        for (String[] p : parameters) {
            if (!names.contains(p[0])) {
                raw.append(raw.length() == 0 ? "" : "&").append(p[2]);
            }
        }
        return raw.length() == 0 ? null : raw.toString();
    }

    /** Percent-decodes UTF-8 (RFC 3986: {@code +} is a plus); a malformed escape stays as it is. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int end = i + Character.charCount(raw.codePointAt(i));
                byte[] encoded = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
