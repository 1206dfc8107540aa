package dev.sluice.oss;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: the raw (still encoded) query parameters of a URI, as the SDK tests read presigned URLs. */
final class QueryOf {

    private QueryOf() {
    }

    static Map<String, String> raw(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return parameters;
    }
}
