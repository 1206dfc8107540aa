package dev.sluice.transport.micronaut;

import dev.sluice.api.RateLimiter;
import dev.sluice.transport.micronaut.internal.GrantTimer;
import dev.sluice.transport.micronaut.internal.PacedReadBuffers;
import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.core.io.buffer.ReadBufferFactory;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.ByteBodyHttpResponseWrapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.filter.ClientFilterChain;
import io.micronaut.http.filter.HttpClientFilter;
import io.micronaut.buffer.netty.NettyByteBufferFactory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.reactivestreams.Publisher;

/**
 * A client filter that paces the bodies of every Micronaut HTTP client of the application by the
 * {@link SluiceLimits} ({@code sluice.limits.*}): request bodies by the upload and global limiters, response
 * bodies by the download and global limiters. It matches every URI of every client; without limits it
 * passes everything unchanged.
 *
 * <p>What it paces, as Micronaut 4.10 lets a filter: the response body of a raw exchange (it reaches
 * filters still streaming, as a {@link ByteBodyHttpResponse}; this is how a {@link MicronautTransport} built
 * on the application's client, or a proxy, receives), and request bodies given as {@code byte[]} (sent as
 * {@code application/octet-stream} of the same {@code Content-Length}; a {@code byte[]} with another content
 * type passes unpaced, since the client would encode a stream of arrays in that type). The responses of
 * {@code exchange} and {@code dataStream} (the two tried) do not reach filters as a byte body, and pass
 * unpaced; so do object request bodies, which have no bytes yet when filters run, and the
 * body of a raw request, which Micronaut refuses to let a filter replace ("Changing the body of raw
 * requests is currently not supported"). Pace those, and uploads through {@link MicronautTransport}, in
 * front of the transport with a {@code Middleware} over {@link SluiceLimits}.
 *
 * <p>How: a body is cut into pieces of 8 KiB, each held back until every limiter has granted its bytes (a
 * reservation, then a delay on one shared timer thread; no thread waits per transfer), one at a time and
 * only on demand, so a body is never read ahead of its pacing by more than one read. A body keeps its
 * length.
 */
@Singleton
@Filter(Filter.MATCH_ALL_PATTERN)
public class PacingClientFilter implements HttpClientFilter {

    /** The step in which bodies are granted: 8 KiB, as throttle-core's pacer, below every limiter's default burst. */
    private static final int CHUNK = 8 * 1024;
    private static final ByteBodyFactory BODIES = ByteBodyFactory.createDefault(NettyByteBufferFactory.DEFAULT);

    private final List<RateLimiter> uploads;
    private final List<RateLimiter> downloads;
    private final ScheduledExecutorService executor;
    private final GrantTimer timer;

    /** Paces by {@code limits}; made by Micronaut. */
    public PacingClientFilter(SluiceLimits limits) {
        this.uploads = limits.forUploads();
        this.downloads = limits.forDownloads();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "sluice-micronaut-pacing");
            thread.setDaemon(true); // a context nobody closed never keeps the JVM alive
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true); // cancelled waits do not pile up in the queue
        this.executor = executor;
        this.timer = GrantTimer.on(executor);
    }

    @Override
    public Publisher<? extends HttpResponse<?>> doFilter(MutableHttpRequest<?> request, ClientFilterChain chain) {
        MutableHttpRequest<?> paced = uploads.isEmpty() ? request : pacedRequest(request);
        Publisher<? extends HttpResponse<?>> responses = chain.proceed(paced);
        return downloads.isEmpty() ? responses : Publishers.map(responses, this::pacedResponse);
    }

    private MutableHttpRequest<?> pacedRequest(MutableHttpRequest<?> request) {
        if (request instanceof ServerHttpRequest<?>) {
            return request; // a raw exchange: Micronaut 4.10 refuses to change its body in a filter
        }
        Optional<?> body = request.getBody();
        if (body.isEmpty() || !(body.get() instanceof byte[]) || ((byte[]) body.get()).length == 0) {
            return request;
        }
        Optional<MediaType> type = request.getContentType();
        if (type.isPresent() && !type.get().equals(MediaType.APPLICATION_OCTET_STREAM_TYPE)) {
            return request; // a stream of arrays would be encoded in that type, not sent as the bytes
        }
        byte[] bytes = (byte[]) body.get();
        request.contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE);
        // as a publisher of arrays the client streams it; the header keeps it from switching to chunked
        request.contentLength(bytes.length);
        Publisher<ReadBuffer> whole = Publishers.just(ReadBufferFactory.getJdkFactory().adapt(bytes));
        Publisher<byte[]> paced = Publishers.map(new PacedReadBuffers(whole, uploads, timer, CHUNK), PacingClientFilter::drain);
        return request.body(paced);
    }

    private static byte[] drain(ReadBuffer buffer) {
        try (buffer) {
            return buffer.toArray();
        }
    }

    private HttpResponse<?> pacedResponse(HttpResponse<?> response) {
        if (!(response instanceof ByteBodyHttpResponse<?>)) {
            return response;
        }
        ByteBody body = ((ByteBodyHttpResponse<?>) response).byteBody();
        if (body.expectedLength().orElse(-1) == 0) {
            return response;
        }
        return ByteBodyHttpResponseWrapper.wrap(response, paced(body, downloads));
    }

    private CloseableByteBody paced(ByteBody body, List<RateLimiter> limiters) {
        return BODIES.adapt(new PacedReadBuffers(body.toReadBufferPublisher(), limiters, timer, CHUNK), body.expectedLength());
    }

    /**
     * Stops the pacing timer when the context closes. Grants already scheduled still fire (the executor is
     * shut down, not stopped, so no body is left holding a buffer); a body that needs a grant after that
     * fails with an {@link java.io.IOException}, so close the context after its transfers.
     */
    @PreDestroy
    public void close() {
        executor.shutdown();
    }

    @Override
    public String toString() {
        return "PacingClientFilter[uploads by " + uploads.size() + " limiter(s), downloads by " + downloads.size() + "]";
    }
}
