package dev.sluice.transfer.internal;

import dev.sluice.api.Credentials;
import dev.sluice.api.Signer;
import dev.sluice.api.Transport;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.OssClientBuilder;
import dev.sluice.oss.TrafficLimit;
import dev.sluice.throttle.PacingMiddleware;
import dev.sluice.throttle.TransferListener;
import java.net.URI;
import java.time.Clock;

/**
 * The OSS clients of a manager, all on one transport. Control requests (HEAD, initiate, complete, abort)
 * go through an unpaced client. Each attempt of a part gets a client of its own whose transport paces that
 * one request's body through the direction's shared budget and reports to that attempt's listener: the
 * pacing sits next to the transport, after signing, and the CRC-64 is computed inline as the bytes pass,
 * so nothing read for hashing or signing is ever counted. A client is a handful of small objects, so one
 * per attempt costs nothing next to a request.
 */
public final class Connection {

    private final URI endpoint;
    private final Credentials credentials;
    private final Signer signer;
    private final Clock clock;
    private final TrafficLimit trafficLimit;
    private final Transport transport;
    private final Budget uploads;
    private final Budget downloads;
    private final OssClient control;

    /** Clients on {@code transport}, pacing through {@code uploads} and {@code downloads}; limit may be null. */
    public Connection(URI endpoint, Credentials credentials, Signer signer, Clock clock, TrafficLimit trafficLimit,
            Transport transport, Budget uploads, Budget downloads) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.signer = signer;
        this.clock = clock;
        this.trafficLimit = trafficLimit;
        this.transport = transport;
        this.uploads = uploads;
        this.downloads = downloads;
        this.control = client(transport, null);
    }

    /** The unpaced client for requests without an object body. */
    public OssClient control() {
        return control;
    }

    /** A client whose one upload is paced by the upload budget and reported to {@code attempt}. */
    OssClient forUpload(TransferListener attempt) {
        PacingMiddleware pacing = PacingMiddleware.builder().uploads(uploads.pacer()).uploadListener(request -> attempt).build();
        return client(pacing.around(transport), trafficLimit);
    }

    /** A client whose one download is paced by the download budget and reported to {@code attempt}. */
    OssClient forDownload(TransferListener attempt) {
        PacingMiddleware pacing = PacingMiddleware.builder().downloads(downloads.pacer()).downloadListener(request -> attempt)
                .build();
        return client(pacing.around(transport), trafficLimit);
    }

    /** The upload budget. */
    public Budget uploads() {
        return uploads;
    }

    /** The download budget. */
    public Budget downloads() {
        return downloads;
    }

    // the clients made here are never closed: closing one would close the shared transport, which the manager owns
    private OssClient client(Transport through, TrafficLimit limit) {
        OssClientBuilder builder = OssClient.builder().endpoint(endpoint).credentials(credentials).signer(signer)
                .clock(clock).transport(through);
        if (limit != null) {
            builder.trafficLimit(limit);
        }
        return builder.build();
    }
}
