package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.throttle.Pacer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's upload and download pacers see every byte; a limiter that never waits keeps it deterministic. */
class PacedTransferTest {

    /** Grants at once and counts what was reserved. */
    static final class CountingLimiter implements RateLimiter {
        final AtomicLong reserved = new AtomicLong();

        @Override
        public long reserve(long bytes) {
            reserved.addAndGet(bytes);
            return 0;
        }

        @Override
        public long tryReserve(long bytes, long maxWaitNanos) {
            return reserve(bytes);
        }

        @Override
        public long waitEstimate(long bytes) {
            return 0;
        }

        @Override
        public void giveBack(long bytes) {
            reserved.addAndGet(-bytes);
        }

        @Override
        public DataRate rate() {
            return DataRate.ofBitsPerSecond(819_200);
        }

        @Override
        public void setRate(DataRate rate) {
        }

        @Override
        public DataSize burst() {
            return DataSize.ofKibibytes(16);
        }
    }

    final FakeOss oss = new FakeOss();
    final CountingLimiter up = new CountingLimiter();
    final CountingLimiter down = new CountingLimiter();
    final OssClient client = OssClient.builder().endpoint(URI.create("http://127.0.0.1:9000"))
            .credentials(Credentials.of("id", "secret")).transport(oss).signer(new FixedSigner())
            .uploadPacer(Pacer.of(up)).downloadPacer(Pacer.of(down)).build();
    @TempDir
    Path dir;

    @Test
    void pacesEveryUploadedByteInChunksOfThePacer() throws IOException {
        byte[] data = OssClientTest.random(200_000);
        client.putObject("bucket", "k", Files.write(dir.resolve("in"), data));
        assertEquals(200_000, up.reserved.get());
        assertEquals(0, down.reserved.get());
        assertTrue(oss.received.get(0).largestBuffer() <= 8192, "largest buffer " + oss.received.get(0).largestBuffer());
        assertArrayEquals(data, oss.object("bucket", "k"));
    }

    @Test
    void pacesEveryDownloadedByteAndStillChecksTheCrc() throws IOException {
        byte[] data = OssClientTest.random(150_000);
        oss.store("bucket", "k", data);
        Path target = dir.resolve("out");
        client.getObject("bucket", "k", target);
        assertEquals(150_000, down.reserved.get());
        assertArrayEquals(data, Files.readAllBytes(target));
    }
}
