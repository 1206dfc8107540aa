package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cheap paths of the throttled writers: a write with every limit off goes whole, and a chunk that
 * need not wait takes no listener; neither changes what is paced or counted.
 */
class UnpacedFastPathTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final int KIB = 1024;

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = LeakyBucket.builder().rate(DataRate.UNLIMITED).ticker(time).build();
    private final List<Integer> writes = new ArrayList<>();
    private final List<Long> progress = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final TransferListener listener = new TransferListener() {
        @Override
        public void onProgress(long bytes) {
            progress.add(bytes);
        }

        @Override
        public void onFailed(Throwable failure) {
            failures.add(failure);
        }
    };

    @Test
    void aChunkThatNeedNotWaitRegistersNoRateListener() throws IOException {
        bucket.setRate(OSS_LIMIT);
        ListenerCountingLimiter counting = new ListenerCountingLimiter(bucket);
        ThrottledOutputStream out = new ThrottledOutputStream(recordingSink(), pacer(counting), listener);

        out.write(new byte[16 * KIB]);
        assertEquals(0, counting.listenersAdded, "the burst goes without a waiting reservation");

        out.write(new byte[8 * KIB]);
        assertEquals(1, counting.listenersAdded, "a chunk that waits listens for rate changes");
        assertEquals(OSS_LIMIT.nanosToSend(8 * KIB), time.elapsed());
        assertEquals(24L * KIB, out.bytesTransferred());
    }

    private Pacer pacer(RateLimiter limiter) {
        return Pacer.builder().limiter(limiter).ticker(time).parker(time).scheduler(time).build();
    }

    private OutputStream recordingSink() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(len);
            }
        };
    }

    private WritableByteChannel recordingChannel() {
        return new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) {
                int n = src.remaining();
                src.position(src.limit());
                writes.add(n);
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Passes everything on, counting the rate listeners registered. */
    private static final class ListenerCountingLimiter implements RateLimiter {
        private final RateLimiter delegate;
        int listenersAdded;

        ListenerCountingLimiter(RateLimiter delegate) {
            this.delegate = delegate;
        }

        @Override
        public long reserve(long bytes) {
            return delegate.reserve(bytes);
        }

        @Override
        public long tryReserve(long bytes, long maxWaitNanos) {
            return delegate.tryReserve(bytes, maxWaitNanos);
        }

        @Override
        public long waitEstimate(long bytes) {
            return delegate.waitEstimate(bytes);
        }

        @Override
        public void giveBack(long bytes) {
            delegate.giveBack(bytes);
        }

        @Override
        public DataRate rate() {
            return delegate.rate();
        }

        @Override
        public void setRate(DataRate rate) {
            delegate.setRate(rate);
        }

        @Override
        public DataSize burst() {
            return delegate.burst();
        }

        @Override
        public void addListener(Listener listener) {
            listenersAdded++;
            delegate.addListener(listener);
        }

        @Override
        public void removeListener(Listener listener) {
            delegate.removeListener(listener);
        }
    }
}
