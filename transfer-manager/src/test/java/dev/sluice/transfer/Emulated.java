package dev.sluice.transfer;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.OssClient;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fixture of the real-socket tests: an {@link OssEmulator} on 127.0.0.1, {@link JdkHttpTransport}s, and
 * managers with small parts (100 KiB, the OSS minimum) so that multipart cases stay fast.
 */
final class Emulated implements AutoCloseable {

    static final Credentials KEY = Credentials.of("LTAI5tTransferKey0001", "transfer-secret/KEY+00000000000");
    static final String BUCKET = "transfer-bucket";
    static final DataSize PART = DataSize.ofKibibytes(100);
    static final DataSize THRESHOLD = DataSize.ofKibibytes(200);

    final OssEmulator emulator;
    final JdkHttpTransport transport;
    final OssClient oss;

    Emulated() {
        emulator = OssEmulator.builder().credentials(KEY).bucket(BUCKET).start();
        transport = JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).build();
        oss = OssClient.builder().endpoint(emulator.endpoint()).region(emulator.region()).credentials(KEY)
                .transport(JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).build()).build();
    }

    /** A config with small parts, a retry without wait, {@code concurrency} parts at once, and {@code cap}. */
    TransferConfig.Builder config(DataRate cap, int concurrency) {
        return TransferConfig.builder().maxBandwidth(cap).multipartThreshold(THRESHOLD).multipartChunkSize(PART)
                .maxConcurrency(concurrency).retryBackoff(Duration.ZERO).transport(transport);
    }

    TransferManager manager(TransferConfig config) {
        return TransferManager.builder().endpoint(emulator.endpoint()).region(emulator.region()).credentials(KEY)
                .config(config).build();
    }

    /** A file of {@code length} random bytes (seeded by {@code seed}). */
    static Path randomFile(Path folder, String name, int length, long seed) throws IOException {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return Files.write(folder.resolve(name), bytes);
    }

    static long crcOf(Path file) throws IOException {
        return Crc64.of(Files.readAllBytes(file));
    }

    @Override
    public void close() {
        oss.close();
        transport.close();
        emulator.close();
    }

    /** Records every progress call and the end of one transfer. */
    static final class Recording implements TransferSubscriber {
        final List<Long> deltas = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onQueued(TransferFuture transfer) {
            events.add("queued");
        }

        @Override
        public void onProgress(long bytes) {
            deltas.add(bytes);
        }

        @Override
        public void onDone(TransferResult result) {
            events.add("done");
        }

        @Override
        public void onFailure(Throwable failure) {
            events.add("failed " + failure.getClass().getSimpleName());
        }

        long sum() {
            return deltas.stream().mapToLong(Long::longValue).sum();
        }

        /** The highest the running sum ever was: a retried part must never push it past the size. */
        long peak() {
            long sum = 0;
            long peak = 0;
            for (long delta : deltas) {
                sum += delta;
                peak = Math.max(peak, sum);
            }
            return peak;
        }
    }
}
