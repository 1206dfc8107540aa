package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input is refused with a message naming it, and nothing reaches the transport. */
class BadInputTest {

    final FakeOss oss = new FakeOss();
    final FixedSigner signer = new FixedSigner();
    final OssClient client = OssClient.builder().endpoint(URI.create("https://oss-cn-hangzhou.aliyuncs.com"))
            .credentials(Credentials.of("id", "secret")).transport(oss).signer(signer).build();
    @TempDir
    Path dir;

    @AfterEach
    void nothingWasSent() {
        assertTrue(oss.received.isEmpty(), "requests went out: " + oss.received);
        assertTrue(signer.signed.isEmpty());
    }

    static void refused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void refusesATrafficLimitOutsideTheOssRange() {
        refused("x-oss-traffic-limit 500000 bit/s is below the OSS minimum of 819200 bit/s (100 KiB/s)",
                () -> OssClient.builder().trafficLimit(DataRate.ofBitsPerSecond(500_000)));
        refused("x-oss-traffic-limit 1677721600 bit/s is above the OSS maximum of 838860800 bit/s (100 MiB/s)",
                () -> OssClient.builder().trafficLimit(DataRate.ofMebibytesPerSecond(200)));
        refused("traffic limit must not be null", () -> OssClient.builder().trafficLimit((TrafficLimit) null));
    }

    @Test
    void refusesToBuildWithoutCredentials() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OssClient.builder()
                .endpoint(URI.create("https://oss-cn-hangzhou.aliyuncs.com")).transport(oss).signer(signer).build());
        assertEquals("an OSS client needs credentials: call credentials(Credentials) on the builder", e.getMessage());
        refused("credentials must not be null", () -> OssClient.builder().credentials(null));
        refused("access key secret must not be blank", () -> Credentials.of("id", " "));
    }

    @Test
    void refusesToBuildWithoutEndpointTransportOrSigner() {
        assertEquals("an OSS client needs an endpoint: call endpoint(URI) on the builder", assertThrows(IllegalStateException.class,
                () -> OssClient.builder().credentials(Credentials.of("id", "s")).build()).getMessage());
        assertEquals("an OSS client needs a signer: call signer(Signer), or region(String) for the default V4 signer, on the builder",
                assertThrows(IllegalStateException.class,
                () -> OssClient.builder().endpoint(URI.create("http://127.0.0.1:1")).credentials(Credentials.of("id", "s"))
                        .transport(oss).build()).getMessage());
        refused("endpoint must be an http or https URI with a host and no path, query or user info, was https://h/bucket",
                () -> OssClient.builder().endpoint(URI.create("https://h/bucket")));
        refused("region must not be blank", () -> OssClient.builder().region(""));
    }

    @Test
    void refusesAnEmptyOrInvalidBucketName() {
        refused("bucket name must not be empty", () -> client.putObject("", "k", new byte[1]));
        refused("bucket name must not be empty", () -> client.headObject(null, "k"));
        refused("bucket name \"My_Bucket\" is invalid: OSS bucket names are 3 to 63 lower-case letters, digits and hyphens,"
                + " starting and ending with a letter or digit", () -> client.deleteObject("My_Bucket", "k"));
        refused("bucket name \"ab\" is invalid: OSS bucket names are 3 to 63 lower-case letters, digits and hyphens,"
                + " starting and ending with a letter or digit", () -> client.multipart().initiate("ab", "k"));
    }

    @Test
    void refusesAnInvalidKey() {
        refused("object key must not be empty", () -> client.putObject("bucket", "", new byte[1]));
        refused("object key \"/abs\" must not start with '/' or '\\'", () -> client.getObject("bucket", "/abs", dir.resolve("x")));
        refused("object key \"\\win\" must not start with '/' or '\\'", () -> client.headObject("bucket", "\\win"));
        refused("object key is 1024 bytes of UTF-8, above the OSS maximum of 1023 bytes",
                () -> client.putObject("bucket", "k".repeat(1022) + "ü".substring(0, 1), new byte[1]));
    }

    @Test
    void refusesANegativeOrInvertedRange() {
        refused("range start must be at least 0 B, was -1 B", () -> ByteRange.of(-1, 10));
        refused("range start must be at least 0 B, was -5 B", () -> ByteRange.from(-5));
        refused("range end 5 B is before its start 10 B", () -> ByteRange.of(10, 5));
    }

    @Test
    void refusesAPartNumberOutsideOneToTenThousand() {
        refused("part number 0 is outside the OSS range 1..10000",
                () -> client.multipart().uploadPart("bucket", "k", "U", 0, new byte[1], null));
        refused("part number 10001 is outside the OSS range 1..10000",
                () -> client.multipart().uploadPart("bucket", "k", "U", 10_001, new byte[1], null));
        refused("part number 10001 is outside the OSS range 1..10000", () -> client.multipart().complete("bucket", "k", "U",
                List.of(new UploadedPart(10_001, "\"E\"", java.util.OptionalLong.empty(), 1))));
        refused("upload id must not be empty", () -> client.multipart().abort("bucket", "k", " "));
    }

    @Test
    void refusesAPartSizeBelowOneHundredKibibytes() throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[300_000]);
        refused("part size 51200 B is below the OSS minimum of 102400 B (100 KiB)",
                () -> client.multipart().uploadFile("bucket", "k", file, DataSize.ofKibibytes(50)));
    }

    @Test
    void refusesNegativeLengthsAndSlicesBeyondTheFile() throws Exception {
        refused("object length must be at least 0 B, was -1 B",
                () -> client.putObject("bucket", "k", new ByteArrayInputStream(new byte[0]), -1));
        Path file = Files.write(dir.resolve("f"), new byte[10]);
        refused("part slice 5+6 B ends beyond the 10 B of " + file,
                () -> client.multipart().uploadPart("bucket", "k", "U", 1, file, 5, 6, null));
    }

    @Test
    void refusesANonPositivePresignExpiry() {
        refused("presign expiry must be positive, was PT0S", () -> client.presign("GET", "bucket", "k", Duration.ZERO, null));
        refused("presign expiry must be positive, was null", () -> client.presign("GET", "bucket", "k", null, null));
    }

    @Test
    void refusesADuplicatePartOrNoPartsOnCompletion() {
        UploadedPart one = new UploadedPart(1, "\"E\"", java.util.OptionalLong.empty(), 1);
        refused("part number 1 is listed twice", () -> client.multipart().complete("bucket", "k", "U", List.of(one, one)));
        refused("CompleteMultipartUpload needs at least one part", () -> client.multipart().complete("bucket", "k", "U", List.of()));
    }
}
