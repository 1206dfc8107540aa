package dev.sluice.transport.testkit;

import static dev.sluice.transport.testkit.Payloads.KIB;
import static dev.sluice.transport.testkit.Payloads.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Body;
import dev.sluice.api.DataSize;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Ticker;
import dev.sluice.api.Transport;
import dev.sluice.oss.ByteRange;
import dev.sluice.oss.CompleteMultipartUploadResult;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.ObjectMetadata;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.PutObjectResult;
import dev.sluice.oss.TrafficLimit;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.PacingMiddleware;
import dev.sluice.transport.testkit.Payloads.Drained;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The transfer cases of the end-to-end suite: simple, multipart, ranged, presigned, and paced on both
 * sides, each checked by CRC-64. Run through {@link TransportEndToEndSuite}.
 */
abstract class TransferCases extends EndToEndFixture {

    TransferCases(TransportFactory transports) {
        super(transports);
    }

    @Test
    void uploadsAndDownloadsAFewMebibytesIntact() throws Exception {
        Path source = Payloads.file(folder.resolve("simple.bin"), 3 * MIB + 17, 1);
        Path target = folder.resolve("simple.out");
        try (OssClient oss = client(transports().create(), UnaryOperator.identity())) {
            PutObjectResult put = oss.putObject(BUCKET, "simple/three-mib.bin", source);
            ObjectMetadata got = oss.getObject(BUCKET, "simple/three-mib.bin", target);

            assertEquals(Payloads.crc(source), put.crc64());
            assertEquals(3 * MIB + 17, got.contentLength());
            assertEquals(Payloads.crc(source), got.crc64().orElseThrow());
            assertEquals(Payloads.crc(source), Payloads.crc(target));
        }
    }

    @Test
    void uploadsAndDownloadsAnEmptyObjectWithItsCrc() throws Exception {
        // the transport must read a 0-byte body too: the client computes the upload's CRC-64 as it is read
        Path source = Payloads.file(folder.resolve("empty.bin"), 0, 4);
        Path target = folder.resolve("empty.out");
        try (OssClient oss = client(transports().create(), UnaryOperator.identity())) {
            PutObjectResult put = oss.putObject(BUCKET, "simple/empty.bin", source);
            ObjectMetadata got = oss.getObject(BUCKET, "simple/empty.bin", target);

            assertEquals(0L, put.crc64());
            assertEquals(0, got.contentLength());
            assertEquals(0L, Files.size(target));
        }
    }

    @Test
    void uploadsSixtyFourMebibytesInPartsAtTheMaximumTrafficLimitAndDownloadsThemIntact() throws Exception {
        Path source = Payloads.file(folder.resolve("multipart.bin"), 64L * MIB, 2);
        Path target = folder.resolve("multipart.out");
        long crc = Payloads.crc(source);
        // the client's limit goes on every request, so on each UploadPart as its own per-part limit
        try (OssClient oss = client(transports().create(), builder -> builder.trafficLimit(TrafficLimit.MAXIMUM))) {
            long start = Ticker.system().read();
            CompleteMultipartUploadResult done = oss.multipart().uploadFile(BUCKET, "multipart/64-mib.bin", source,
                    DataSize.ofMebibytes(8));
            Duration upload = Duration.ofNanos(Ticker.system().read() - start);
            ObjectMetadata got = oss.getObject(BUCKET, "multipart/64-mib.bin", target);

            assertEquals(crc, done.crc64().orElseThrow());
            // 64 MiB at 100 MiB/s is 640 ms: at least half of it shows the limit was in force
            assertTrue(upload.compareTo(Duration.ofMillis(320)) >= 0, "64 MiB at 100 MiB/s took only " + upload);
            assertEquals(64L * MIB, got.contentLength());
            assertEquals(crc, Payloads.crc(target));
        }
    }

    @Test
    void downloadsARangeOfAnObjectIntact() throws Exception {
        Path source = Payloads.file(folder.resolve("ranged.bin"), 2 * MIB, 3);
        Path target = folder.resolve("ranged.out");
        try (OssClient oss = client(transports().create(), UnaryOperator.identity())) {
            oss.putObject(BUCKET, "ranged/two-mib.bin", source);
            oss.getObject(BUCKET, "ranged/two-mib.bin", ByteRange.of(100_000, 1_300_000), target);

            assertEquals(1_200_001, Files.size(target));
            assertEquals(Payloads.crc(source, 100_000, 1_200_001), Payloads.crc(target));
        }
    }

