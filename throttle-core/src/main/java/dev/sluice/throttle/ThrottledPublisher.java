package dev.sluice.throttle;

import static dev.sluice.throttle.internal.Arguments.requireNonNull;

import dev.sluice.throttle.internal.PacedProcessor;
import dev.sluice.throttle.internal.Progress;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A {@link Flow.Publisher} of the same bytes as its upstream, delivered no faster than its {@link Pacer}
 * allows: the decorator for a paced upload body. Each upstream buffer is cut into slices of at most
 * {@link Pacer#chunkSize()} (views of the buffer, not copies) and each slice goes downstream once it is
 * granted. Upstream is read one buffer at a time, so the body is never read ahead of the pacing by more
 * than one upstream buffer, and nothing blocks: waits are timed by the pacer's {@link Scheduler}, and a
 * slice that need not wait goes at once on the thread that moved the stream. With every limit switched
 * off, each buffer goes through whole (still granted, so limiters and the listener see every byte).
 *
 * <pre>{@code
 * Pacer pacer = Pacer.of(LeakyBucket.of(DataRate.ofBitsPerSecond(819_200)));
 * Body body = Body.ofBytes(bytes);
 * Body paced = Body.of(new ThrottledPublisher(body.publisher(), pacer), body.contentLength());
 * }</pre>
 *
 * <p>Downstream demand counts slices: {@code request(1)} is answered by one slice of at most one chunk.
 * Upstream completion is passed on after the last slice, an upstream error at once; a grant that was
 * being waited for when the stream ended (error or cancellation) is given back to the pacer.
 *
 * <p>Every {@link #subscribe subscription} is paced on its own, through the same pacer, and all of them
 * count into this publisher's progress and listener: it stands for one transfer, as a stream does. While
 * {@link #transferring(boolean) transferring(false)} is in force (a signer hashing the body before it is
 * sent), buffers pass through whole, neither paced nor counted, and completing or failing such a pass does
 * not end the transfer. Cancellation is not reported to the listener.
 */
public final class ThrottledPublisher implements Flow.Publisher<ByteBuffer> {

    private final Flow.Publisher<? extends ByteBuffer> upstream;
    private final Pacer pacer;
    private final Progress progress;

    /** Paces {@code upstream} with {@code pacer}. */
    public ThrottledPublisher(Flow.Publisher<? extends ByteBuffer> upstream, Pacer pacer) {
        this(upstream, pacer, TransferListener.none());
    }

    /** Paces {@code upstream} with {@code pacer} and reports progress to {@code listener}. */
    public ThrottledPublisher(Flow.Publisher<? extends ByteBuffer> upstream, Pacer pacer, TransferListener listener) {
        this.upstream = requireNonNull(upstream, "upstream publisher");
        this.pacer = requireNonNull(pacer, "pacer");
        this.progress = new Progress(listener);
    }

    /** Switches pacing and counting on (the default) or off, e.g. while the body is hashed. */
    public void transferring(boolean transferring) {
        progress.transferring(transferring);
    }

    /** The bytes delivered downstream while transferring, over all subscriptions. */
    public long bytesTransferred() {
        return progress.bytes();
    }

    /**
     * Subscribes {@code subscriber} to a paced view of the upstream: it receives {@code onSubscribe} first,
     * then upstream is subscribed to.
     *
     * @throws NullPointerException if {@code subscriber} is null (Reactive Streams rule 1.9)
     */
    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        if (subscriber == null) {
            throw new NullPointerException("subscriber must not be null (Reactive Streams rule 1.9)");
        }
        PacedProcessor processor = new PacedProcessor(pacer, pacer.limiterSet(), progress);
        processor.subscribe(subscriber);
        upstream.subscribe(processor);
    }

    @Override
    public String toString() {
        return "ThrottledPublisher(" + upstream + ", " + pacer + ")";
    }
}
