package dev.sluice.transport.micronaut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataSize;
import dev.sluice.api.Request;
import dev.sluice.api.Ticker;
import dev.sluice.api.Transport;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.oss.ByteRange;
import dev.sluice.oss.CompleteMultipartUploadResult;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.ObjectMetadata;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.OssServiceException;
import dev.sluice.oss.PutObjectResult;
import dev.sluice.oss.TrafficLimit;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.PacingMiddleware;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OssClient} over {@link MicronautTransport} against the {@link OssEmulator} on 127.0.0.1: transfers
 * arrive intact (CRC-64), error statuses come back as responses the client reads as typed errors, pacing
 * in front of the transport holds, and a refused connection fails clearly. Times are asserted only as lower
 * bounds: a limit in force cannot be beaten, and a loaded machine being slower says nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MicronautTransportEndToEndTest {

    private static final Credentials KEY = Credentials.of("LTAI5tMicronautKey0001", "micronaut-secret/KEY+0000000000");
    private static final String BUCKET = "micronaut-bucket";
    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    private OssEmulator emulator;
    private Path folder;

    @BeforeAll
    void startEmulator(@TempDir Path scratch) throws IOException {
        folder = scratch;
        emulator = OssEmulator.builder().credentials(KEY).bucket(BUCKET)
                .storageDirectory(Files.createDirectories(scratch.resolve("emulator"))).start();
    }

    @AfterAll
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void putsAndGetsOneMebibyteIntact() throws Exception {
        byte[] content = bytes(MIB, 1);
        Path target = folder.resolve("one-mib.out");
        try (OssClient oss = client(transport())) {
            PutObjectResult put = oss.putObject(BUCKET, "simple/one-mib.bin", content);
            ObjectMetadata got = oss.getObject(BUCKET, "simple/one-mib.bin", target);

            assertEquals(Crc64.of(content), put.crc64());
            assertEquals(MIB, got.contentLength());
            assertEquals(Crc64.of(content), got.crc64().orElseThrow());
            assertEquals(Crc64.of(content), Crc64.of(Files.readAllBytes(target)));
        }
    }

    @Test
    void uploadsAFileInPartsAndDownloadsItIntact() throws Exception {
        byte[] content = bytes(5 * MIB / 2 + 11, 2);
        Path source = Files.write(folder.resolve("multipart.bin"), content);
        Path target = folder.resolve("multipart.out");
        try (OssClient oss = client(transport())) {
            CompleteMultipartUploadResult done = oss.multipart().uploadFile(BUCKET, "multipart/parts.bin", source,
                    DataSize.ofMebibytes(1));
            oss.getObject(BUCKET, "multipart/parts.bin", target);

            assertEquals(Crc64.of(content), done.crc64().orElseThrow());
            assertEquals(Crc64.of(content), Crc64.of(Files.readAllBytes(target)));
        }
    }

    @Test
    void getsARangeOfAnObjectIntact() throws Exception {
        byte[] content = bytes(2 * MIB, 3);
        Path target = folder.resolve("ranged.out");
        try (OssClient oss = client(transport())) {
            oss.putObject(BUCKET, "ranged/two-mib.bin", content);
            oss.getObject(BUCKET, "ranged/two-mib.bin", ByteRange.of(100_000, 1_300_000), target);

            assertEquals(Crc64.of(Arrays.copyOfRange(content, 100_000, 1_300_001)), Crc64.of(Files.readAllBytes(target)));
        }
    }

    @Test
    void returnsA404AsAResponseThatTheClientReadsAsNoSuchKey() throws Exception {
        try (OssClient oss = client(transport())) {
            OssServiceException missing = assertThrows(OssServiceException.class,
                    () -> oss.getObject(BUCKET, "absent/key.bin", folder.resolve("absent.out")));

            assertEquals(404, missing.status());
            assertEquals("NoSuchKey", missing.code());
        }
    }

    @Test
    void anUploadPacedInFrontOfTheTransportTakesAtLeastItsTimeAtTheLimit() throws Exception {
        byte[] content = bytes(256 * KIB, 4);
        Transport paced = PacingMiddleware.uploads(Pacer.of(LeakyBucket.of(TrafficLimit.MINIMUM))).around(transport());
        try (OssClient oss = client(paced)) {
            long start = Ticker.system().read();
            PutObjectResult put = oss.putObject(BUCKET, "paced/up.bin", content);
            Duration elapsed = Duration.ofNanos(Ticker.system().read() - start);

            assertEquals(Crc64.of(content), put.crc64());
            // 256 KiB at 100 KiB/s less the 16 KiB burst is 2.4 s; 1.5 s leaves room for coarse timers
            assertTrue(elapsed.compareTo(Duration.ofMillis(1_500)) >= 0, "256 KiB at 819,200 bit/s took only " + elapsed);
        }
    }

    @Test
    void aReadTimeoutCountsFromTheStartOfTheRequestSoItCutsAPacedUploadLongerThanIt() throws Exception {
        byte[] content = bytes(256 * KIB, 5);
        MicronautTransport impatient = MicronautTransport.builder().readTimeout(Duration.ofSeconds(1)).build();
        Transport paced = PacingMiddleware.uploads(Pacer.of(LeakyBucket.of(TrafficLimit.MINIMUM))).around(impatient);
        try (OssClient oss = client(paced)) {
            // 256 KiB at 100 KiB/s takes about 2.4 s: Micronaut's read timeout is not an idle timeout
            SocketTimeoutException timeout = assertThrows(SocketTimeoutException.class,
                    () -> oss.putObject(BUCKET, "paced/long.bin", content));

            assertTrue(timeout.getMessage().startsWith("PUT " + emulator.endpoint().resolve("/" + BUCKET + "/paced/long.bin")
                    + " failed: timed out"), timeout.getMessage());
        }
    }

    @Test
    void aRefusedConnectionFailsWithAConnectExceptionNamingTheRequestWithoutItsQuery() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + closedPort + "/bucket/key?Signature=secret");
        try (Transport transport = transport()) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> transport.send(Request.of("GET", uri)).get(30, TimeUnit.SECONDS));

            ConnectException refused = assertInstanceOf(ConnectException.class, failed.getCause());
            assertTrue(refused.getMessage().startsWith("GET http://127.0.0.1:" + closedPort + "/bucket/key failed: cannot connect"),
                    refused.getMessage());
            assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
        }
    }

    private static MicronautTransport transport() {
        return MicronautTransport.builder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private OssClient client(Transport transport) {
        return OssClient.builder().endpoint(emulator.endpoint()).region(emulator.region()).credentials(KEY)
                .transport(transport).build();
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
