package dev.sluice.oss.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One decoded query parameter. {@code value} is null for a bare name ({@code ?uploads}); both signatures
 * treat an empty value ({@code ?continuation-token=}) like a bare name.
 *
 * @param name the decoded name
 * @param value the decoded value, or null when the parameter has none
 */
public record QueryParameter(String name, String value) {

    public QueryParameter {
        if (name == null) {
            throw new IllegalArgumentException("query parameter name must not be null");
        }
    }

    /** Whether the parameter has a non-empty value. */
    public boolean hasValue() {
        return value != null && !value.isEmpty();
    }

    /**
     * The parameters of a raw (still percent-encoded) query, in order; an absent or empty query has none.
     *
     * @throws IllegalArgumentException if a name appears twice: the official SDKs disagree on how to sign
     *     repeated names (Go keeps the last value, Python sorts the pairs), so no signature could be trusted
     */
    public static List<QueryParameter> parse(String rawQuery) {
        List<QueryParameter> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        Set<String> seen = new HashSet<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = Rfc3986.decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? null : Rfc3986.decode(part.substring(eq + 1));
            if (!seen.add(name)) {
                throw new IllegalArgumentException("query parameter \"" + name + "\" appears more than once; "
                        + "OSS signers disagree on repeated names, so Sluice refuses to sign them");
            }
            parameters.add(new QueryParameter(name, value));
        }
        return parameters;
    }

    /** The parameter as it goes on the wire: encoded name, and {@code =}encoded value when it has one. */
    public String toWire() {
        return value == null ? Rfc3986.encode(name, false) : Rfc3986.encode(name, false) + "=" + Rfc3986.encode(value, false);
    }
}
