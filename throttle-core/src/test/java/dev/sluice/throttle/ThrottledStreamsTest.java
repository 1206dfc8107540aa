package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThrottledStreamsTest {

    private static final DataRate OSS_LIMIT = DataRate.ofBitsPerSecond(819_200);
    private static final int KIB = 1024;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FakeTime time = new FakeTime();
    private final LeakyBucket bucket = LeakyBucket.builder().rate(OSS_LIMIT).ticker(time).build();
    private final Pacer pacer = Pacer.builder().limiter(bucket).ticker(time).parker(time).scheduler(time).build();

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void readsAreReleasedEightKibEveryEightyMillisAndArriveIntact() throws IOException {
        byte[] payload = randomBytes(64 * KIB);
        List<Long> readTimes = new ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (InputStream in = new ThrottledInputStream(new ByteArrayInputStream(payload), pacer)) {
            byte[] buffer = new byte[32 * KIB];
            for (int n; (n = in.read(buffer)) > 0; ) {
                readTimes.add(time.elapsed() / MS);
                sink.write(buffer, 0, n);
            }
        }
        assertEquals(List.of(0L, 0L, 80L, 160L, 240L, 320L, 400L, 480L), readTimes, "one chunk per read");
        assertArrayEquals(payload, sink.toByteArray());
    }

    @Test
    void transferToIsPacedToo() throws IOException {
        byte[] payload = randomBytes(100 * KIB);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        new ThrottledInputStream(new ByteArrayInputStream(payload), pacer).transferTo(sink);
        assertEquals(OSS_LIMIT.nanosToSend(84 * KIB), time.elapsed(), "100 KiB less the 16 KiB burst at 100 KiB/s");
        assertArrayEquals(payload, sink.toByteArray());
    }

    @Test
    void shortReadsAndTheEndOfStreamCostOnlyTheBytesReturned() throws IOException {
        InputStream trickle = new InputStream() {
            private int left = 1000;

            @Override
            public int read() {
                throw new AssertionError("not used");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = Math.min(100, left);
                left -= n;
                return n;
            }
        };
        ThrottledInputStream in = new ThrottledInputStream(trickle, pacer);
        byte[] buffer = new byte[8 * KIB];
        while (in.read(buffer) != -1) {
            // drain
        }
        assertEquals(1000, in.bytesTransferred());
        assertEquals(List.of(), time.parks(), "ten 100 B reads pre-pay 8 KiB each but keep only 100 B");
        assertEquals(0, bucket.waitEstimate(15 * KIB), "1000 B of the 16 KiB burst used");
    }

    @Test
    void writesAreSplitIntoPacedChunks() throws IOException {
        byte[] payload = randomBytes(64 * KIB);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (ThrottledOutputStream out = new ThrottledOutputStream(sink, pacer)) {
            out.write(payload);
            assertEquals(64 * KIB, out.bytesTransferred());
        }
        assertEquals(Collections.nCopies(6, 80 * MS), time.parks());
        assertArrayEquals(payload, sink.toByteArray());
    }

    @Test
    void anInterruptedReadThrowsInterruptedIoExceptionKeepsTheFlagGivesTheBudgetBackAndLosesNoByte()
            throws IOException {
        bucket.reserve(24 * KIB);                                   // 80 ms of backlog beyond the burst
        time.at(30 * MS, () -> Thread.currentThread().interrupt());
        byte[] payload = randomBytes(KIB);
        ThrottledInputStream in = new ThrottledInputStream(new ByteArrayInputStream(payload), pacer);

        InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> in.read(new byte[KIB]));

        assertEquals("interrupted while waiting to transfer 1024 B", e.getMessage());
        assertTrue(Thread.interrupted(), "interrupt flag kept");
        assertEquals(OSS_LIMIT.nanosToSend(KIB) + 50 * MS, bucket.waitEstimate(KIB), "the 1 KiB was given back");
        byte[] again = new byte[KIB];
        assertEquals(KIB, in.read(again), "the bytes read before the interrupt come next");
        assertArrayEquals(payload, again);
        assertEquals(-1, in.read(again));
    }

    @Test
    void anInterruptedWriteReportsHowManyBytesWentOut() {
        time.at(100 * MS, () -> Thread.currentThread().interrupt());
        ThrottledOutputStream out = new ThrottledOutputStream(new ByteArrayOutputStream(), pacer);

        InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> out.write(new byte[64 * KIB]));

        assertEquals(24 * KIB, e.bytesTransferred);
    }

    @Test
    void bytesReadWhileNotTransferringAreNeitherPacedNorCounted() throws IOException {
        List<String> events = new ArrayList<>();
        TransferListener listener = new TransferListener() {
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
        };
        ThrottledInputStream in = new ThrottledInputStream(new ByteArrayInputStream(new byte[48 * KIB]), pacer, listener);
        in.transferring(false);
        assertEquals(32 * KIB, in.readNBytes(32 * KIB).length, "a signer hashes the first 32 KiB");
        in.transferring(true);
        byte[] buffer = new byte[8 * KIB];
        while (in.read(buffer) != -1) {
            // drain
        }
        assertEquals(List.of("queued", "progress 8192", "progress 8192", "done"), events);
        assertEquals(16 * KIB, in.bytesTransferred());
        assertEquals(List.of(), time.parks(), "only the 16 KiB sent were paced: the burst");
    }

    @Test
    void aFailingReadReportsTheFailureOnceAndReturnsTheBudget() {
        List<Throwable> failures = new ArrayList<>();
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("connection reset");
            }
        };
        ThrottledInputStream in = new ThrottledInputStream(broken, pacer, new TransferListener() {
            @Override
            public void onFailed(Throwable failure) {
                failures.add(failure);
            }
        });
        assertThrows(IOException.class, () -> in.read(new byte[KIB]));
        assertThrows(IOException.class, () -> in.read(new byte[KIB]));
        assertEquals(1, failures.size());
        assertEquals(0, bucket.waitEstimate(16 * KIB));
    }

    @Test
    void refusesNullArgumentsAndMarkReset() {
        assertEquals("input stream must not be null",
                assertThrows(IllegalArgumentException.class, () -> new ThrottledInputStream(null, pacer)).getMessage());
        assertEquals("pacer must not be null", assertThrows(IllegalArgumentException.class,
                () -> new ThrottledOutputStream(new ByteArrayOutputStream(), null)).getMessage());
        ThrottledInputStream in = new ThrottledInputStream(new ByteArrayInputStream(new byte[1]), pacer);
        assertEquals("mark/reset is not supported by ThrottledInputStream",
                assertThrows(IOException.class, in::reset).getMessage());
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
