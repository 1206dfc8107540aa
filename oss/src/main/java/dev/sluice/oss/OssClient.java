package dev.sluice.oss;

import dev.sluice.api.Body;
import dev.sluice.api.Credentials;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Signer;
import dev.sluice.api.Transport;
import dev.sluice.oss.internal.Addressing;
import dev.sluice.oss.internal.ChannelPublisher;
import dev.sluice.oss.internal.Crc64Checking;
import dev.sluice.oss.internal.Crc64Tracking;
import dev.sluice.oss.internal.FileSink;
import dev.sluice.oss.internal.ObjectNames;
import dev.sluice.oss.internal.OssExchange;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.ThrottledPublisher;
import dev.sluice.throttle.ThrottledSubscriber;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Flow;

/**
 * Object operations on OSS over any {@link Transport}: put, get (whole or ranged, to a file or as a
 * publisher), head, delete, multipart ({@link #multipart()}) and presigned URLs. Bodies stream from and to
 * files and streams; no operation holds an object in memory. Every upload and every whole-object download
 * is checked against the CRC-64 OSS reports ({@link Crc64MismatchException} on a mismatch), and every
 * bad argument is refused before a request is sent.
 *
 * <pre>{@code
 * OssClient oss = OssClient.builder()
 *         .endpoint(URI.create("https://oss-cn-hangzhou.aliyuncs.com"))
 *         .region("cn-hangzhou")
 *         .credentials(Credentials.of(id, secret))
 *         .transport(transport)
 *         .signer(signer)
 *         .trafficLimit(TrafficLimit.of(DataRate.ofBitsPerSecond(819_200)))
 *         .build();
 * oss.putObject("examplebucket", "backup/day1.tar", Path.of("day1.tar"));
 * }</pre>
 *
 * <p>Requests go virtual-hosted ({@code bucket.endpoint/key}) to domain endpoints and path-style
 * ({@code endpoint/bucket/key}) to IP and {@code localhost} endpoints. Methods block the calling thread
 * until OSS has answered; an interrupt abandons the request with {@link java.io.InterruptedIOException}
 * and keeps the interrupt flag.
 */
public final class OssClient implements AutoCloseable {

    private final URI endpoint;
    private final String region;
    private final Credentials credentials;
    private final Signer signer;
    private final OssClientBuilder.Settings settings;
    private final OssExchange exchange;
    private final Multipart multipart;

    OssClient(OssClientBuilder.Settings settings) {
        this.settings = settings;
        this.endpoint = settings.endpoint;
        this.region = settings.region;
        this.credentials = settings.credentials;
        this.signer = settings.signer;
        this.exchange = new OssExchange(settings.transport, signer, credentials, settings.clock, settings.trafficLimit);
        this.multipart = new Multipart(this);
    }

    /** A builder; endpoint, credentials, transport and signer are required. */
    public static OssClientBuilder builder() {
        return new OssClientBuilder();
    }

    /** The endpoint requests go to. */
    public URI endpoint() {
        return endpoint;
    }

    /** The region, e.g. {@code cn-hangzhou}, if one was given. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The multipart operations: initiate, upload part, complete, abort, list parts, and whole-file upload. */
    public Multipart multipart() {
        return multipart;
    }

    /** PutObject from {@code file}, streamed; the body is replayable, so a retrying transport may resend it. */
    public PutObjectResult putObject(String bucket, String key, Path file) throws IOException {
        Request request = request("PUT", bucket, key, null);
        long length = Files.size(file);
        return putObject(request, ChannelPublisher.ofFile(file, 0, length), length, true, bucket, key);
    }

    /** PutObject of {@code bytes} (not copied: do not change them until this returns). */
    public PutObjectResult putObject(String bucket, String key, byte[] bytes) throws IOException {
        Request request = request("PUT", bucket, key, null);
        if (bytes == null) {
            throw new IllegalArgumentException("object bytes must not be null");
        }
        Body body = Body.ofBytes(bytes);
        return putObject(request, body.publisher(), bytes.length, true, bucket, key);
    }

    /**
     * PutObject of the next {@code length} bytes of {@code in}, streamed; {@code in} is not closed, and the
     * request cannot be retried (the bytes are read once).
     *
     * @throws java.io.EOFException if {@code in} ends before {@code length} bytes
     */
    public PutObjectResult putObject(String bucket, String key, InputStream in, long length) throws IOException {
        Request request = request("PUT", bucket, key, null);
        if (in == null) {
            throw new IllegalArgumentException("input stream must not be null");
        }
        if (length < 0) {
            throw new IllegalArgumentException("object length must be at least 0 B, was " + length + " B");
        }
        return putObject(request, ChannelPublisher.ofStream(in, length), length, false, bucket, key);
    }

    /** GetObject of the whole object into {@code target} (replaced), verified by CRC-64. */
    public ObjectMetadata getObject(String bucket, String key, Path target) throws IOException {
        return getObject(bucket, key, null, target);
    }

    /**
     * GetObject of {@code range} (null: the whole object, verified by CRC-64) into {@code target}, which is
     * replaced. On failure, including a CRC mismatch, {@code target} is deleted.
     */
    public ObjectMetadata getObject(String bucket, String key, ByteRange range, Path target) throws IOException {
        if (target == null) {
            throw new IllegalArgumentException("target file must not be null");
        }
        ObjectContent content = getObjectContent(bucket, key, range);
        FileSink sink = new FileSink(target);
        content.body().subscribe(sink);
        OssExchange.await(sink.written());
        return content.metadata();
    }

