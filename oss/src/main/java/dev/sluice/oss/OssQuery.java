package dev.sluice.oss;

import dev.sluice.oss.internal.QueryParameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The query of an OSS request, for {@link OssResource#uri(java.net.URI, OssQuery)}: parameters in the order
 * they were added, a sub-resource flag ({@code uploads}, {@code qosInfo}) as its bare name, and names and
 * values percent-encoded the way both OSS signatures read them back (UTF-8, every byte outside the RFC 3986
 * unreserved set, {@code /} included, as {@code %XX} with upper-case hex). Immutable; each {@code with}
 * returns a new query.
 *
 * <pre>{@code
 * OssQuery.of("requesterQosInfo").with("resourcePool", "pool-1").withOptional("continuation-token", null)
 *         .with("max-keys", "100").toString(); // "requesterQosInfo&resourcePool=pool-1&max-keys=100"
 * }</pre>
 */
public final class OssQuery {

    private static final OssQuery NONE = new OssQuery(List.of());

    private final List<QueryParameter> parameters;

    private OssQuery(List<QueryParameter> parameters) {
        this.parameters = parameters;
    }

    /** The empty query: the URI has none. */
    public static OssQuery none() {
        return NONE;
    }

    /**
     * A query that starts with the sub-resource {@code flag}, which has no value ({@code ?qosInfo}).
     *
     * @throws IllegalArgumentException if {@code flag} is null or empty
     */
    public static OssQuery of(String flag) {
        return NONE.add(requireName(flag), null);
    }

    /**
     * This query and {@code name=value}.
     *
     * @throws IllegalArgumentException if {@code name} is null, empty or already in the query (the OSS
     *     signers disagree on repeated names), or {@code value} is null
     */
    public OssQuery with(String name, String value) {
        requireName(name);
        if (value == null) {
            throw new IllegalArgumentException("query parameter \"" + name + "\" must have a value, was null"
                    + " (use withOptional to leave it out)");
        }
        return add(name, value);
    }

    /**
     * This query and {@code name=value}, or this query as it is when {@code value} is null or empty (the
     * first page of a listing has no continuation token).
     *
     * @throws IllegalArgumentException as {@link #with(String, String)}, for a value that is added
     */
    public OssQuery withOptional(String name, String value) {
        return value == null || value.isEmpty() ? this : with(name, value);
    }

    /** Whether the query has no parameters. */
    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** The raw (encoded) query as it goes after the {@code ?}, e.g. {@code uploadId=a%2Fb}; "" for none. */
    @Override
    public String toString() {
        StringBuilder query = new StringBuilder();
        for (QueryParameter parameter : parameters) {
            query.append(query.length() == 0 ? "" : "&").append(parameter.toWire());
        }
        return query.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OssQuery && ((OssQuery) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    private OssQuery add(String name, String value) {
        for (QueryParameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                throw new IllegalArgumentException("query parameter \"" + name + "\" appears more than once; "
                        + "OSS signers disagree on repeated names, so Sluice refuses to sign them");
            }
        }
        List<QueryParameter> added = new ArrayList<>(parameters);
        added.add(new QueryParameter(name, value));
        return new OssQuery(Collections.unmodifiableList(added));
    }

    private static String requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("query parameter name must not be empty, was "
                    + (name == null ? "null" : "\"\""));
        }
        return name;
    }
}
