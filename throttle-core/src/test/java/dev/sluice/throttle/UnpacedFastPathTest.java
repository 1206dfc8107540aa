package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
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
    void aWriteWithLimitingOffGoesWholeAndReportsEveryByte() throws IOException {
        ThrottledOutputStream out = new ThrottledOutputStream(recordingSink(), pacer(bucket), listener);

        out.write(new byte[64 * KIB]);

        assertEquals(List.of(64 * KIB), writes, "one write, not eight chunks");
        assertEquals(List.of(64L * KIB), progress);
        assertEquals(64L * KIB, out.bytesTransferred());
        assertEquals(0, time.elapsed());
    }

    @Test
    void switchingTheLimitOnMidStreamPacesTheNextWrite() throws IOException {
        ThrottledOutputStream out = new ThrottledOutputStream(recordingSink(), pacer(bucket), listener);
        out.write(new byte[64 * KIB]);

        bucket.setRate(OSS_LIMIT);
        out.write(new byte[64 * KIB]);

        assertEquals(List.of(64 * KIB, 8 * KIB, 8 * KIB, 8 * KIB, 8 * KIB, 8 * KIB, 8 * KIB, 8 * KIB, 8 * KIB),
                writes);
        assertEquals(OSS_LIMIT.nanosToSend(48 * KIB), time.elapsed(), "64 KiB less the fresh 16 KiB burst");
        assertEquals(128L * KIB, progress.stream().mapToLong(Long::longValue).sum());
        assertEquals(128L * KIB, out.bytesTransferred());
    }

    @Test
    void switchingTheLimitOffMidStreamLetsTheNextWriteGoWhole() throws IOException {
        bucket.setRate(OSS_LIMIT);
        ThrottledOutputStream out = new ThrottledOutputStream(recordingSink(), pacer(bucket), listener);
        out.write(new byte[32 * KIB]);
        long paced = time.elapsed();

        bucket.setRate(DataRate.UNLIMITED);
        out.write(new byte[64 * KIB]);

        assertEquals(List.of(8 * KIB, 8 * KIB, 8 * KIB, 8 * KIB, 64 * KIB), writes);
        assertEquals(OSS_LIMIT.nanosToSend(16 * KIB), paced);
        assertEquals(paced, time.elapsed(), "the whole write went without waiting");
        assertEquals(96L * KIB, out.bytesTransferred());
    }

    @Test
    void limitersThatCountGrantsSeeEveryByteOfAWholeWrite() throws IOException {
        MeteredRateLimiter metered = MeteredRateLimiter.of(bucket, time);
        ThrottledOutputStream out = new ThrottledOutputStream(recordingSink(), pacer(metered), listener);

        out.write(new byte[64 * KIB]);

        assertEquals(64L * KIB, metered.statistics().bytesGranted());
    }

    @Test
    void aFailedWholeWriteGivesItsGrantBackAndReportsTheFailure() {
        MeteredRateLimiter metered = MeteredRateLimiter.of(bucket, time);
        IOException broken = new IOException("broken pipe");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw broken;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw broken;
            }
        };
        ThrottledOutputStream out = new ThrottledOutputStream(failing, pacer(metered), listener);

        assertSame(broken, assertThrows(IOException.class, () -> out.write(new byte[64 * KIB])));
        assertEquals(64L * KIB, metered.statistics().bytesGivenBack());
        assertEquals(List.of(broken), failures);
        assertEquals(0, out.bytesTransferred());
    }

    @Test
    void aWholeGrantIsNotGivenBackToALimitSwitchedOnDuringTheWrite() {
        MeteredRateLimiter metered = MeteredRateLimiter.of(bucket, time);
        IOException broken = new IOException("reset while the limit came on");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw broken;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                bucket.setRate(OSS_LIMIT);
                throw broken;
            }
        };
        ThrottledOutputStream out = new ThrottledOutputStream(failing, pacer(metered), listener);

        assertThrows(IOException.class, () -> out.write(new byte[64 * KIB]));

        assertEquals(0, metered.statistics().bytesGivenBack(), "the free grant credits nothing");
        assertEquals(0, bucket.waitEstimate(16 * KIB), "the fresh burst");
        assertEquals(OSS_LIMIT.nanosToSend(8 * KIB), bucket.waitEstimate(24 * KIB), "and not a byte more");
    }

    @Test
    void aChannelTakingPartOfAWholeWriteReportsThatPartAndGivesTheRestBack() throws IOException {
        MeteredRateLimiter metered = MeteredRateLimiter.of(bucket, time);
        WritableByteChannel tenKib = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) {
                src.position(src.position() + 10 * KIB);
                return 10 * KIB;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        ThrottledWritableByteChannel channel = new ThrottledWritableByteChannel(tenKib, pacer(metered), listener);
        ByteBuffer src = ByteBuffer.allocate(64 * KIB);

        assertEquals(10 * KIB, channel.write(src));

        assertEquals(54 * KIB, src.remaining());
        assertEquals(List.of(10L * KIB), progress);
        assertEquals(54L * KIB, metered.statistics().bytesGivenBack());
    }

    @Test
    void aWholeWriteNeedsEveryLimiterOff() throws IOException {
        LeakyBucket parent = LeakyBucket.builder().rate(OSS_LIMIT).ticker(time).build();
        Pacer pacer = Pacer.builder().limiter(bucket).limiter(parent).ticker(time).parker(time).scheduler(time).build();
        ThrottledOutputStream out = new ThrottledOutputStream(recordingSink(), pacer, listener);

        out.write(new byte[32 * KIB]);

        assertEquals(List.of(8 * KIB, 8 * KIB, 8 * KIB, 8 * KIB), writes);
        assertEquals(OSS_LIMIT.nanosToSend(16 * KIB), time.elapsed());
    }

    @Test
    void aChannelWriteWithLimitingOffGoesWholeAndTheNextIsPacedOnceTheLimitIsOn() throws IOException {
        ThrottledWritableByteChannel channel = new ThrottledWritableByteChannel(recordingChannel(), pacer(bucket),
                listener);

        assertEquals(64 * KIB, channel.write(ByteBuffer.allocate(64 * KIB)));
        bucket.setRate(OSS_LIMIT);
        assertEquals(32 * KIB, channel.write(ByteBuffer.allocate(32 * KIB)));

        assertEquals(List.of(64 * KIB, 8 * KIB, 8 * KIB, 8 * KIB, 8 * KIB), writes);
        assertEquals(OSS_LIMIT.nanosToSend(16 * KIB), time.elapsed());
        assertEquals(96L * KIB, channel.bytesTransferred());
    }

    @Test
    void aGrantWithLimitingOffReadsNoClockAndAFiniteOneDoes() {
        int[] reads = {0};
        Ticker counting = () -> {
            reads[0]++;
            return time.read();
        };
        LeakyBucket off = LeakyBucket.builder().rate(DataRate.UNLIMITED).ticker(counting).build();
        int atStart = reads[0];

        assertEquals(0, off.reserve(64 * KIB));
        assertEquals(0, off.tryReserve(64 * KIB, 0));
        assertEquals(atStart, reads[0], "the clock is the costly part, and limiting off needs none");

        off.setRate(OSS_LIMIT);
        int beforeFinite = reads[0];
        assertEquals(0, off.reserve(8 * KIB));
        assertEquals(beforeFinite + 1, reads[0]);
    }

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
