package dev.sluice.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sluice.emulator.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request: addressing, faults, {@code x-oss-traffic-limit}, authentication, then the operation.
 * Errors become OSS error XML. Faults come first so that a client sees them whatever it signs, and the
 * traffic limit is checked before the signature because the signers refuse a bad limit outright.
 */
final class OssHandler implements HttpHandler {

    private final Storage storage;
    private final FaultRegistry faults;
    private final TrafficLimits trafficLimits;
    private final Authenticator authenticator;
    private final ObjectOperations objects;
    private final MultipartOperations multipart;
    private final PoolOperations pools;
    private final BucketQosOperations bucketQos;
    private final AtomicLong requests = new AtomicLong();
    private final long instance = ThreadLocalRandom.current().nextLong();

    OssHandler(EmulatorConfig config, Storage storage, FaultRegistry faults) {
        this.storage = storage;
        this.faults = faults;
        this.trafficLimits = new TrafficLimits(config.burst());
        this.authenticator = new Authenticator(config);
        this.objects = new ObjectOperations(storage, config.clock());
        this.multipart = new MultipartOperations(storage, config.clock());
        QosState qos = new QosState(config.pools(), config.clock().instant());
        this.pools = new PoolOperations(qos, config.region());
        this.bucketQos = new BucketQosOperations(qos);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = HexFormat.of().withUpperCase().toHexDigits(instance).substring(0, 8)
                + HexFormat.of().withUpperCase().toHexDigits(requests.incrementAndGet());
        try {
            OssRequest request = OssRequest.of(exchange, requestId, storage::hasBucket);
            Map<Fault.Kind, Fault> taken = faults.take(request.method(), request.bucketAndKey());
            Reply reply = new Reply(request, taken);
            try {
                Fault respond = taken.get(Fault.Kind.RESPOND);
                if (respond != null) {
                    // read the body first: a reply before it is read makes the server close the connection
                    // under a client still sending, which then loses the error document it is being tested on
                    request.exchange().getRequestBody().transferTo(OutputStream.nullOutputStream());
                    throw new OssError(respond.status(), respond.code(), "Injected fault: " + respond, ErrorCodes.EC_INJECTED);
                }
                reply.pace(trafficLimits.pacerFor(request));
                authenticator.authenticate(request);
                route(request, reply);
            } catch (OssError e) {
                reply.sendError(e);
            } catch (IllegalArgumentException e) {
                reply.sendError(ErrorCodes.invalidArgument(e.getMessage()));
            }
        } finally {
            exchange.close();
        }
    }

    private void route(OssRequest request, Reply reply) throws IOException {
        if (request.bucket() == null) {
            regionLevel(request, reply);
        } else if (request.key() == null) {
            bucketLevel(request, reply);
        } else {
            objectLevel(request, reply);
        }
    }

    /** Region-level requests: the resource-pool QoS operations (reference 3.4). */
    private void regionLevel(OssRequest request, Reply reply) throws IOException {
        if (!PoolOperations.handles(request.query())) {
            throw notImplemented(request);
        }
        pools.handle(request, reply);
    }

    private void bucketLevel(OssRequest request, Reply reply) throws IOException {
        if (request.method().equals("PUT") && request.exchange().getRequestURI().getRawQuery() == null) {
            objects.putBucket(request, reply);
            return;
        }
        storage.bucket(request.bucket());
        if (!BucketQosOperations.handles(request.query())) {
            throw notImplemented(request);
        }
        bucketQos.handle(request, reply);
    }

    private void objectLevel(OssRequest request, Reply reply) throws IOException {
        Query query = request.query();
        switch (request.method()) {
            case "PUT":
                if (query.has("partNumber") || query.has("uploadId")) {
                    multipart.uploadPart(request, reply);
                } else {
                    objects.putObject(request, reply);
                }
                return;
            case "POST":
                if (query.has("uploads")) {
                    multipart.initiate(request, reply);
                } else if (query.has("uploadId")) {
                    multipart.complete(request, reply);
                } else {
                    throw notImplemented(request);
                }
                return;
            case "GET":
                if (query.has("uploadId")) {
                    multipart.listParts(request, reply);
                } else {
                    objects.getObject(request, reply);
                }
                return;
            case "HEAD":
                objects.headObject(request, reply);
                return;
            case "DELETE":
                if (query.has("uploadId")) {
                    multipart.abort(request, reply);
                } else {
                    objects.deleteObject(request, reply);
                }
                return;
            default:
                throw new OssError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.",
                        ErrorCodes.EC_NOT_IMPLEMENTED);
        }
    }

    private static OssError notImplemented(OssRequest request) {
        return new OssError(501, "NotImplemented", "The OSS emulator does not implement " + request.method() + " "
                + request.exchange().getRequestURI().getRawPath() + (request.exchange().getRequestURI().getRawQuery() == null
                ? "" : "?" + request.exchange().getRequestURI().getRawQuery()), ErrorCodes.EC_NOT_IMPLEMENTED);
    }
}
