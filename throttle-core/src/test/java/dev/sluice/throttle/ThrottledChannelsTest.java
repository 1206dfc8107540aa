package dev.sluice.throttle;

import static dev.sluice.throttle.FlowProbes.KIB;
import static dev.sluice.throttle.FlowProbes.MILLIS;
import static dev.sluice.throttle.FlowProbes.millis;
import static dev.sluice.throttle.FlowProbes.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.throttle.FlowProbes.ListenerLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThrottledChannelsTest {

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = FlowProbes.bucket(time);
    private final Pacer pacer = FlowProbes.pacer(time, bucket);
    private final ListenerLog listener = new ListenerLog();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted(); // never leak an interrupt into the next test
    }

    @Test
    void readsEightKibEveryEightyMillisAfterTheBurstAndTheEndOfStreamCostsNothing() throws IOException {
        ReadableByteChannel in = new ThrottledReadableByteChannel(
                Channels.newChannel(new ByteArrayInputStream(pattern(64 * KIB, 0))), pacer, listener);
        ByteBuffer dst = ByteBuffer.allocate(16 * KIB);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Long> times = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();

        for (int n = 0; n >= 0; dst.clear()) {
            n = in.read(dst);
            counts.add(n);
            times.add(time.elapsed());
            all.write(dst.array(), 0, dst.position());
        }

        List<Integer> expectedCounts = new ArrayList<>(Collections.nCopies(8, 8 * KIB));
        expectedCounts.add(-1);
        assertEquals(expectedCounts, counts);
        assertEquals(millis(0, 0, 80, 160, 240, 320, 400, 480, 480), times, "finding the end does not wait");
        assertArrayEquals(pattern(64 * KIB, 0), all.toByteArray());
        assertEquals(160 * MILLIS, bucket.waitEstimate(16 * KIB), "exactly 64 KiB paid for");
        assertEquals("done", listener.events.get(listener.events.size() - 1));
    }

    @Test
    void aShortReadGivesBackWhatItDidNotReturn() throws IOException {
        ThrottledReadableByteChannel in = new ThrottledReadableByteChannel(
                new Trickle(Channels.newChannel(new ByteArrayInputStream(pattern(64 * KIB, 0))), KIB), pacer);
        ByteBuffer dst = ByteBuffer.allocate(64 * KIB);

        assertEquals(KIB, in.read(dst));

        assertEquals(KIB, dst.position());
        assertEquals(64 * KIB, dst.limit(), "the caller's limit is restored");
        assertEquals(10 * MILLIS, bucket.waitEstimate(16 * KIB), "only 1 KiB (10 ms) of the 8 KiB grant is spent");
        assertEquals(KIB, in.bytesTransferred());
    }

    @Test
    void writesEightKibEveryEightyMillisAfterTheBurst() throws IOException {
        Sink sink = new Sink(Integer.MAX_VALUE);
        ThrottledWritableByteChannel out = new ThrottledWritableByteChannel(sink, pacer, listener);

        assertEquals(64 * KIB, out.write(ByteBuffer.wrap(pattern(64 * KIB, 0))));
        out.close();

        assertEquals(millis(0, 0, 80, 160, 240, 320, 400, 480), sink.times);
        assertEquals(Collections.nCopies(8, 8 * KIB), sink.sizes);
        assertArrayEquals(pattern(64 * KIB, 0), sink.bytes.toByteArray());
        assertEquals(64 * KIB, out.bytesTransferred());
        assertEquals("done", listener.events.get(listener.events.size() - 1));
    }

    @Test
    void aChannelThatTakesLessEndsTheWriteEarlyAndGivesBackTheRest() throws IOException {
        Sink sink = new Sink(3 * KIB);
        ThrottledWritableByteChannel out = new ThrottledWritableByteChannel(sink, pacer);
        ByteBuffer src = ByteBuffer.wrap(pattern(64 * KIB, 0));

        assertEquals(3 * KIB, out.write(src));

        assertEquals(3 * KIB, src.position());
        assertEquals(64 * KIB, src.limit(), "the caller's limit is restored");
        assertEquals(30 * MILLIS, bucket.waitEstimate(16 * KIB), "only 3 KiB (30 ms) of the 8 KiB grant is spent");
        assertEquals(3 * KIB, out.bytesTransferred());
    }

    @Test
    void anInterruptedWriteThrowsWithTheFlagSetAndTheWaitingChunkGivenBack() {
        Sink sink = new Sink(Integer.MAX_VALUE);
        ThrottledWritableByteChannel out = new ThrottledWritableByteChannel(sink, pacer, listener);
        ByteBuffer src = ByteBuffer.wrap(pattern(64 * KIB, 0));
        Thread test = Thread.currentThread();
        time.at(200 * MILLIS, test::interrupt); // while the fifth chunk waits for 240 ms

        InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> out.write(src));

        assertTrue(Thread.interrupted(), "the interrupt flag stays set");
        assertEquals(200 * MILLIS, time.elapsed());
        assertEquals(32 * KIB, e.bytesTransferred);
        assertEquals(32 * KIB, src.position());
        assertEquals(40 * MILLIS, bucket.waitEstimate(8 * KIB), "the fifth chunk's reservation is back");
        assertTrue(listener.events.get(listener.events.size() - 1).startsWith("failed java.io.InterruptedIOException"));
    }

    @Test
    void anInterruptedReadThrowsWithTheFlagSetNothingReservedAndNoByteLost() throws IOException {
        ThrottledReadableByteChannel in = new ThrottledReadableByteChannel(
                Channels.newChannel(new ByteArrayInputStream(pattern(64 * KIB, 0))), pacer);
        ByteBuffer dst = ByteBuffer.allocate(64 * KIB);
        in.read(dst);
        in.read(dst);
        time.at(40 * MILLIS, Thread.currentThread()::interrupt);

        assertThrows(InterruptedIOException.class, () -> in.read(dst));

        assertTrue(Thread.interrupted());
        assertEquals(16 * KIB, dst.position(), "the bytes read are taken out of the caller's buffer again");
        assertEquals(40 * MILLIS, bucket.waitEstimate(8 * KIB), "the third chunk's reservation is back");
        assertEquals(8 * KIB, in.read(dst), "and handed out by the next read");
        dst.flip();
        byte[] read = new byte[dst.remaining()];
        dst.get(read);
        assertArrayEquals(java.util.Arrays.copyOf(pattern(64 * KIB, 0), 24 * KIB), read);
    }

    @Test
    void readsAndWritesUnpacedAndUncountedWhileNotTransferring() throws IOException {
        ThrottledReadableByteChannel in = new ThrottledReadableByteChannel(
                Channels.newChannel(new ByteArrayInputStream(pattern(64 * KIB, 0))), pacer);
        ThrottledWritableByteChannel out = new ThrottledWritableByteChannel(new Sink(Integer.MAX_VALUE), pacer);
        in.transferring(false);
        out.transferring(false);

        assertEquals(64 * KIB, in.read(ByteBuffer.allocate(64 * KIB)));
        assertEquals(64 * KIB, out.write(ByteBuffer.wrap(pattern(64 * KIB, 0))));

        assertEquals(0, time.elapsed());
        assertEquals(0, bucket.waitEstimate(16 * KIB));
        assertEquals(0, in.bytesTransferred());
        assertEquals(0, out.bytesTransferred());
    }

    @Test
    void aClosedChannelFailsAtOnceWithoutTouchingTheBudget() throws IOException {
        Sink sink = new Sink(Integer.MAX_VALUE);
        ThrottledWritableByteChannel out = new ThrottledWritableByteChannel(sink, pacer);
        out.close();

        assertThrows(ClosedChannelException.class, () -> out.write(ByteBuffer.allocate(8 * KIB)));

        assertEquals(0, bucket.waitEstimate(16 * KIB));
    }

    @Test
    void refusesMissingChannelsAndPacersWithClearMessages() {
        ReadableByteChannel source = Channels.newChannel(new ByteArrayInputStream(new byte[0]));
        Sink sink = new Sink(1);
        assertEquals("channel must not be null", assertThrows(IllegalArgumentException.class,
                () -> new ThrottledReadableByteChannel(null, pacer)).getMessage());
        assertEquals("pacer must not be null", assertThrows(IllegalArgumentException.class,
                () -> new ThrottledReadableByteChannel(source, null)).getMessage());
        assertEquals("channel must not be null", assertThrows(IllegalArgumentException.class,
                () -> new ThrottledWritableByteChannel(null, pacer)).getMessage());
        assertEquals("pacer must not be null", assertThrows(IllegalArgumentException.class,
                () -> new ThrottledWritableByteChannel(sink, null)).getMessage());
        assertEquals("listener must not be null (use TransferListener.none())", assertThrows(IllegalArgumentException.class,
                () -> new ThrottledWritableByteChannel(sink, pacer, null)).getMessage());
    }

    /** A channel that returns at most {@code most} bytes per read, like a slow socket. */
    private static final class Trickle implements ReadableByteChannel {
        private final ReadableByteChannel in;
        private final int most;

        Trickle(ReadableByteChannel in, int most) {
            this.in = in;
            this.most = most;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            ByteBuffer window = dst.slice();
            window.limit(Math.min(window.limit(), most));
            int n = in.read(window);
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return in.isOpen();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A channel that takes at most {@code most} bytes per write, like a non-blocking socket, and records when. */
    private final class Sink implements WritableByteChannel {
        private final int most;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Long> times = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();
        private boolean open = true;

        Sink(int most) {
            this.most = most;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
            int n = Math.min(src.remaining(), most);
            byte[] taken = new byte[n];
            src.get(taken);
            bytes.write(taken);
            times.add(time.elapsed());
            sizes.add(n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
