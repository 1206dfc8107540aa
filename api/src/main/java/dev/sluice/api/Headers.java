package dev.sluice.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable HTTP headers: names compare case-insensitively and keep the case they were first given
 * in; a name may have several values, in order.
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(new LinkedHashMap<>());

    /** Lower-cased name → (name as given, values). */
    private final Map<String, Entry> entries;

    private Headers(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** No headers. */
    public static Headers of() {
        return EMPTY;
    }

    /** Headers from name/value pairs: {@code Headers.of("Content-Type", "text/plain", "x-oss-meta-a", "1")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers must come in name/value pairs, got " + namesAndValues.length + " strings");
        }
        Headers headers = EMPTY;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers = headers.plus(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    /** The first value of {@code name}, if any. */
    public Optional<String> first(String name) {
        Entry entry = entries.get(key(name));
        return entry == null ? Optional.empty() : Optional.of(entry.values.get(0));
    }

    /** Every value of {@code name}, in order; empty if there is none. */
    public List<String> all(String name) {
        Entry entry = entries.get(key(name));
        return entry == null ? List.of() : entry.values;
    }

    /** Whether {@code name} has a value. */
    public boolean contains(String name) {
        return entries.containsKey(key(name));
    }

    /** The names, as first given, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(entries.size());
        entries.values().forEach(e -> names.add(e.name));
        return Collections.unmodifiableList(names);
    }

    /** A copy with {@code value} appended to the values of {@code name}. */
    public Headers plus(String name, String value) {
        requireValid(name, value);
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        Entry existing = copy.get(key(name));
        List<String> values = new ArrayList<>(existing == null ? List.of() : existing.values);
        values.add(value);
        copy.put(key(name), new Entry(existing == null ? name : existing.name, List.copyOf(values)));
        return new Headers(copy);
    }

    /** A copy in which {@code name} has exactly the one {@code value}. */
    public Headers with(String name, String value) {
        return without(name).plus(name, value);
    }

    /** A copy without {@code name}. */
    public Headers without(String name) {
        if (!contains(name)) {
            return this;
        }
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.remove(key(name));
        return new Headers(copy);
    }

    /** The headers as an unmodifiable map from name (as first given) to values. */
    public Map<String, List<String>> toMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        entries.values().forEach(e -> map.put(e.name, e.values));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers && ((Headers) o).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** Names and values; the values of {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and security-token headers are masked. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (Entry e : entries.values()) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(e.name).append('=').append(isSecret(key(e.name)) ? "****" : String.join(",", e.values));
        }
        return text.append('}').toString();
    }

    private static String key(String name) {
        if (!HttpToken.isToken(name)) {
            throw new IllegalArgumentException("header name \"" + name + "\" is not a valid HTTP token");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static void requireValid(String name, String value) {
        key(name);
        if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("value of header " + name + " must not be null or contain CR/LF");
        }
        if (value.chars().anyMatch(c -> (c < ' ' && c != '\t') || c == 127)) {
            throw new IllegalArgumentException("value of header " + name + " must not contain control characters");
        }
    }

    private static boolean isSecret(String lowerCaseName) {
        return lowerCaseName.equals("authorization") || lowerCaseName.equals("proxy-authorization")
                || lowerCaseName.equals("cookie") || lowerCaseName.contains("security-token");
    }

    private static final class Entry {
        final String name;
        final List<String> values;

        Entry(String name, List<String> values) {
            this.name = name;
            this.values = values;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry && ((Entry) o).values.equals(values) && key(((Entry) o).name).equals(key(name));
        }

        @Override
        public int hashCode() {
            return values.hashCode();
        }
    }
}