    @Test
    void uploadsThroughAPresignedUrlWithTheLimitInTheUrlNoFasterThanTheLimit() throws Exception {
        byte[] content = Payloads.bytes(256 * KIB, 4);
        try (OssClient oss = client(transports().create(), UnaryOperator.identity());
                Transport raw = transports().create()) {
            URI put = oss.presign("PUT", BUCKET, "presigned/up.bin", Duration.ofMinutes(5), TrafficLimit.of(SLOW));

            assertTrue(put.getRawQuery().contains("x-oss-traffic-limit=819200"), "no limit in " + put);
            long start = Ticker.system().read();
            Response response = raw.send(new Request("PUT", put, Headers.of(), Body.ofBytes(content))).get();
            Drained answer = drain(response);
            Duration elapsed = Duration.ofNanos(Ticker.system().read() - start);

            assertEquals(200, response.status(), "presigned PUT answered " + response.status());
            assertEquals(Crc64.toDecimal(Crc64.of(content)), response.headers().first("x-oss-hash-crc64ecma").orElseThrow());
            assertEquals(0, answer.bytes());
            assertTrue(elapsed.compareTo(SLOW_QUARTER_MIB_AT_LEAST) >= 0, "256 KiB at 819,200 bit/s took only " + elapsed);
            assertEquals(Crc64.of(content), oss.headObject(BUCKET, "presigned/up.bin").crc64().orElseThrow());
        }
    }

    @Test
    void downloadsThroughAPresignedUrlWithTheLimitInTheUrlNoFasterThanTheLimit() throws Exception {
        byte[] content = Payloads.bytes(256 * KIB, 5);
        try (OssClient oss = client(transports().create(), UnaryOperator.identity());
                Transport raw = transports().create()) {
            oss.putObject(BUCKET, "presigned/down.bin", content);
            URI get = oss.presign("GET", BUCKET, "presigned/down.bin", Duration.ofMinutes(5), TrafficLimit.of(SLOW));

            assertTrue(get.getRawQuery().contains("x-oss-traffic-limit=819200"), "no limit in " + get);
            long start = Ticker.system().read();
            Response response = raw.send(Request.of("GET", get)).get();
            Drained body = drain(response);
            Duration elapsed = Duration.ofNanos(Ticker.system().read() - start);

            assertEquals(200, response.status(), "presigned GET answered " + response.status());
            assertEquals(256 * KIB, body.bytes());
            assertEquals(Crc64.of(content), body.crc64());
            assertEquals(Crc64.toDecimal(body.crc64()), response.headers().first("x-oss-hash-crc64ecma").orElseThrow());
            assertTrue(elapsed.compareTo(SLOW_QUARTER_MIB_AT_LEAST) >= 0, "256 KiB at 819,200 bit/s took only " + elapsed);
        }
    }

    @Test
    void pacesAnUploadOnBothSidesAtTheSameCeilingIntactAndNoFasterThanIt() throws Exception {
        byte[] content = Payloads.bytes(256 * KIB, 6);
        try (OssClient oss = client(pacedBothWays(transports().create()), builder -> builder.trafficLimit(SLOW))) {
            long start = Ticker.system().read();
            PutObjectResult put = oss.putObject(BUCKET, "paced/up.bin", content);
            Duration elapsed = Duration.ofNanos(Ticker.system().read() - start);

            assertEquals(Crc64.of(content), put.crc64());
            assertTrue(elapsed.compareTo(SLOW_QUARTER_MIB_AT_LEAST) >= 0, "256 KiB at 819,200 bit/s took only " + elapsed);
            assertEquals(Crc64.of(content), oss.headObject(BUCKET, "paced/up.bin").crc64().orElseThrow());
        }
    }

    @Test
    void pacesADownloadOnBothSidesAtTheSameCeilingIntactAndNoFasterThanIt() throws Exception {
        byte[] content = Payloads.bytes(256 * KIB, 7);
        Path target = folder.resolve("paced.out");
        try (OssClient plain = client(transports().create(), UnaryOperator.identity());
                OssClient oss = client(pacedBothWays(transports().create()), builder -> builder.trafficLimit(SLOW))) {
            plain.putObject(BUCKET, "paced/down.bin", content);

            long start = Ticker.system().read();
            oss.getObject(BUCKET, "paced/down.bin", target);
            Duration elapsed = Duration.ofNanos(Ticker.system().read() - start);

            assertEquals(Crc64.of(content), Payloads.crc(target));
            assertTrue(elapsed.compareTo(SLOW_QUARTER_MIB_AT_LEAST) >= 0, "256 KiB at 819,200 bit/s took only " + elapsed);
        }
    }

    /** {@code transport} behind client-side pacing at {@link #SLOW}, uploads and downloads each with their own bucket. */
    private static Transport pacedBothWays(Transport transport) {
        return PacingMiddleware.builder()
                .uploads(Pacer.of(LeakyBucket.of(SLOW)))
                .downloads(Pacer.of(LeakyBucket.of(SLOW)))
                .build().around(transport);
    }
}
