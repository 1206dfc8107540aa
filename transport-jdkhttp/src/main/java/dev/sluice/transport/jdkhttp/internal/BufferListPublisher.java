package dev.sluice.transport.jdkhttp.internal;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The JDK's response body (a publisher of buffer lists, one list per read) as a publisher of single
 * buffers: each element of a list is one item, published only on demand. It holds at most the one list it
 * is handing out and asks the JDK for the next only when that list is used up and demand remains, so the
 * body is never read ahead of its subscriber by more than one read. It can be subscribed to once.
 *
 * <p>While its subscriber has demand and the JDK has been asked for a read that has not come, the body is
 * waiting on the network; if it waits that way for the {@link BodyWatch body idle timeout}, the subscriber
 * gets an {@link java.io.IOException} naming the exchange and the exchange is cancelled. A subscriber that
 * asks for nothing (a paced reader between chunks) is never timed out. Transport errors of the body name
 * the exchange too.
 */
final class BufferListPublisher implements Flow.Publisher<ByteBuffer> {

    private final Flow.Publisher<List<ByteBuffer>> upstream;
    private final BodyWatch watch;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    BufferListPublisher(Flow.Publisher<List<ByteBuffer>> upstream) {
        this(upstream, BodyWatch.NONE);
    }

    BufferListPublisher(Flow.Publisher<List<ByteBuffer>> upstream, BodyWatch watch) {
        this.upstream = upstream;
        this.watch = watch;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        if (subscriber == null) {
            throw new NullPointerException("subscriber must not be null (Reactive Streams rule 1.9)");
        }
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("a response body streams once and already has a subscriber"));
            return;
        }
        Flattener flattener = new Flattener(subscriber, watch);
        subscriber.onSubscribe(flattener);
        upstream.subscribe(flattener);
        if (watch.timesOut()) {
            watch.after(watch.idleNanos(), flattener.idleCheck);
        }
    }

    /** Subscriber to the JDK's lists and subscription for the downstream subscriber, serialised by a drain loop. */
    private static final class Flattener implements Flow.Subscriber<List<ByteBuffer>>, Flow.Subscription {

        private final Flow.Subscriber<? super ByteBuffer> downstream;
        private final BodyWatch watch;
        /**
         * {@link #checkIdle()} through a weak reference: a pending check (up to one idle timeout away) must not
         * keep a finished body and its subscriber reachable. While the exchange is open the JDK holds this.
         */
        private final Runnable idleCheck;
        private final AtomicInteger work = new AtomicInteger();
        private final AtomicLong demand = new AtomicLong();
        private final AtomicReference<Flow.Subscription> upstream = new AtomicReference<>();
        private final AtomicReference<List<ByteBuffer>> arrived = new AtomicReference<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean outstanding;
        private volatile boolean completed;
        private volatile boolean cancelled;
        private volatile boolean refused;
        private volatile boolean stalled;
        /** When the read now outstanding was asked for; meaningful while {@link #outstanding}. */
        private volatile long outstandingSince;

        // owned by the thread running the drain loop
        private Iterator<ByteBuffer> current;
        private boolean finished;
        private boolean cancelSent;

        Flattener(Flow.Subscriber<? super ByteBuffer> downstream, BodyWatch watch) {
            this.downstream = downstream;
            this.watch = watch;
            WeakReference<Flattener> self = new WeakReference<>(this);
            this.idleCheck = () -> {
                Flattener live = self.get();
                if (live != null) {
                    live.checkIdle();
                }
            };
        }

        /**
         * Fails the body if the read outstanding now has been waited for the whole idle timeout, else looks
         * again when it would have been; stops once the body has ended one way or the other.
         */
        void checkIdle() {
            if (completed || cancelled || refused || failure.get() != null) {
                return;
            }
            long idle = watch.idleNanos();
            long waited = outstanding ? watch.now() - outstandingSince : 0;
            if (waited < idle) {
                watch.after(idle - waited, idleCheck);
                return;
            }
            if (failure.compareAndSet(null, watch.stalled())) {
                stalled = true; // the drain loop cancels the JDK's subscription, which closes the exchange
                drain();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            if (!upstream.compareAndSet(null, subscription)) {
                subscription.cancel();
                return;
            }
            drain();
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            // arrived before outstanding: the loop reads them in the other order
            arrived.set(buffers);
            outstanding = false;
            drain();
        }

        @Override
        public void onError(Throwable error) {
            failure.compareAndSet(null, watch.named(error));
            drain();
        }

        @Override
        public void onComplete() {
            completed = true;
            drain();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                // rule 3.9: the subscriber hears why, and the exchange is closed
                failure.compareAndSet(null, new IllegalArgumentException("demand must be positive, was " + n + " (Reactive Streams rule 3.9)"));
                refused = true;
                drain();
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

        private void drain() {
            if (work.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                step();
                missed = work.addAndGet(-missed);
            } while (missed != 0);
        }

        private void step() {
            while (true) {
                if ((cancelled || refused || stalled) && !cancelSent) {
                    Flow.Subscription subscription = upstream.get();
                    if (subscription != null) {
                        cancelSent = true;
                        subscription.cancel(); // the JDK closes the exchange
                    }
                }
                if (finished) {
                    arrived.set(null);
                    return;
                }
                if (cancelled) {
                    finished = true;
                    current = null;
                    continue;
                }
                Throwable failed = failure.get();
                if (failed != null) {
                    finished = true;
                    current = null;
                    downstream.onError(failed);
                    continue;
                }
                // read in this order: completed, then outstanding, then arrived (see onNext)
                boolean ended = completed;
                boolean waiting = outstanding;
                if (current == null || !current.hasNext()) {
                    List<ByteBuffer> next = arrived.getAndSet(null);
                    current = next == null ? null : next.iterator();
                }
                if (current != null && current.hasNext()) {
                    if (demand.get() == 0) {
                        return;
                    }
                    ByteBuffer buffer = current.next();
                    if (buffer.hasRemaining()) {
                        demand.getAndUpdate(d -> d == Long.MAX_VALUE ? d : d - 1);
                        downstream.onNext(buffer);
                    }
                    continue;
                }
                if (ended) {
                    finished = true;
                    downstream.onComplete();
                    return;
                }
                Flow.Subscription subscription = upstream.get();
                if (waiting || subscription == null || demand.get() == 0) {
                    return;
                }
                outstandingSince = watch.now(); // before outstanding: checkIdle reads them in the other order
                outstanding = true;
                subscription.request(1);
            }
        }
    }
}
