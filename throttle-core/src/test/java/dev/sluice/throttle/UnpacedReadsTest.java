package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The throttled readers with every limit off: a read takes as much as asked, and a limit switched on paces. */
class UnpacedReadsTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final int KIB = 1024;

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = LeakyBucket.builder().rate(DataRate.UNLIMITED).ticker(time).build();
    private final Pacer pacer = Pacer.builder().limiter(bucket).ticker(time).parker(time).scheduler(time).build();
    private final List<Long> progress = new ArrayList<>();
    private final TransferListener listener = new TransferListener() {
        @Override
        public void onProgress(long bytes) {
            progress.add(bytes);
        }
    };

    @Test
    void aReadWithLimitingOffTakesAsMuchAsAskedAndReportsIt() throws IOException {
        byte[] payload = randomBytes(100 * KIB);
        ThrottledInputStream in = new ThrottledInputStream(new ByteArrayInputStream(payload), pacer, listener);

        byte[] buffer = new byte[64 * KIB];
        assertEquals(64 * KIB, in.read(buffer));

        assertEquals(List.of(64L * KIB), progress);
        assertEquals(64L * KIB, in.bytesTransferred());
        assertEquals(0, time.elapsed());
    }

    @Test
    void switchingTheLimitOnMidStreamMakesTheNextReadsOneChunkEach() throws IOException {
        byte[] payload = randomBytes(100 * KIB);
        ThrottledInputStream in = new ThrottledInputStream(new ByteArrayInputStream(payload), pacer, listener);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * KIB];
        List<Integer> reads = new ArrayList<>();

        for (int n; (n = in.read(buffer)) > 0; ) {
            reads.add(n);
            sink.write(buffer, 0, n);
            bucket.setRate(OSS_LIMIT);
        }

        assertEquals(List.of(64 * KIB, 8 * KIB, 8 * KIB, 8 * KIB, 8 * KIB, 4 * KIB), reads);
        assertEquals(OSS_LIMIT.nanosToSend(20 * KIB), time.elapsed(), "36 KiB less the fresh 16 KiB burst");
        assertEquals(100L * KIB, in.bytesTransferred());
        assertArrayEquals(payload, sink.toByteArray());
    }

    @Test
    void aLimitSwitchedOnBetweenAReadAndItsGrantMakesThatReadWaitForAllOfIt() throws IOException {
        InputStream switchingOn = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("not used");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                bucket.setRate(OSS_LIMIT);
                return len;
            }
        };
        ThrottledInputStream in = new ThrottledInputStream(switchingOn, pacer, listener);

        assertEquals(64 * KIB, in.read(new byte[64 * KIB]));

        assertEquals(OSS_LIMIT.nanosToSend(48 * KIB), time.elapsed(), "64 KiB less the fresh 16 KiB burst");
        assertEquals(List.of(64L * KIB), progress);
    }

    @Test
    void aChannelReadWithLimitingOffFillsTheBufferAndIsPacedOnceTheLimitIsOn() throws IOException {
        byte[] payload = randomBytes(100 * KIB);
        ThrottledReadableByteChannel channel = new ThrottledReadableByteChannel(
                Channels.newChannel(new ByteArrayInputStream(payload)), pacer, listener);
        ByteBuffer buffer = ByteBuffer.allocate(64 * KIB);

        assertEquals(64 * KIB, channel.read(buffer));
        bucket.setRate(OSS_LIMIT);
        buffer.clear();
        assertEquals(8 * KIB, channel.read(buffer));

        assertEquals(List.of(64L * KIB, 8L * KIB), progress);
        assertEquals(0, time.elapsed(), "the second read is within the fresh burst");
        assertEquals(72L * KIB, channel.bytesTransferred());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
