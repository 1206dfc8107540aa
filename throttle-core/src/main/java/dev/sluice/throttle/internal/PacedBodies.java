package dev.sluice.throttle.internal;

import dev.sluice.api.Body;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.ThrottledPublisher;
import dev.sluice.throttle.ThrottledSubscriber;
import dev.sluice.throttle.TransferListener;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/** Bodies paced in either direction, keeping their length and replayability: the work of the pacing middleware. */
public final class PacedBodies {

    private PacedBodies() {
    }

    /**
     * {@code body} delivered no faster than {@code pacer} allows, as one transfer: every subscription is
     * paced from its first byte (a replay for a retry is paced again, so it stays replayable).
     */
    public static Body upload(Body body, Pacer pacer, TransferListener listener) {
        return new Body(new ThrottledPublisher(body.publisher(), pacer, listener), body.contentLength(), body.replayable());
    }

    /** {@code body} handed to each of its subscribers through {@link ThrottledSubscriber#wrap}. */
    public static Body download(Body body, Pacer pacer, TransferListener listener) {
        return new Body(new PacedDownload(body.publisher(), pacer, listener), body.contentLength(), body.replayable());
    }

    /** A response body whose subscribers receive through a pacing subscriber of their own. */
    private static final class PacedDownload implements Flow.Publisher<ByteBuffer> {
        private final Flow.Publisher<ByteBuffer> upstream;
        private final Pacer pacer;
        private final TransferListener listener;

        PacedDownload(Flow.Publisher<ByteBuffer> upstream, Pacer pacer, TransferListener listener) {
            this.upstream = upstream;
            this.pacer = pacer;
            this.listener = listener;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            if (subscriber == null) {
                throw new NullPointerException("subscriber must not be null (Reactive Streams rule 1.9)");
            }
            upstream.subscribe(ThrottledSubscriber.wrap(subscriber, pacer, listener));
        }

        @Override
        public String toString() {
            return "PacedDownload(" + upstream + ", " + pacer + ")";
        }
    }
}
