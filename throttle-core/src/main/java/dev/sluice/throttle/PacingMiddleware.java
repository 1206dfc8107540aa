package dev.sluice.throttle;

import static dev.sluice.throttle.internal.Arguments.requireNonNull;

import dev.sluice.api.Middleware;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.throttle.internal.PacedBodies;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Paces the bodies that go through a transport: the request body of each upload and the response body of
 * each download, each as one transfer, with {@link TransferListener} progress. Pacing never blocks and
 * holds no more than one buffer of either body (see {@link ThrottledPublisher} and
 * {@link ThrottledSubscriber}, which do the work).
 *
 * <p><b>Which limits.</b> A {@link Pacer} obeys every limiter it was given, so one pacer covers a
 * transfer's own limit, a shared parent and a global limit together. Give one pacer and every transfer in
 * that direction shares its limiters; give a function of the request and each transfer gets the pacer it
 * returns, typically its own limiter under shared ones:
 *
 * <pre>{@code
 * LeakyBucket host = LeakyBucket.of(DataRate.parse("50MiB/s"));       // shared by every transfer
 * PacingMiddleware pacing = PacingMiddleware.builder()
 *         .uploads(request -> Pacer.of(LeakyBucket.of(DataRate.ofBitsPerSecond(819_200)), host))
 *         .downloads(Pacer.of(host))
 *         .uploadListener(request -> new ProgressBar(request.uri()))  // the application's TransferListener
 *         .build();
 * Transport transport = Middleware.chain(http, List.of(retry, signing, pacing));
 * }</pre>
 *
 * <p><b>Where in the chain.</b> Put it last, next to the transport: middlewares before it see the body
 * unpaced (a signer hashing the payload reads it at full speed), and each attempt of a retrying middleware
 * before it is paced and reported as a transfer of its own.
 *
 * <p>Bodies of 0 bytes are not transfers: they pass unchanged and no listener is made for them. A body
 * keeps its length and its replayability (a replayed upload is paced again from its first byte, and counts
 * into the same listener, which reports done or failed once). An upload is queued when it is sent, a
 * download when its body is subscribed to.
 */
public final class PacingMiddleware implements Middleware {

    private final Function<? super Request, ? extends Pacer> uploads;
    private final Function<? super Request, ? extends Pacer> downloads;
    private final Function<? super Request, ? extends TransferListener> uploadListeners;
    private final Function<? super Request, ? extends TransferListener> downloadListeners;

    private PacingMiddleware(Builder builder) {
        this.uploads = builder.uploads;
        this.downloads = builder.downloads;
        this.uploadListeners = builder.uploadListeners;
        this.downloadListeners = builder.downloadListeners;
    }

    /** Paces every request body with {@code pacer}, shared by all uploads. */
    public static PacingMiddleware uploads(Pacer pacer) {
        return builder().uploads(pacer).build();
    }

    /** Paces every response body with {@code pacer}, shared by all downloads. */
    public static PacingMiddleware downloads(Pacer pacer) {
        return builder().downloads(pacer).build();
    }

    /** A builder; at least one direction must be paced. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends {@code request} with its body paced and paces the response body. The pacers and listeners for
     * both directions are obtained first: if a function throws or returns null, the returned future fails
     * with that exception (or an {@link IllegalStateException}) and nothing is sent.
     */
    @Override
    public CompletableFuture<Response> send(Request request, Transport next) {
        Request paced;
        Pacer downloadPacer;
        TransferListener downloadListener;
        try {
            paced = request;
            if (uploads != null && request.body().contentLength() != 0) {
                Pacer pacer = obtain(uploads, request, "upload pacer");
                TransferListener listener = obtain(uploadListeners, request, "upload listener");
                paced = request.withBody(PacedBodies.upload(request.body(), pacer, listener));
            }
            downloadPacer = downloads == null ? null : obtain(downloads, request, "download pacer");
            downloadListener = downloads == null ? null : obtain(downloadListeners, request, "download listener");
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        CompletableFuture<Response> response = next.send(paced);
        if (downloadPacer == null) {
            return response;
        }
        return response.thenApply(received -> received.body().contentLength() == 0 ? received
                : received.withBody(PacedBodies.download(received.body(), downloadPacer, downloadListener)));
    }

    private static <T> T obtain(Function<? super Request, ? extends T> function, Request request, String what) {
        T value = function.apply(request);
        if (value == null) {
            throw new IllegalStateException("the " + what + " function returned null for " + request.method() + " "
                    + request.uri());
        }
        return value;
    }

    @Override
    public String toString() {
        return "PacingMiddleware[" + (uploads == null ? "" : "uploads") + (uploads != null && downloads != null ? ", " : "")
                + (downloads == null ? "" : "downloads") + "]";
    }

    /** Configures a {@link PacingMiddleware}. */
    public static final class Builder {
        private Function<? super Request, ? extends Pacer> uploads;
        private Function<? super Request, ? extends Pacer> downloads;
        private Function<? super Request, ? extends TransferListener> uploadListeners = request -> TransferListener.none();
        private Function<? super Request, ? extends TransferListener> downloadListeners = request -> TransferListener.none();

        private Builder() {
        }

        /** Paces request bodies with {@code pacer}, shared by all uploads. */
        public Builder uploads(Pacer pacer) {
            requireNonNull(pacer, "upload pacer");
            return uploads(request -> pacer);
        }

        /** Paces each request body with the pacer {@code pacerFor} returns for its request. */
        public Builder uploads(Function<? super Request, ? extends Pacer> pacerFor) {
            this.uploads = requireNonNull(pacerFor, "upload pacer function");
            return this;
        }

        /** Paces response bodies with {@code pacer}, shared by all downloads. */
        public Builder downloads(Pacer pacer) {
            requireNonNull(pacer, "download pacer");
            return downloads(request -> pacer);
        }

        /** Paces each response body with the pacer {@code pacerFor} returns for its request. */
        public Builder downloads(Function<? super Request, ? extends Pacer> pacerFor) {
            this.downloads = requireNonNull(pacerFor, "download pacer function");
            return this;
        }

        /** The listener of each upload, made for its request before it is sent. Default: none. */
        public Builder uploadListener(Function<? super Request, ? extends TransferListener> listenerFor) {
            this.uploadListeners = requireNonNull(listenerFor, "upload listener function");
            return this;
        }

        /** The listener of each download, made for its request before it is sent. Default: none. */
        public Builder downloadListener(Function<? super Request, ? extends TransferListener> listenerFor) {
            this.downloadListeners = requireNonNull(listenerFor, "download listener function");
            return this;
        }

        /** @throws IllegalStateException if neither direction is paced */
        public PacingMiddleware build() {
            if (uploads == null && downloads == null) {
                throw new IllegalStateException("a pacing middleware needs an upload or a download pacer (or both)");
            }
            return new PacingMiddleware(this);
        }
    }
}
