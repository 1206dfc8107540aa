package dev.sluice.transfer;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.oss.Crc64;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.oss.OssClient;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

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

    /**
     * The emulator's transport with a hook: {@code before} runs on the sending thread just before each request
     * {@code when} accepts is sent (so a test can act at an exact step), and {@code answer} rewrites its
     * response. Every request is recorded as "METHOD query".
     */
    Hooked hooked(Predicate<Request> when, Consumer<Request> before, UnaryOperator<Response> answer) {
        return new Hooked(transport, when, before, answer);
    }

    /** See {@link #hooked}. */
    static final class Hooked implements Transport {
        final List<String> sent = new CopyOnWriteArrayList<>();
        private final Transport inner;
        private final Predicate<Request> when;
        private final Consumer<Request> before;
        private final UnaryOperator<Response> answer;

        Hooked(Transport inner, Predicate<Request> when, Consumer<Request> before, UnaryOperator<Response> answer) {
            this.inner = inner;
            this.when = when;
            this.before = before;
            this.answer = answer;
        }

        @Override
        public CompletableFuture<Response> send(Request request) {
            sent.add(request.method() + " " + request.uri().getRawQuery());
            if (!when.test(request)) {
                return inner.send(request);
            }
            before.accept(request);
            return inner.send(request).thenApply(answer);
        }

        /** How many requests of {@code method} were sent. */
        long count(String method) {
            return sent.stream().filter(line -> line.startsWith(method + " ")).count();
        }
    }

    /** Whether {@code request} initiates a multipart upload ({@code POST ?uploads}). */
    static boolean initiates(Request request) {
        return request.method().equals("POST") && "uploads".equals(request.uri().getRawQuery());
    }

    /** Whether {@code request} completes a multipart upload ({@code POST ?uploadId=...}). */
    static boolean completes(Request request) {
        String query = request.uri().getRawQuery();
        return request.method().equals("POST") && query != null && query.startsWith("uploadId=");
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
