package dev.sluice.oss;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.Signer;
import dev.sluice.api.Transport;
import dev.sluice.oss.internal.Addressing;
import dev.sluice.throttle.Pacer;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/**
 * Configures an {@link OssClient}. Endpoint, credentials, transport and signer are required; every value
 * is checked when it is set or, for missing ones, by {@link #build()}, so a misconfigured client never
 * sends a request.
 */
public final class OssClientBuilder {

    private final Settings settings = new Settings();

    OssClientBuilder() {
    }

    /**
     * The OSS endpoint, e.g. {@code https://oss-cn-hangzhou.aliyuncs.com} or {@code http://127.0.0.1:9000}:
     * scheme, host and optional port, no path, query or user info.
     */
    public OssClientBuilder endpoint(URI endpoint) {
        settings.endpoint = Addressing.requireEndpoint(endpoint);
        return this;
    }

    /** The region, e.g. {@code cn-hangzhou} (an {@code oss-} prefix is dropped), as the V4 signer scopes it. */
    public OssClientBuilder region(String region) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        String r = region.strip().toLowerCase(Locale.ROOT);
        settings.region = r.startsWith("oss-") ? r.substring(4) : r;
        return this;
    }

    /** The access key pair that signs every request. */
    public OssClientBuilder credentials(Credentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("credentials must not be null");
        }
        settings.credentials = credentials;
        return this;
    }

    /** The transport that sends the requests; the client closes it when it is closed. */
    public OssClientBuilder transport(Transport transport) {
        if (transport == null) {
            throw new IllegalArgumentException("transport must not be null");
        }
        settings.transport = transport;
        return this;
    }

    /** The signer (V4 or V1) that signs each request at the time it is sent; default V4 for {@link #region}. */
    public OssClientBuilder signer(Signer signer) {
        if (signer == null) {
            throw new IllegalArgumentException("signer must not be null");
        }
        settings.signer = signer;
        return this;
    }

    /** The clock that dates signatures; default {@link Clock#systemUTC()}. */
    public OssClientBuilder clock(Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null (use Clock.systemUTC())");
        }
        settings.clock = clock;
        return this;
    }

    /** Paces every upload body with {@code pacer} (client side, in addition to any traffic limit). */
    public OssClientBuilder uploadPacer(Pacer pacer) {
        if (pacer == null) {
            throw new IllegalArgumentException("upload pacer must not be null");
        }
        settings.uploadPacer = pacer;
        return this;
    }

    /** Paces every download body with {@code pacer}. */
    public OssClientBuilder downloadPacer(Pacer pacer) {
        if (pacer == null) {
            throw new IllegalArgumentException("download pacer must not be null");
        }
        settings.downloadPacer = pacer;
        return this;
    }

    /** Asks OSS to cap each upload and download connection at {@code limit} ({@code x-oss-traffic-limit}). */
    public OssClientBuilder trafficLimit(TrafficLimit limit) {
        if (limit == null) {
            throw new IllegalArgumentException("traffic limit must not be null");
        }
        settings.trafficLimit = limit;
        return this;
    }

    /**
     * As {@link #trafficLimit(TrafficLimit)} for {@code rate}.
     *
     * @throws IllegalArgumentException if {@code rate} is outside 819,200..838,860,800 bit/s
     */
    public OssClientBuilder trafficLimit(DataRate rate) {
        return trafficLimit(TrafficLimit.of(rate));
    }

    /**
     * The client.
     *
     * Without {@link #signer(Signer)}, the client signs with an {@link OssV4Signer} for the region.
     *
     * @throws IllegalStateException if endpoint, credentials or transport is missing, or both signer and region
     */
    public OssClient build() {
        require(settings.endpoint, "an endpoint", "endpoint(URI)");
        require(settings.credentials, "credentials", "credentials(Credentials)");
        require(settings.transport, "a transport", "transport(Transport)");
        Settings settings = this.settings.copy();
        if (settings.signer == null && settings.region != null) {
            settings.signer = OssV4Signer.builder().region(settings.region).build();
        }
        require(settings.signer, "a signer", "signer(Signer), or region(String) for the default V4 signer,");
        return new OssClient(settings);
    }

    private static void require(Object value, String what, String setter) {
        if (value == null) {
            throw new IllegalStateException("an OSS client needs " + what + ": call " + setter + " on the builder");
        }
    }

    /** The configuration, as the client keeps it. */
    static final class Settings {
        URI endpoint;
        String region;
        Credentials credentials;
        Transport transport;
        Signer signer;
        Clock clock = Clock.systemUTC();
        Pacer uploadPacer;
        Pacer downloadPacer;
        TrafficLimit trafficLimit;

        Settings copy() {
            Settings copy = new Settings();
            copy.endpoint = endpoint;
            copy.region = region;
            copy.credentials = credentials;
            copy.transport = transport;
            copy.signer = signer;
            copy.clock = clock;
            copy.uploadPacer = uploadPacer;
            copy.downloadPacer = downloadPacer;
            copy.trafficLimit = trafficLimit;
            return copy;
        }
    }
}
