package dev.sluice.throttle;

import dev.sluice.api.DataRate;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.LongSupplier;

/** Publishers, subscribers and a listener that record what the Flow decorators do, for tests. */
final class FlowProbes {

    /** The running example: 819,200 bit/s = 100 KiB/s, 8 KiB every 80 ms. */
    static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    static final int KIB = 1024;
    static final long MILLIS = 1_000_000L;

    private FlowProbes() {
    }

    /** A pacer over a leaky bucket at 819,200 bit/s, both on {@code time}. */
    static Pacer pacer(FakeTime time, LeakyBucket bucket) {
        return Pacer.builder().limiter(bucket).ticker(time).parker(time).scheduler(time).build();
    }

    /** A leaky bucket at 819,200 bit/s with the default 16 KiB burst on {@code time}. */
    static LeakyBucket bucket(FakeTime time) {
        return LeakyBucket.builder().rate(OSS_LIMIT).ticker(time).build();
    }

    /** {@code size} bytes counting up from 0 (mod 256), so that order and integrity show. */
    static byte[] pattern(int size, int first) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }

    /** A publisher driven by the test: it records requests and cancellation, and emits when told. */
    static final class ManualPublisher implements Flow.Publisher<ByteBuffer> {
        Flow.Subscriber<? super ByteBuffer> subscriber;
        long requested;
        final List<Long> requests = new ArrayList<>();
        boolean cancelled;

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    requests.add(n);
                    requested += n;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }

        void emit(ByteBuffer buffer) {
            subscriber.onNext(buffer);
        }

        void complete() {
            subscriber.onComplete();
        }

        void error(Throwable error) {
            subscriber.onError(error);
        }
    }

    /**
     * A well-behaved publisher of a list of buffers, on the requesting thread; completes right after the
     * last buffer. It counts the buffers requested and delivered.
     */
    static final class ListPublisher implements Flow.Publisher<ByteBuffer> {
        private final List<ByteBuffer> buffers;
        long requested;
        long emitted;
        boolean cancelled;

        ListPublisher(List<ByteBuffer> buffers) {
            this.buffers = buffers;
        }

        static ListPublisher of(int buffers, int size) {
            List<ByteBuffer> list = new ArrayList<>();
            for (int i = 0; i < buffers; i++) {
                list.add(ByteBuffer.wrap(pattern(size, i * size)));
            }
            return new ListPublisher(list);
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            Deque<ByteBuffer> left = new ArrayDeque<>(buffers);
            subscriber.onSubscribe(new Flow.Subscription() {
                private long demand;
                private boolean emitting;
                private boolean done;

                @Override
                public void request(long n) {
                    requested += n;
                    demand += n;
                    if (emitting) {
                        return; // the outer call goes on emitting (rule 3.3)
                    }
                    emitting = true;
                    while (demand > 0 && !left.isEmpty() && !cancelled) {
                        demand--;
                        emitted++;
                        subscriber.onNext(left.poll());
                    }
                    emitting = false;
                    if (left.isEmpty() && !done && !cancelled) {
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

    /** A subscriber that records each buffer (copied) with the time it arrived, and how the stream ended. */
    static final class Recorder implements Flow.Subscriber<ByteBuffer> {
        private final LongSupplier clock;
        private final long initialRequest;
        private final boolean requestOnePerBuffer;
        Flow.Subscription subscription;
        final List<byte[]> buffers = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        long received;
        long completedAt = -1;
        /** Buffers that arrived beyond the demand signalled so far: must stay 0 (rule 1.1). */
        int withoutDemand;
        private long demanded;
        Throwable error;
        /** Runs in each onNext, after the buffer is recorded and before more is requested. */
        Runnable onEach = () -> { };

        Recorder(LongSupplier clock, long initialRequest, boolean requestOnePerBuffer) {
            this.clock = clock;
            this.initialRequest = initialRequest;
            this.requestOnePerBuffer = requestOnePerBuffer;
        }

        /** Requests everything at once. */
        static Recorder unbounded(FakeTime time) {
            return new Recorder(time::elapsed, Long.MAX_VALUE, false);
        }

        /** Requests nothing by itself: the test calls {@code subscription.request}. */
        static Recorder manual(FakeTime time) {
            return new Recorder(time::elapsed, 0, false);
        }

        @Override
        public void onSubscribe(Flow.Subscription real) {
            this.subscription = new Flow.Subscription() {
                @Override
                public void request(long n) {
                    demanded = demanded + n < 0 ? Long.MAX_VALUE : demanded + n;
                    real.request(n);
                }

                @Override
                public void cancel() {
                    real.cancel();
                }
            };
            if (initialRequest > 0) {
                subscription.request(initialRequest);
            }
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            if (buffers.size() >= demanded) {
                withoutDemand++;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            buffers.add(bytes);
            times.add(clock.getAsLong());
            received += bytes.length;
            onEach.run();
            if (requestOnePerBuffer) {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }

        @Override
        public void onComplete() {
            completedAt = clock.getAsLong();
        }

        List<Integer> sizes() {
            List<Integer> sizes = new ArrayList<>();
            for (byte[] buffer : buffers) {
                sizes.add(buffer.length);
            }
            return sizes;
        }

        byte[] bytes() {
            byte[] all = new byte[(int) received];
            int at = 0;
            for (byte[] buffer : buffers) {
                System.arraycopy(buffer, 0, all, at, buffer.length);
                at += buffer.length;
            }
            return all;
        }
    }

    /** A listener that logs its events as text, e.g. {@code "progress 8192"}. */
    static final class ListenerLog implements TransferListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onQueued() {
            events.add("queued");
        }

        @Override
        public void onProgress(long bytes) {
            events.add("progress " + bytes);
        }

        @Override
        public void onDone() {
            events.add("done");
        }

        @Override
        public void onFailed(Throwable failure) {
            events.add("failed " + failure);
        }
    }

    /** Virtual times in milliseconds, as nanoseconds. */
    static List<Long> millis(long... values) {
        List<Long> nanos = new ArrayList<>();
        for (long value : values) {
            nanos.add(value * MILLIS);
        }
        return nanos;
    }
}
