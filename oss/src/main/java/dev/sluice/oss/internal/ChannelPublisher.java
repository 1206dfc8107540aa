package dev.sluice.oss.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes exactly {@code length} bytes read from a channel, one fresh buffer of at most
 * {@link #BUFFER_SIZE} per unit of demand, reading only when asked: an upload body that never holds more
 * than one buffer of the object. Reads run on the thread that signals demand.
 */
public final class ChannelPublisher implements Flow.Publisher<ByteBuffer> {

    /** The most bytes read and published at once. */
    public static final int BUFFER_SIZE = 64 * 1024;

    /** Opens the channel of one subscription. */
    @FunctionalInterface
    interface Source {
        ReadableByteChannel open() throws IOException;
    }

    private final Source source;
    private final long length;
    private final boolean closeWhenDone;

    private ChannelPublisher(Source source, long length, boolean closeWhenDone) {
        this.source = source;
        this.length = length;
        this.closeWhenDone = closeWhenDone;
    }

    /** {@code length} bytes of {@code file} from {@code offset}; every subscription reads them afresh. */
    public static ChannelPublisher ofFile(Path file, long offset, long length) {
        return new ChannelPublisher(() -> FileChannel.open(file, StandardOpenOption.READ).position(offset), length, true);
    }

    /**
     * The next {@code length} bytes of {@code in}, which is read once and not closed (its owner closes it);
     * a second subscription fails.
     */
    public static ChannelPublisher ofStream(InputStream in, long length) {
        AtomicBoolean used = new AtomicBoolean();
        return new ChannelPublisher(() -> {
            if (used.getAndSet(true)) {
                throw new IOException("an InputStream body can be sent only once; use a file or byte array to allow retries");
            }
            return Channels.newChannel(in);
        }, length, false);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        if (subscriber == null) {
            throw new NullPointerException("subscriber must not be null (Reactive Streams rule 1.9)");
        }
        Reading reading = new Reading(subscriber);
        subscriber.onSubscribe(reading);
    }

    private final class Reading implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger work = new AtomicInteger();
        private volatile boolean done;
        private ReadableByteChannel channel;
        private long sent;

        Reading(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                fail(new IllegalArgumentException("demand must be positive, was " + n + " (Reactive Streams rule 3.9)"));
                return;
            }
            demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        @Override
        public void cancel() {
            done = true;
            drain(); // closes the channel on the draining thread
        }

        /** One thread at a time reads and emits; requests made meanwhile (even from onNext) loop here. */
        private void drain() {
            if (work.getAndIncrement() != 0) {
                return;
            }
            do {
                try {
                    while (!done && demand.get() > 0) {
                        if (sent == length) {
                            done = true;
                            close();
                            subscriber.onComplete();
                            break;
                        }
                        ByteBuffer buffer = read();
                        demand.decrementAndGet();
                        subscriber.onNext(buffer);
                    }
                    if (done) {
                        close();
                    }
                } catch (IOException e) {
                    fail(e);
                }
            } while (work.decrementAndGet() != 0);
        }

        private ByteBuffer read() throws IOException {
            if (channel == null) {
                channel = source.open();
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER_SIZE, length - sent));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new EOFException("body ended after " + (sent + buffer.position()) + " B of the " + length
                            + " B announced as its length");
                }
            }
            sent += buffer.capacity();
            return buffer.flip();
        }

        private void fail(Throwable error) {
            if (!done) {
                done = true;
                close();
                subscriber.onError(error);
            }
        }

        private void close() {
            if (channel != null && closeWhenDone) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // reading is over; a failed close of a read-only channel loses nothing
                }
            }
            channel = null;
        }
    }
}