    /**
     * GetObject of {@code range} (null: the whole object) as a publisher; returns when the response head
     * has arrived. See {@link ObjectContent} for the CRC-64 check.
     */
    public ObjectContent getObjectContent(String bucket, String key, ByteRange range) throws IOException {
        Request request = request("GET", bucket, key, null);
        if (range != null) {
            request = request.withHeader("Range", range.headerValue());
        }
        Response response = exchange.send(request);
        ObjectMetadata metadata = metadata(response);
        // the header is the CRC of the whole object, so only a whole-object download can be checked by it
        OptionalLong expected = range == null && response.status() == 200 ? metadata.crc64() : OptionalLong.empty();
        String what = "GetObject " + describe(bucket, key);
        Pacer pacer = settings.downloadPacer;
        Flow.Publisher<ByteBuffer> body = subscriber -> {
            Flow.Subscriber<? super ByteBuffer> chain = subscriber;
            if (expected.isPresent()) {
                chain = new Crc64Checking(chain, expected.getAsLong(), what);
            }
            if (pacer != null) {
                chain = ThrottledSubscriber.wrap(chain, pacer);
            }
            response.body().publisher().subscribe(chain);
        };
        return new ObjectContent(metadata, body);
    }

    /** HeadObject: the object's metadata without its bytes. */
    public ObjectMetadata headObject(String bucket, String key) throws IOException {
        Response response = exchange.send(request("HEAD", bucket, key, null));
        OssExchange.discard(response);
        return metadata(response);
    }

    /** DeleteObject; deleting an object that does not exist succeeds, as in OSS. */
    public void deleteObject(String bucket, String key) throws IOException {
        OssExchange.discard(exchange.send(request("DELETE", bucket, key, null)));
    }

    /**
     * A presigned URL for {@code method} on the object, valid for {@code expiry}; with a {@code limit}, the
     * URL carries it as the signed {@code x-oss-traffic-limit} query parameter (a URL cannot carry headers).
     *
     * @throws IllegalArgumentException if an argument is invalid, or the signer refuses the expiry
     */
    public URI presign(String method, String bucket, String key, Duration expiry, TrafficLimit limit) {
        if (expiry == null || expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("presign expiry must be positive, was " + expiry);
        }
        String query = limit == null ? null : TrafficLimit.NAME + "=" + limit.headerValue();
        Request request = request(method, bucket, key, query);
        return signer.presign(request, credentials, settings.clock.instant(), expiry);
    }

    /** Closes the transport. */
    @Override
    public void close() {
        exchange.close();
    }

    @Override
    public String toString() {
        return "OssClient[" + endpoint + (region == null ? "" : ", " + region) + ", " + credentials + "]";
    }

    // ---- shared with Multipart ----

    /** A request for {@code key} in {@code bucket}, checked, with {@code rawQuery} (encoded) or none. */
    Request request(String method, String bucket, String key, String rawQuery) {
        ObjectNames.requireBucket(bucket);
        ObjectNames.requireKey(key);
        return new Request(method, Addressing.uri(endpoint, bucket, key, rawQuery), Headers.of(), Body.empty());
    }

    OssExchange exchange() {
        return exchange;
    }

    /**
     * Sends {@code request} with {@code length} bytes from {@code source} (paced by the upload pacer),
     * checks the CRC-64 OSS reports against the bytes sent, and returns the response and that CRC.
     */
    Uploaded upload(Request request, Flow.Publisher<ByteBuffer> source, long length, boolean replayable, String what)
            throws IOException {
        Crc64Tracking tracking = new Crc64Tracking(source);
        Flow.Publisher<ByteBuffer> publisher = settings.uploadPacer == null ? tracking
                : new ThrottledPublisher(tracking, settings.uploadPacer);
        Response response = exchange.send(request.withBody(new Body(publisher, length, replayable)));
        OssExchange.discard(response);
        Long sent = tracking.crc();
        if (sent == null) {
            throw new IOException(what + ": the transport reported success before the whole body was sent");
        }
        OptionalLong reported = metadata(response).crc64();
        if (reported.isPresent() && reported.getAsLong() != sent) {
            throw new Crc64MismatchException(what, sent, reported.getAsLong());
        }
        return new Uploaded(response, sent, reported.isPresent());
    }

    /** The metadata of {@code response}; a malformed length or CRC header is the server's fault, an I/O error. */
    static ObjectMetadata metadata(Response response) throws IOException {
        try {
            return ObjectMetadata.of(response.headers());
        } catch (IllegalArgumentException malformed) {
            throw new IOException("OSS answered with a malformed header: " + malformed.getMessage(), malformed);
        }
    }

    static String describe(String bucket, String key) {
        return "oss://" + bucket + "/" + key;
    }

    private PutObjectResult putObject(Request request, Flow.Publisher<ByteBuffer> source, long length, boolean replayable,
            String bucket, String key) throws IOException {
        Uploaded uploaded = upload(request, source, length, replayable, "PutObject " + describe(bucket, key));
        Headers headers = uploaded.response.headers();
        return new PutObjectResult(headers.first("ETag").orElse(""), uploaded.crc, uploaded.confirmed,
                headers.first("x-oss-version-id"), headers.first("x-oss-request-id").orElse(""));
    }

    /** A successful upload: the response, the CRC-64 of the bytes sent and whether OSS reported one to match. */
    static final class Uploaded {
        final Response response;
        final long crc;
        final boolean confirmed;

        Uploaded(Response response, long crc, boolean confirmed) {
            this.response = response;
            this.crc = crc;
            this.confirmed = confirmed;
        }
    }
}
