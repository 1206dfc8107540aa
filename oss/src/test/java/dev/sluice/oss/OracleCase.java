package dev.sluice.oss;

import dev.sluice.api.Body;
import dev.sluice.api.Credentials;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.oss.internal.QueryParameter;
import dev.sluice.oss.internal.Rfc3986;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated request for the Java SDK oracle: what is addressed, the headers and the decoded query
 * parameters, described once and handed both to the SDK (as its own types) and to Sluice (as a URI).
 */
final class OracleCase {

    final String name;
    final String method;
    final String bucket;
    final String key;
    final List<String[]> headers = new ArrayList<>();
    final List<QueryParameter> query = new ArrayList<>();
    final List<String> additionalHeaders = new ArrayList<>();
    Credentials credentials = Credentials.of("LTAI5tEXAMPLEKEYID000001", "EXAMPLEsecret/KEY+for=vectors0000000000");

    private OracleCase(String name, String method, String bucket, String key) {
        this.name = name;
        this.method = method;
        this.bucket = bucket;
        this.key = key;
    }

    static OracleCase object(String name, String method, String bucket, String key) {
        return new OracleCase(name, method, bucket, key);
    }

    static OracleCase bucket(String name, String method, String bucket) {
        return new OracleCase(name, method, bucket, null);
    }

    static OracleCase region(String name, String method) {
        return new OracleCase(name, method, null, null);
    }

    OracleCase header(String headerName, String value) {
        headers.add(new String[] {headerName, value});
        return this;
    }

    OracleCase param(String paramName, String value) {
        query.add(new QueryParameter(paramName, value));
        return this;
    }

    OracleCase additional(String... names) {
        additionalHeaders.addAll(List.of(names));
        return this;
    }

    OracleCase sts(String token) {
        credentials = Credentials.of("STS.EXAMPLEKEYID000002", "EXAMPLEsecret/STS+key=0000000000000000", token);
        return this;
    }

    /** The resource path the SDK is given: the reference's {@code /bucket/key}, {@code /bucket/} or {@code /}. */
    String resourcePath() {
        return bucket == null ? "/" : "/" + bucket + "/" + (key == null ? "" : key);
    }

    /** The request as Sluice's client would send it: virtual-hosted for a bucket, the region endpoint otherwise. */
    Request request() {
        String host = bucket == null ? "oss-cn-hangzhou.aliyuncs.com" : bucket + ".oss-cn-hangzhou.aliyuncs.com";
        StringBuilder uri = new StringBuilder("https://").append(host).append('/');
        if (key != null) {
            uri.append(Rfc3986.encode(key, true));
        }
        for (int i = 0; i < query.size(); i++) {
            uri.append(i == 0 ? '?' : '&').append(query.get(i).toWire());
        }
        Headers h = Headers.of();
        for (String[] header : headers) {
            h = h.plus(header[0], header[1]);
        }
        return new Request(method, URI.create(uri.toString()), h, Body.empty());
    }

    @Override
    public String toString() {
        return name;
    }
}
