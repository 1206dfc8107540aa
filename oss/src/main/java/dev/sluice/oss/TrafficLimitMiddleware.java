package dev.sluice.oss;

import dev.sluice.api.Middleware;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.oss.internal.OssOperation;
import dev.sluice.oss.internal.QueryParams;
import java.util.concurrent.CompletableFuture;

/**
 * Asks OSS to cap each connection at a {@link TrafficLimit} by adding the {@code x-oss-traffic-limit}
 * header to the operations that accept it: PutObject, AppendObject, PostObject, CopyObject, UploadPart,
 * UploadPartCopy and GetObject, and to nothing else. Place it before the signing middleware, so that the
 * header is signed.
 *
 * <p>A request that already carries the header keeps its own value (a per-part limit, say). A request
 * that carries the limit as a query parameter is refused without being sent: OSS rejects header and query
 * together (EC {@code 0004-00000501}), and the query form belongs to presigned URLs.
 *
 * <pre>{@code
 * Transport transport = Middleware.chain(http, List.of(
 *         TrafficLimitMiddleware.of(TrafficLimit.of(DataRate.ofBitsPerSecond(819_200))), signing));
 * }</pre>
 */
public final class TrafficLimitMiddleware implements Middleware {

    private final TrafficLimit limit;

    private TrafficLimitMiddleware(TrafficLimit limit) {
        this.limit = limit;
    }

    /**
     * The middleware adding {@code limit}.
     *
     * @throws IllegalArgumentException if {@code limit} is null
     */
    public static TrafficLimitMiddleware of(TrafficLimit limit) {
        if (limit == null) {
            throw new IllegalArgumentException("traffic limit must not be null");
        }
        return new TrafficLimitMiddleware(limit);
    }

    /** Whether OSS honours {@code x-oss-traffic-limit} on {@code request}'s operation. */
    public static boolean appliesTo(Request request) {
        return OssOperation.of(request).acceptsTrafficLimit();
    }

    /** The limit this middleware adds. */
    public TrafficLimit limit() {
        return limit;
    }

    /**
     * Sends {@code request} with the header added when its operation accepts it; fails the returned future
     * with an {@link IllegalArgumentException}, sending nothing, when the limit is already in its query.
     */
    @Override
    public CompletableFuture<Response> send(Request request, Transport next) {
        if (!appliesTo(request)) {
            return next.send(request);
        }
        if (QueryParams.of(request.uri()).has(TrafficLimit.NAME)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(request.method() + " " + request.uri().getRawPath()
                    + " already carries " + TrafficLimit.NAME + " as a query parameter; OSS refuses it as header and query"
                    + " together (EC 0004-00000501), so the header is not added and the request is not sent"));
        }
        if (request.headers().contains(TrafficLimit.NAME)) {
            return next.send(request);
        }
        return next.send(request.withHeader(TrafficLimit.NAME, limit.headerValue()));
    }

    @Override
    public String toString() {
        return "TrafficLimitMiddleware[" + limit + "]";
    }
}
