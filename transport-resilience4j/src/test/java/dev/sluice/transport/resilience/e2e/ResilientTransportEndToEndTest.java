package dev.sluice.transport.resilience.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.Middleware;
import dev.sluice.api.Transport;
import dev.sluice.emulator.Fault;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.OssServiceException;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.PacingMiddleware;
import dev.sluice.throttle.TransferListener;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import dev.sluice.transport.resilience.ResilientTransport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resilient transport over real sockets: {@link JdkHttpTransport}s against the {@link OssEmulator} and
 * its fault injection, through {@link OssClient}, which checks the CRC-64 of every upload against what
 * the server stored. Retry waits are 1 ms doubling; the cases assert outcomes and counts, never timings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResilientTransportEndToEndTest {

    private static final Credentials KEY = Credentials.of("LTAI5tResilienceKey01", "resilience-secret/KEY+000000000");
    private static final String BUCKET = "resilient-bucket";
    private static final int LENGTH = 1024 * 1024 + 17;

    private OssEmulator emulator;
    private Path folder;
    private Path source;

    @BeforeAll
    void startEmulator(@TempDir Path scratch) throws IOException {
        folder = scratch;
        emulator = OssEmulator.builder().credentials(KEY).bucket(BUCKET)
                .storageDirectory(Files.createDirectories(folder.resolve("emulator"))).start();
        byte[] bytes = new byte[LENGTH];
        new Random(42).nextBytes(bytes);
        source = Files.write(folder.resolve("source.bin"), bytes);
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @AfterAll
    void stopEmulator() {
        emulator.close();
    }

    private static JdkHttpTransport jdk() {
        return JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Retries 1 ms, 2 ms, 4 ms apart; the default breakers (at least 5 calls before they judge). */
    private static ResilientTransport.Builder resilient() {
        return ResilientTransport.builder()
                .retry(ResilientTransport.retryDefaults().maxAttempts(4)
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(1), 2.0)).build());
    }

    private OssClient client(Transport transport) {
        return OssClient.builder().endpoint(emulator.endpoint()).region(emulator.region()).credentials(KEY)
                .transport(transport).build();
    }

    /** Downloads {@code key} and checks that it holds exactly the source bytes. */
    private void assertIntact(OssClient oss, String key) throws IOException {
        Path target = folder.resolve(key.replace('/', '-') + ".out");
        oss.getObject(BUCKET, key, target);
        assertEquals(-1L, Files.mismatch(source, target), key + " differs from what was sent");
    }

    @Test
    void uploadsIntactAfterTwoSlowDownAnswers() throws IOException {
        emulator.faults().add(Fault.on("PUT", BUCKET + "/slow-down.bin").respond(503, "SlowDown").times(2));
        try (ResilientTransport transport = resilient().primary("jdk", jdk()).build(); OssClient oss = client(transport)) {
            oss.putObject(BUCKET, "slow-down.bin", source);

            assertIntact(oss, "slow-down.bin");
            assertEquals(1, transport.retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt());
        }
    }

    @Test
    void uploadsAFileIntactAfterTheConnectionIsResetMidUploadAndPacesEachAttemptAsItsOwnTransfer() throws IOException {
        emulator.faults().add(Fault.on("PUT", BUCKET + "/reset.bin").resetAfterRequestBytes(256 * 1024).times(1));
        List<AtomicLong> progress = new CopyOnWriteArrayList<>();
        PacingMiddleware pacing = PacingMiddleware.builder()
                .uploads(Pacer.of(LeakyBucket.of(DataRate.ofGigabitsPerSecond(10))))
                .uploadListener(request -> {
                    AtomicLong bytes = new AtomicLong();
                    progress.add(bytes);
                    return new TransferListener() {
                        @Override
                        public void onProgress(long moved) {
                            bytes.addAndGet(moved);
                        }
                    };
                }).build();
        try (ResilientTransport transport = resilient().primary("jdk", jdk()).perAttempt(pacing).build();
                OssClient oss = client(transport)) {
            oss.putObject(BUCKET, "reset.bin", source);

            assertIntact(oss, "reset.bin");
            assertEquals(2, progress.size(), "attempts seen by the pacing middleware");
            // the failed attempt reports what it handed to the socket (all of it may fit in loopback buffers)
            assertTrue(progress.get(0).get() > 0 && progress.get(0).get() <= LENGTH,
                    "the failed attempt reported " + progress.get(0) + " B");
            // the successful attempt reports its own bytes from zero: the failed one's are not added in
            assertEquals(LENGTH, progress.get(1).get());
        }
    }

    @Test
    void failsClearlyWhenAnInputStreamUploadIsResetAndLeavesNoShortObject() throws IOException {
        emulator.faults().add(Fault.on("PUT", BUCKET + "/stream.bin").resetAfterRequestBytes(256 * 1024).times(1));
        try (ResilientTransport transport = resilient().primary("jdk", jdk()).build(); OssClient oss = client(transport);
                InputStream in = Files.newInputStream(source)) {
            IOException failure = assertThrows(IOException.class, () -> oss.putObject(BUCKET, "stream.bin", in, LENGTH));

            assertTrue(messages(failure).contains("its body cannot be replayed"), messages(failure));
            assertTrue(messages(failure).contains("send a file or byte-array body"), messages(failure));
            OssServiceException absent = assertThrows(OssServiceException.class, () -> oss.headObject(BUCKET, "stream.bin"));
            assertEquals(404, absent.status());
        }
    }

    @Test
    void opensThePrimaryBreakerAfterThreeRefusedConnectionsAndFailsOverToTheSecondary() throws IOException {
        AtomicInteger primaryAttempts = new AtomicInteger();
        URI closed = URI.create("http://127.0.0.1:" + closedPort());
        // the primary sends every request to a port nobody listens on
        Middleware toClosedPort = (request, next) -> {
            primaryAttempts.incrementAndGet();
            URI uri = request.uri();
            return next.send(request.withUri(closed.resolve(uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))));
        };
        // breakers that judge after 3 calls, so the primary opens after 3 refused connections
        try (ResilientTransport transport = resilient().primary("broken", toClosedPort.around(jdk()))
                .circuitBreaker(ResilientTransport.circuitBreakerDefaults().slidingWindowSize(3).minimumNumberOfCalls(3)
                        .build())
                .secondary("jdk", jdk()).build(); OssClient oss = client(transport)) {
            for (int i = 0; i < 5; i++) {
                oss.putObject(BUCKET, "failover-" + i + ".bin", source);
            }

            CircuitBreaker primary = transport.circuitBreakers().get(0);
            assertEquals(CircuitBreaker.State.OPEN, primary.getState());
            assertEquals(3, primaryAttempts.get(), "requests reached the primary after its breaker opened");
            assertEquals(CircuitBreaker.State.CLOSED, transport.circuitBreakers().get(1).getState());
            for (int i = 0; i < 5; i++) {
                assertIntact(oss, "failover-" + i + ".bin");
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append(" / ");
        }
        return all.toString();
    }
}
