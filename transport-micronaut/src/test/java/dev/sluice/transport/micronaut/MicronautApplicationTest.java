package dev.sluice.transport.micronaut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.Ticker;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.PutObjectResult;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Transport;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.PacingMiddleware;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.RawHttpClient;
import io.micronaut.http.filter.HttpClientFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import dev.sluice.transport.testkit.RawServer;
import dev.sluice.transport.testkit.Streams;

/**
 * Sluice in a Micronaut application context: {@code sluice.limits.*} and {@code sluice.transport.*} read into
 * limiters and the transport bean, bad values refused naming their key, the transport bean paced both ways
 * by middleware on the configured limiters against the OSS emulator, and the pacing filter on the
 * application's own client pacing the response body of a raw exchange and a byte-array request body.
 * Times are lower bounds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MicronautApplicationTest {

    private static final Credentials KEY = Credentials.of("LTAI5tMicronautApp0001", "micronaut-app-secret/KEY+0000000");
    private static final String BUCKET = "app-bucket";

    @Test
    void theContextReadsTheLimitsAndMakesTheTransportAndTheFilter() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("sluice.limits.upload", "100KiB/s",
                "sluice.limits.download", "8 MiB/s", "sluice.limits.global", "50Mbit/s",
                "sluice.transport.connect-timeout", "PT3S", "sluice.transport.read-idle-timeout", "60000"))) {
            SluiceLimits limits = context.getBean(SluiceLimits.class);
            MicronautTransport transport = context.getBean(MicronautTransport.class);
            PacingClientFilter filter = context.getBean(PacingClientFilter.class);

            assertEquals(DataRate.ofKibibytesPerSecond(100), limits.upload().orElseThrow().rate());
            assertEquals(DataRate.ofMebibytesPerSecond(8), limits.download().orElseThrow().rate());
            assertEquals(DataRate.ofMegabitsPerSecond(50), limits.global().orElseThrow().rate());
            assertEquals("MicronautTransport[HTTP_1_1, connect timeout PT3S, read timeout none, read idle timeout PT1M]",
                    transport.toString());
            assertEquals("PacingClientFilter[uploads by 2 limiter(s), downloads by 2]", filter.toString());
            assertTrue(context.getBeansOfType(HttpClientFilter.class).contains(filter), "the filter is not a client filter");
        }
    }

    @Test
    void withoutLimitsTheFilterPassesEverythingUnchanged() {
        try (ApplicationContext context = ApplicationContext.run(Map.of())) {
            assertEquals(Optional.empty(), context.getBean(SluiceLimits.class).upload());
            assertEquals("PacingClientFilter[uploads by 0 limiter(s), downloads by 0]",
                    context.getBean(PacingClientFilter.class).toString());
        }
    }

    @Test
    void refusesAnUploadLimitThatIsNotARateNamingTheKey() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("sluice.limits.upload", "8MiB/x"))) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> context.getBean(SluiceLimits.class));

            assertEquals("sluice.limits.upload: " + parseFailure("8MiB/x"), rootIllegalArgument(refused).getMessage());
        }
    }

    @Test
    void refusesAConnectTimeoutThatIsNotADurationNamingTheKey() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("sluice.transport.connect-timeout", "5s"))) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> context.getBean(MicronautTransport.class));

            assertEquals("sluice.transport.connect-timeout \"5s\" is neither an ISO-8601 duration (PT5S) nor a whole number"
                    + " of milliseconds", rootIllegalArgument(refused).getMessage());
        }
    }

    @Test
    void theTransportBeanIsPacedBothWaysByMiddlewareOnTheConfiguredLimits(@TempDir Path folder)
            throws IOException {
        byte[] content = new byte[256 * 1024];
        new Random(9).nextBytes(content);
        try (OssEmulator emulator = OssEmulator.builder().credentials(KEY).bucket(BUCKET)
                .storageDirectory(Files.createDirectories(folder.resolve("emulator"))).start();
                ApplicationContext context = ApplicationContext.run(Map.of("sluice.limits.upload", "100KiB/s",
                        "sluice.limits.download", "100KiB/s"))) {
            SluiceLimits limits = context.getBean(SluiceLimits.class);
            Transport transport = PacingMiddleware.builder()
                    .uploads(Pacer.of(limits.forUploads().toArray(RateLimiter[]::new)))
                    .downloads(Pacer.of(limits.forDownloads().toArray(RateLimiter[]::new)))
                    .build().around(context.getBean(MicronautTransport.class));
            OssClient oss = OssClient.builder().endpoint(emulator.endpoint()).region(emulator.region()).credentials(KEY)
                    .transport(transport).build();

            long start = Ticker.system().read();
            PutObjectResult put = oss.putObject(BUCKET, "paced/up.bin", content);
            Duration upload = Duration.ofNanos(Ticker.system().read() - start);
            start = Ticker.system().read();
            oss.getObject(BUCKET, "paced/up.bin", folder.resolve("down.bin"));
            Duration download = Duration.ofNanos(Ticker.system().read() - start);

            assertEquals(Crc64.of(content), put.crc64());
            assertEquals(Crc64.of(content), Crc64.of(Files.readAllBytes(folder.resolve("down.bin"))));
            // 256 KiB at 100 KiB/s less a burst is about 2.4 s; 1.5 s leaves room for coarse timers
            assertTrue(upload.compareTo(Duration.ofMillis(1_500)) >= 0, "256 KiB up at 100 KiB/s took only " + upload);
            assertTrue(download.compareTo(Duration.ofMillis(1_500)) >= 0, "256 KiB down at 100 KiB/s took only " + download);
        }
    }

    @Test
    void theFilterPacesAByteArrayBodyOfAnyClientAndKeepsItsContentLength() throws Exception {
        byte[] content = new byte[256 * 1024];
        new Random(10).nextBytes(content);
        CompletableFuture<String> head = new CompletableFuture<>();
        CompletableFuture<Long> received = new CompletableFuture<>();
        try (RawServer server = new RawServer(64 * 1024, (socket, requestHead) -> {
            head.complete(requestHead);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            CRC32 crc = new CRC32();
            long total = 0;
            while (total < content.length) {
                int n = in.read(buffer);
                if (n == -1) {
                    break;
                }
                crc.update(buffer, 0, n);
                total += n;
            }
            received.complete(crc.getValue());
            socket.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        });
                ApplicationContext context = ApplicationContext.run(Map.of("sluice.limits.upload", "100KiB/s"))) {
            HttpClient client = context.getBean(HttpClient.class);

            long start = Ticker.system().read();
            HttpResponse<?> response = client.toBlocking().exchange(HttpRequest.POST(server.uri("/upload"), content));
            Duration elapsed = Duration.ofNanos(Ticker.system().read() - start);

            CRC32 sent = new CRC32();
            sent.update(content);
            assertEquals(204, response.code());
            assertEquals(sent.getValue(), received.get());
            assertTrue(head.get().toLowerCase(Locale.ROOT).contains("content-length: 262144\r\n"), head.get());
            assertTrue(elapsed.compareTo(Duration.ofMillis(1_500)) >= 0, "256 KiB at 100 KiB/s took only " + elapsed);
        }
    }

    @Test
    void theFilterPacesTheResponseBodyOfARawExchangeOnTheApplicationsClient() throws Exception {
        long length = 256 * 1024;
        try (RawServer server = new RawServer(64 * 1024, (socket, requestHead) -> {
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[16 * 1024];
            for (long done = 0; done < length; done += chunk.length) {
                Streams.fill(chunk, done, chunk.length);
                out.write(chunk);
            }
            out.flush();
        });
                ApplicationContext context = ApplicationContext.run(Map.of("sluice.limits.download", "100KiB/s"))) {
            // a transport on the application's client, so that its filters apply
            MicronautTransport transport = MicronautTransport.builder()
                    .client((RawHttpClient) context.getBean(HttpClient.class)).build();

            long start = Ticker.system().read();
            dev.sluice.api.Response response = transport.send(dev.sluice.api.Request.of("GET", server.uri("/download"))).get();
            Streams.Sink sink = new Streams.Sink(4);
            response.body().publisher().subscribe(sink);
            long received = sink.done.get();
            Duration elapsed = Duration.ofNanos(Ticker.system().read() - start);

            assertEquals(length, received);
            assertEquals(length, response.body().contentLength());
            assertEquals(Streams.crcOf(length), sink.crc());
            assertTrue(elapsed.compareTo(Duration.ofMillis(1_500)) >= 0, "256 KiB at 100 KiB/s took only " + elapsed);
        }
    }

    private static String parseFailure(String text) {
        return assertThrows(IllegalArgumentException.class, () -> DataRate.parse(text)).getMessage();
    }

    private static IllegalArgumentException rootIllegalArgument(Throwable error) {
        IllegalArgumentException found = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getMessage().startsWith("sluice.")) {
                found = (IllegalArgumentException) t;
            }
        }
        if (found == null) {
            throw new AssertionError("no IllegalArgumentException naming a sluice key in", error);
        }
        return found;
    }
}
