package dev.sluice.qos;

import dev.sluice.api.Credentials;
import dev.sluice.api.Transport;
import dev.sluice.oss.OssV4Signer;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/**
 * Configures a {@link QosAdminClient}. Endpoint, credentials, transport and a region (or a signer) are
 * required; every value is checked when set, missing ones by {@link #build()}.
 */
public final class QosAdminClientBuilder {

    /** What the official SDKs ask for when the caller does not say. */
    static final int DEFAULT_PAGE_SIZE = 100;

    private final Settings settings = new Settings();
    private String region;

    QosAdminClientBuilder() {
    }

    /**
     * The region endpoint, e.g. {@code https://oss-cn-hangzhou.aliyuncs.com} or {@code http://127.0.0.1:9000}:
     * scheme, host and optional port, no path, query or user info. Bucket operations go to its bucket host.
     */
    public QosAdminClientBuilder endpoint(URI endpoint) {
        if (endpoint == null || !endpoint.isAbsolute() || endpoint.getHost() == null
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                || endpoint.getRawUserInfo() != null || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null
                || !(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() || endpoint.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("endpoint must be an http or https URI with a host and no path, query"
                    + " or user info, was " + endpoint);
        }
        settings.endpoint = endpoint;
        return this;
    }

    /** The region, e.g. {@code cn-hangzhou} (an {@code oss-} prefix is dropped), for the default V4 signer. */
    public QosAdminClientBuilder region(String region) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        String r = region.strip().toLowerCase(Locale.ROOT);
        this.region = r.startsWith("oss-") ? r.substring(4) : r;
        return this;
    }

    /** The V4 signer, in place of the default one for {@link #region(String)}. */
    public QosAdminClientBuilder signer(OssV4Signer signer) {
        if (signer == null) {
            throw new IllegalArgumentException("signer must not be null");
        }
        settings.signer = signer;
        return this;
    }

    /** The access key pair that signs every request. */
    public QosAdminClientBuilder credentials(Credentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("credentials must not be null");
        }
        settings.credentials = credentials;
        return this;
    }

    /** The transport that sends the requests (any; a retrying one retries them); closed with the client. */
    public QosAdminClientBuilder transport(Transport transport) {
        if (transport == null) {
            throw new IllegalArgumentException("transport must not be null");
        }
        settings.transport = transport;
        return this;
    }

    /** The clock that dates signatures; default {@link Clock#systemUTC()}. */
    public QosAdminClientBuilder clock(Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null (use Clock.systemUTC())");
        }
        settings.clock = clock;
        return this;
    }

    /**
     * How many entries each listing request asks for ({@code max-keys}); default 100.
     *
     * @throws IllegalArgumentException if below 1
     */
    public QosAdminClientBuilder pageSize(int entries) {
        settings.pageSize = checkPageSize(entries);
        return this;
    }

    /**
     * Whether a Put first reads its parent (for a pool requester the pool and its requesters, for a bucket
     * requester the bucket, for a bucket the pool it is in) and refuses a value over the parent's item, or, in a
     * pool, a sum over the requesters above the pool's item; default off. It costs one or more requests per
     * Put (a bucket's pool is found by walking the pools) and is a best effort: another writer may change the
     * parent in between.
     */
    public QosAdminClientBuilder preflight(boolean enabled) {
        settings.preflight = enabled;
        return this;
    }

    /**
     * Whether the client checks the QoS rules before sending; default on. Off, only what is needed to build a
     * request is checked, so that a test can see the server's own validation; never switch it off otherwise.
     */
    public QosAdminClientBuilder validation(boolean enabled) {
        settings.validate = enabled;
        return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException if endpoint, credentials or transport is missing, or both signer and region
     */
    public QosAdminClient build() {
        require(settings.endpoint, "an endpoint", "endpoint(URI)");
        require(settings.credentials, "credentials", "credentials(Credentials)");
        require(settings.transport, "a transport", "transport(Transport)");
        Settings copy = settings.copy();
        if (copy.signer == null && region != null) {
            copy.signer = OssV4Signer.builder().region(region).build();
        }
        require(copy.signer, "a signer", "signer(OssV4Signer), or region(String) for the default V4 signer,");
        return new QosAdminClient(copy);
    }

    static int checkPageSize(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("page size must be at least 1 entry (max-keys), was " + entries);
        }
        return entries;
    }

    private static void require(Object value, String what, String setter) {
        if (value == null) {
            throw new IllegalStateException("a QoS admin client needs " + what + ": call " + setter + " on the builder");
        }
    }

    /** The configuration, as the client keeps it. */
    static final class Settings {
        URI endpoint;
        Credentials credentials;
        Transport transport;
        OssV4Signer signer;
        Clock clock = Clock.systemUTC();
        int pageSize = DEFAULT_PAGE_SIZE;
        boolean preflight;
        boolean validate = true;

        Settings copy() {
            Settings copy = new Settings();
            copy.endpoint = endpoint;
            copy.credentials = credentials;
            copy.transport = transport;
            copy.signer = signer;
            copy.clock = clock;
            copy.pageSize = pageSize;
            copy.preflight = preflight;
            copy.validate = validate;
            return copy;
        }
    }
}
