package dev.sluice.throttle;

import static dev.sluice.throttle.internal.Arguments.requireNonNull;

import dev.sluice.throttle.internal.PacedProcessor;
import dev.sluice.throttle.internal.Progress;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Flow.Subscriber} that hands what it receives to another subscriber no faster than its
 * {@link Pacer} allows: the decorator for a paced download, where the transport's response-body publisher
 * subscribes a {@code ThrottledSubscriber} wrapped around the application's subscriber. It paces exactly
 * as {@link ThrottledPublisher} does (one upstream buffer at a time, cut into granted slices of at most
 * one chunk, never blocking; whole while every limit is off), seen from the other end.
 *
 * <pre>{@code
 * Pacer pacer = Pacer.of(LeakyBucket.of(DataRate.ofBitsPerSecond(819_200)));
 * response.body().publisher().subscribe(ThrottledSubscriber.wrap(applicationSubscriber, pacer));
 * }</pre>
 *
 * <p>The wrapped subscriber receives its {@code onSubscribe} when this one does, and its demand counts
 * slices. Like any subscriber it can be subscribed once; a second subscription is cancelled (rule 2.5).
 * While {@link #transferring(boolean) transferring(false)} is in force, buffers pass through whole,
 * neither paced nor counted.
 */
public final class ThrottledSubscriber implements Flow.Subscriber<ByteBuffer> {

    private final Flow.Subscriber<? super ByteBuffer> downstream;
    private final Pacer pacer;
    private final Progress progress;
    private final PacedProcessor processor;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    private ThrottledSubscriber(Flow.Subscriber<? super ByteBuffer> downstream, Pacer pacer, TransferListener listener) {
        this.downstream = requireNonNull(downstream, "subscriber");
        this.pacer = requireNonNull(pacer, "pacer");
        this.progress = new Progress(listener);
        this.processor = new PacedProcessor(pacer, pacer.limiterSet(), progress);
    }

    /** Paces what {@code subscriber} receives with {@code pacer}. */
    public static ThrottledSubscriber wrap(Flow.Subscriber<? super ByteBuffer> subscriber, Pacer pacer) {
        return new ThrottledSubscriber(subscriber, pacer, TransferListener.none());
    }

    /** Paces what {@code subscriber} receives with {@code pacer} and reports progress to {@code listener}. */
    public static ThrottledSubscriber wrap(Flow.Subscriber<? super ByteBuffer> subscriber, Pacer pacer, TransferListener listener) {
        return new ThrottledSubscriber(subscriber, pacer, listener);
    }

    /** Switches pacing and counting on (the default) or off. */
    public void transferring(boolean transferring) {
        progress.transferring(transferring);
    }

    /** The bytes handed to the wrapped subscriber while transferring. */
    public long bytesTransferred() {
        return progress.bytes();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        if (subscription == null) {
            throw new NullPointerException("subscription must not be null (Reactive Streams rule 2.13)");
        }
        if (!subscribed.compareAndSet(false, true)) {
            subscription.cancel();
            return;
        }
        // the wrapped subscriber first, so that its requests are waiting when upstream arrives
        processor.subscribe(downstream);
        processor.onSubscribe(subscription);
    }

    @Override
    public void onNext(ByteBuffer buffer) {
        processor.onNext(buffer);
    }

    @Override
    public void onError(Throwable error) {
        processor.onError(error);
    }

    @Override
    public void onComplete() {
        processor.onComplete();
    }

    @Override
    public String toString() {
        return "ThrottledSubscriber(" + downstream + ", " + pacer + ")";
    }
}
