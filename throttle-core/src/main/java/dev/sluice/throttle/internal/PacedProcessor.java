package dev.sluice.throttle.internal;

import dev.sluice.throttle.Pacer;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Paces one stream of byte buffers: the single implementation behind {@code ThrottledPublisher} and
 * {@code ThrottledSubscriber}. It holds at most one upstream buffer, cuts it into slices of at most one
 * chunk (views, not copies), and hands each slice downstream once the pacer has granted it, so the
 * body is never read ahead of the pacing by more than one upstream buffer. With every limit off, a buffer
 * goes through whole on one no-wait grant per limiter instead. Downstream demand counts
 * slices; upstream is asked for one buffer at a time, and only when the last one is delivered and
 * demand remains.
 *
 * <p>It never blocks: a slice that may go at once is granted without waiting (one zero-bound reservation)
 * and delivered from the loop that asked, with no future and no scheduler; only a wait is a
 * {@link Pacer#acquireAsync(long)} future, and the grant for the next slice is requested as soon as the
 * previous one is delivered, so waiting overlaps sending. Signals go
 * downstream one at a time from a drain loop (whichever thread moves the state runs it; no lock is held
 * while calling out), and upstream {@code request}/{@code cancel} are made from the same loop, so both
 * sides see serial calls.
 *
 * <p>Endings: upstream completion is passed on after the last slice; an upstream error at once, giving
 * back the grant being waited for. Downstream cancellation cancels upstream and gives back the pending
 * grant, silently (the listener hears nothing). A bad {@code request(n)} (n &le; 0, rule 3.9), a null
 * buffer (rule 2.13) or a buffer nobody asked for (rule 1.1) cancels upstream and fails downstream.
 * While the progress is not transferring, buffers go through whole, unpaced and uncounted.
 */
public final class PacedProcessor implements Flow.Processor<ByteBuffer, ByteBuffer> {

    private final Pacer pacer;
    private final LimiterSet limiters;
    private final Progress progress;

    private final AtomicInteger work = new AtomicInteger();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicReference<Flow.Subscriber<? super ByteBuffer>> downstream = new AtomicReference<>();
    private final AtomicReference<Flow.Subscription> upstream = new AtomicReference<>();
    private final AtomicReference<ByteBuffer> arrived = new AtomicReference<>();
    private final AtomicBoolean outstanding = new AtomicBoolean();
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private volatile boolean ready;
    private volatile boolean upstreamCompleted;
    private volatile boolean cancelled;

    // owned by the thread running the drain loop
    private ByteBuffer current;
    private CompletableFuture<Void> grant;
    private long grantBytes;
    private boolean finished;
    private boolean upstreamCancelWanted;
    private boolean upstreamCancelSent;

    /** A processor pacing with {@code pacer} (whose limiters are {@code limiters}) and counting into {@code progress}. */
    public PacedProcessor(Pacer pacer, LimiterSet limiters, Progress progress) {
        if (pacer == null || limiters == null || progress == null) {
            throw new IllegalArgumentException("pacer, limiters and progress must not be null");
        }
        this.pacer = pacer;
        this.limiters = limiters;
        this.progress = progress;
    }

    /** Accepts one subscriber; a second one is refused with {@link IllegalStateException} through onError. */
    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        if (subscriber == null) {
            throw new NullPointerException("subscriber must not be null (Reactive Streams rule 1.9)");
        }
        if (!downstream.compareAndSet(null, subscriber)) {
            subscriber.onSubscribe(Refused.INSTANCE);
            subscriber.onError(new IllegalStateException("a paced stream has one subscriber and already has one"));
            return;
        }
        subscriber.onSubscribe(new Downstream());
        // nothing but onSubscribe may reach the subscriber before onSubscribe returned (rule 1.3)
        ready = true;
        drain();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        if (subscription == null) {
            throw new NullPointerException("subscription must not be null (Reactive Streams rule 2.13)");
        }
        if (!upstream.compareAndSet(null, subscription)) {
            subscription.cancel(); // rule 2.5: one subscription at a time
            return;
        }
        drain();
    }

    @Override
    public void onNext(ByteBuffer buffer) {
        if (buffer == null) {
            NullPointerException refused = new NullPointerException("upstream published a null buffer (Reactive Streams rule 2.13)");
            fail(refused, true);
            throw refused;
        }
        if (!outstanding.get()) {
            fail(new IllegalStateException("upstream published a buffer that was not requested (Reactive Streams rule 1.1)"), true);
            return;
        }
        // arrived before outstanding: the drain loop reads them in the other order
        arrived.set(buffer);
        outstanding.set(false);
        drain();
    }

    @Override
    public void onError(Throwable error) {
        if (error == null) {
            NullPointerException refused = new NullPointerException("upstream signalled a null error (Reactive Streams rule 2.13)");
            fail(refused, false);
            throw refused;
        }
        fail(error, false);
    }

    @Override
    public void onComplete() {
        upstreamCompleted = true;
        drain();
    }

    private void fail(Throwable error, boolean cancelUpstream) {
        failure.compareAndSet(null, new Failure(error, cancelUpstream));
        drain();
    }

    /** Runs the loop unless another thread is running it, in which case that thread runs it once more. */
    private void drain() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            try {
                step();
            } catch (RuntimeException | Error e) {
                // a listener or a misbehaving upstream threw; end the stream rather than wedge the loop
                failure.compareAndSet(null, new Failure(e, true));
                continue;
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }

    private void step() {
        while (true) {
            if (upstreamCancelWanted && !upstreamCancelSent) {
                Flow.Subscription subscription = upstream.get();
                if (subscription != null) {
                    upstreamCancelSent = true;
                    subscription.cancel();
                }
            }
            if (finished) {
                arrived.set(null); // a buffer that was in flight when the stream ended
                return;
            }
            if (!ready) {
                return;
            }
            Flow.Subscriber<? super ByteBuffer> subscriber = downstream.get();
            if (cancelled) {
                finish(true);
                continue;
            }
            Failure failed = failure.get();
            if (failed != null) {
                finish(failed.cancelUpstream);
                boolean counted = progress.transferring();
                // the subscriber first: a listener that throws must not keep it from its terminal signal
                subscriber.onError(failed.error);
                if (counted) {
                    progress.failed(failed.error);
                }
                return;
            }
            // read in this order: completed, then outstanding, then arrived (see onNext)
            boolean completed = upstreamCompleted;
            boolean waiting = outstanding.get();
            if (current == null) {
                ByteBuffer next = arrived.getAndSet(null);
                if (next != null && next.hasRemaining()) {
                    // our own cursor: a replayable upstream may publish the same buffer object again
                    current = next.duplicate();
                }
            }
            if (current != null) {
                if (advance(subscriber)) {
                    continue;
                }
                return;
            }
            if (completed) {
                finished = true;
                boolean counted = progress.transferring();
                subscriber.onComplete();
                if (counted) {
                    progress.done();
                }
                return;
            }
            Flow.Subscription subscription = upstream.get();
            if (waiting || subscription == null || demand.get() == 0) {
                return;
            }
            outstanding.set(true);
            subscription.request(1);
        }
    }

    /** Moves the current buffer one step: asks for a grant, or delivers a granted slice. False: must wait. */
    private boolean advance(Flow.Subscriber<? super ByteBuffer> subscriber) {
        if (grant == null) {
            if (demand.get() == 0) {
                return false;
            }
            if (!progress.transferring()) {
                deliver(subscriber, current.remaining());
                return true;
            }
            // with every limit off the buffer goes whole, on one no-wait grant per limiter (which still meters
            // every byte); it is checked per buffer, so a limit switched on paces the next one in chunks
            int whole = current.remaining();
            if (limiters.takeAllNowIfUnlimited(whole)) {
                if (!deliver(subscriber, whole)) {
                    limiters.giveBackWhereUnlimited(whole);
                }
                return true;
            }
            grantBytes = Math.min(current.remaining(), pacer.chunkSize());
            // a slice that may go now goes now, from this loop on this thread: no future, no listener, no
            // scheduler hop (a request() made from inside onNext only marks the loop to run once more)
            if (limiters.takeAloneNow(grantBytes)) {
                deliver(subscriber, (int) grantBytes);
                return true;
            }
            CompletableFuture<Void> acquisition = pacer.acquireAsync(grantBytes);
            grant = acquisition;
            acquisition.whenComplete((ignored, error) -> drain());
            return true;
        }
        if (!grant.isDone()) {
            return false;
        }
        CompletableFuture<Void> granted = grant;
        grant = null;
        if (granted.isCompletedExceptionally()) {
            // only cancellation fails an acquisition, and it has given back what it held; nobody else
            // holds this future, so this is a defect elsewhere: end the stream rather than send unpaid bytes
            failure.compareAndSet(null, new Failure(new CancellationException("the grant for the next slice was cancelled"), true));
            return true;
        }
        deliver(subscriber, (int) grantBytes);
        return true;
    }

    /** Hands the next {@code length} bytes downstream; false if the subscriber threw (nothing is counted then). */
    private boolean deliver(Flow.Subscriber<? super ByteBuffer> subscriber, int length) {
        ByteBuffer slice = current.slice(current.position(), length);
        current.position(current.position() + length);
        if (!current.hasRemaining()) {
            current = null;
        }
        demand.getAndUpdate(n -> n == Long.MAX_VALUE ? n : n - 1);
        try {
            subscriber.onNext(slice);
        } catch (RuntimeException | Error e) {
            // rule 2.13 broken downstream: treat as cancelled and tell it why, as SubmissionPublisher does
            failure.compareAndSet(null, new Failure(e, true));
            return false;
        }
        progress.moved(length);
        return true;
    }

    /** Ends the stream: gives back the grant not delivered and drops the held buffer. */
    private void finish(boolean cancelUpstream) {
        finished = true;
        current = null;
        arrived.set(null);
        CompletableFuture<Void> pending = grant;
        grant = null;
        // cancel() gives back a grant still waiting; one already granted we give back ourselves
        if (pending != null && !pending.cancel(false) && !pending.isCompletedExceptionally()) {
            pacer.giveBack(grantBytes);
        }
        if (cancelUpstream) {
            upstreamCancelWanted = true;
            Flow.Subscription subscription = upstream.get();
            if (subscription != null && !upstreamCancelSent) {
                upstreamCancelSent = true;
                subscription.cancel();
            }
        }
    }

    @Override
    public String toString() {
        return "PacedProcessor[" + pacer + "]";
    }

    /** The subscription handed downstream. */
    private final class Downstream implements Flow.Subscription {

        @Override
        public void request(long n) {
            if (n <= 0) {
                fail(new IllegalArgumentException("demand must be positive, was " + n + " (Reactive Streams rule 3.9)"), true);
                return;
            }
            demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            drain();
        }
    }

    /** Why the stream ended, and whether upstream is still live and must be cancelled. */
    private record Failure(Throwable error, boolean cancelUpstream) {
    }

    /** Handed to a subscriber that is refused. */
    private enum Refused implements Flow.Subscription {
        INSTANCE;

        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    }
}
