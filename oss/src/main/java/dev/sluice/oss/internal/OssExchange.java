package dev.sluice.oss.internal;

import dev.sluice.api.Credentials;
import dev.sluice.api.Middleware;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Signer;
import dev.sluice.api.Transport;
import dev.sluice.oss.OssServiceException;
import dev.sluice.oss.TrafficLimit;
import dev.sluice.oss.TrafficLimitMiddleware;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * Sends the client's requests through its middleware (traffic limit, then signing at the instant of
 * sending) and turns non-2xx answers into {@link OssServiceException}s.
 */
public final class OssExchange {

    /** The largest XML document or error body read into memory. */
    public static final int MAX_DOCUMENT_BYTES = 1 << 20;

    private final Transport transport;
    private final Transport pipeline;

    /** Sends through {@code transport}, adding {@code limit} (if not null) and signing each request at {@code clock}'s instant. */
    public OssExchange(Transport transport, Signer signer, Credentials credentials, Clock clock, TrafficLimit limit) {
        this.transport = transport;
        List<Middleware> middlewares = new ArrayList<>();
        if (limit != null) {
            middlewares.add(TrafficLimitMiddleware.of(limit)); // before signing: the header must be signed
        }
        middlewares.add((request, next) -> {
            Request signed;
            try {
                signed = signer.sign(request, credentials, clock.instant());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return next.send(signed);
        });
        this.pipeline = Middleware.chain(transport, middlewares);
    }

    /**
     * Sends {@code request} and waits for the response head; a non-2xx response is read (bounded) and
     * thrown as an {@link OssServiceException}.
     */
    public Response send(Request request) throws IOException {
        Response response = await(pipeline.send(request));
        if (!response.isSuccessful()) {
            byte[] body;
            try {
                body = await(BodyCollector.collect(response.body().publisher(), MAX_DOCUMENT_BYTES));
            } catch (IOException unreadable) {
                body = new byte[0]; // the status and headers still say what happened
            }
            throw OssServiceException.from(response.status(), response.headers(), body);
        }
        return response;
    }

    /** Reads the response body, an XML document, into memory. */
    public static byte[] readDocument(Response response) throws IOException {
        return await(BodyCollector.collect(response.body().publisher(), MAX_DOCUMENT_BYTES));
    }

    /** Consumes and drops a body nobody needs, which releases the connection. */
    public static void discard(Response response) {
        response.body().publisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
    }

    /** Closes the transport. */
    public void close() {
        transport.close();
    }

    /**
     * Waits for {@code future}; an interrupt cancels it and keeps the interrupt flag, an {@link IOException}
     * or {@link RuntimeException} cause is rethrown as it is.
     */
    public static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for OSS");
            interrupted.initCause(e);
            throw interrupted;
        } catch (CancellationException e) {
            throw new IOException("the request was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IOException(cause);
        }
    }
}
