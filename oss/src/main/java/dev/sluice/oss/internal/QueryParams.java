package dev.sluice.oss.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query parameters of a URI, decoded, in order; a parameter without {@code =} has a null value. */
public final class QueryParams {

    private final Map<String, String> params;

    private QueryParams(Map<String, String> params) {
        this.params = params;
    }

    /** The parameters of {@code uri}. */
    public static QueryParams of(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                params.put(name, eq < 0 ? null : decode(pair.substring(eq + 1)));
            }
        }
        return new QueryParams(params);
    }

    /** Whether the parameter is present, with or without a value. */
    public boolean has(String name) {
        return params.containsKey(name);
    }

    /** The parameter names, in order. */
    public List<String> names() {
        return new ArrayList<>(params.keySet());
    }

    /** Encodes name/value pairs (null value: bare name) as a raw query; no pairs: null. */
    public static String encode(String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(Rfc3986.encode(namesAndValues[i], false));
            if (namesAndValues[i + 1] != null) {
                query.append('=').append(Rfc3986.encode(namesAndValues[i + 1], false));
            }
        }
        return query.length() == 0 ? null : query.toString();
    }

    private static String decode(String text) {
        // '+' in a query is a literal plus for OSS, not a space: protect it from URLDecoder
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
