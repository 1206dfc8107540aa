package dev.sluice.transport.testkit;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/** Generated bodies and recording subscribers for the transport tests. */
public final class Streams {

    public static final int KIB = 1024;
    public static final int MIB = 1024 * 1024;

    private Streams() {
    }

    /** The byte at {@code position} of every generated body: order and integrity show in its CRC. */
    public static byte at(long position) {
        return (byte) (position * 31 + (position >>> 12));
    }

    /** The CRC-32 of a generated body of {@code length} bytes. */
    public static long crcOf(long length) {
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[64 * KIB];
        for (long done = 0; done < length; ) {
            int n = (int) Math.min(chunk.length, length - done);
            fill(chunk, done, n);
            crc.update(chunk, 0, n);
            done += n;
        }
        return crc.getValue();
    }

    /** Writes the generated body's bytes {@code from} .. {@code from + length - 1} into {@code bytes}. */
    public static void fill(byte[] bytes, long from, int length) {
        for (int i = 0; i < length; i++) {
            bytes[i] = at(from + i);
        }
    }

    /**
     * A generated body of {@code length} bytes in chunks of {@code chunk}, each made when it is requested
     * (nothing is buffered ahead); it counts what was requested and emitted.
     */
    public static final class Source implements Flow.Publisher<ByteBuffer> {
        public final long length;
        public final int chunk;
        public final AtomicLong emittedBytes = new AtomicLong();
        public final AtomicLong requestedItems = new AtomicLong();
        public final AtomicLong emittedItems = new AtomicLong();
        /** The most items ever requested and not yet emitted. */
        public final AtomicLong maxOutstanding = new AtomicLong();
        public volatile int subscriptions;
        public volatile boolean cancelled;

        public Source(long length, int chunk) {
            this.length = length;
            this.chunk = chunk;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            subscriptions++;
            subscriber.onSubscribe(new Flow.Subscription() {
                private long demand;
                private long position;
                private boolean emitting;
                private boolean done;

                @Override
                public synchronized void request(long n) {
                    requestedItems.addAndGet(n);
                    maxOutstanding.accumulateAndGet(requestedItems.get() - emittedItems.get(), Math::max);
                    demand += n;
                    if (emitting) {
                        return; // the outer call goes on (rule 3.3)
                    }
                    emitting = true;
                    while (demand > 0 && position < length && !cancelled) {
                        int n1 = (int) Math.min(chunk, length - position);
                        byte[] bytes = new byte[n1];
                        fill(bytes, position, n1);
                        position += n1;
                        demand--;
                        emittedItems.incrementAndGet();
                        emittedBytes.addAndGet(n1);
                        subscriber.onNext(ByteBuffer.wrap(bytes));
                    }
                    emitting = false;
                    if (position == length && !done && !cancelled) {
                        done = true;
                        subscriber.onComplete();
                    }
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }
    }

    /**
     * Receives a body, asking for {@code batch} buffers at a time once the previous batch arrived; it
     * checks the bytes against the generated pattern as they come.
     */
    public static final class Sink implements Flow.Subscriber<ByteBuffer> {
        public final CompletableFuture<Long> done = new CompletableFuture<>();
        public final AtomicLong received = new AtomicLong();
        public final AtomicLong buffers = new AtomicLong();
        private final CRC32 crc = new CRC32();
        private final long batch;
        private long leftInBatch;
        public volatile Flow.Subscription subscription;
        /** Stop asking after this many bytes; the test asks for more itself. */
        public volatile long pauseAfter = Long.MAX_VALUE;

        public Sink(long batch) {
            this.batch = batch;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            leftInBatch = batch;
            subscription.request(batch);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            synchronized (crc) {
                crc.update(bytes);
            }
            received.addAndGet(bytes.length);
            buffers.incrementAndGet();
            if (--leftInBatch == 0 && received.get() < pauseAfter) {
                leftInBatch = batch;
                subscription.request(batch);
            }
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            done.complete(received.get());
        }

        public long crc() {
            synchronized (crc) {
                return crc.getValue();
            }
        }
    }
}
