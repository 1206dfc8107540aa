package dev.sluice.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TransferResult#crcChecked()} says whether the object's CRC-64 was checked: a download whose HEAD
 * carries no {@code x-oss-hash-crc64ecma} (stripped here by a transport hook; the emulator always sends it)
 * still succeeds but does not claim a check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransferCrcCheckedTest {

    private static final int SIZE = 300 * 1024 + 5; // four ranges

    private Emulated oss;
    @TempDir
    Path folder;

    @BeforeAll
    void start() {
        oss = new Emulated();
    }

    @AfterAll
    void stop() {
        oss.close();
    }

    @Test
    void aDownloadWhoseHeadReportsTheCrcSaysItWasChecked() throws Exception {
        Path source = Emulated.randomFile(folder, "with-crc", SIZE, 61);
        oss.oss.putObject(Emulated.BUCKET, "crc/with", source);
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).build())) {
            TransferResult result = transfers.download(Emulated.BUCKET, "crc/with", folder.resolve("with-out")).result();

            assertTrue(result.crcChecked());
            assertEquals(Emulated.crcOf(source), result.crc64());
        }
    }

    @Test
    void aDownloadWhoseHeadHasNoCrcHeaderSucceedsWithoutClaimingACheck() throws Exception {
        Path source = Emulated.randomFile(folder, "without-crc", SIZE, 62);
        oss.oss.putObject(Emulated.BUCKET, "crc/without", source);
        UnaryOperator<Response> strip = response -> new Response(response.status(),
                response.headers().without("x-oss-hash-crc64ecma"), response.body());
        Emulated.Hooked hooked = oss.hooked(request -> request.method().equals("HEAD"), request -> { }, strip);
        Path target = folder.resolve("without-out");
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).transport(hooked).build())) {
            TransferResult result = transfers.download(Emulated.BUCKET, "crc/without", target).result();

            assertFalse(result.crcChecked(), "nothing to check the combined CRC-64 against");
            assertEquals(1, hooked.count("HEAD"));
            assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(target));
        }
    }

    @Test
    void aSingleRequestUploadChecksTheCrcOssAnswersThePutWith() throws Exception {
        Path source = Emulated.randomFile(folder, "put-crc", 1000, 64);
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).build())) {
            TransferResult result = transfers.upload(source, Emulated.BUCKET, "crc/put").result();

            assertEquals(1, result.parts());
            assertTrue(result.crcChecked());
        }
    }

    @Test
    void aSingleRequestUploadWhoseAnswerHasNoCrcSaysItWasNotChecked() throws Exception {
        Path source = Emulated.randomFile(folder, "put-without-crc", 1000, 65);
        UnaryOperator<Response> strip = response -> new Response(response.status(),
                response.headers().without("x-oss-hash-crc64ecma"), response.body());
        Emulated.Hooked hooked = oss.hooked(request -> request.method().equals("PUT"), request -> { }, strip);
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).transport(hooked).build())) {
            TransferResult result = transfers.upload(source, Emulated.BUCKET, "crc/put-without").result();

            assertFalse(result.crcChecked(), "OSS reported no CRC-64 to check against");
            assertEquals(1, result.parts());
        }
    }

    @Test
    void aMultipartUploadChecksTheCrcOssAnswersTheCompleteWith() throws Exception {
        Path source = Emulated.randomFile(folder, "upload-crc", SIZE, 63);
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).build())) {
            TransferResult result = transfers.upload(source, Emulated.BUCKET, "crc/upload").result();

            assertTrue(result.crcChecked());
            assertEquals(4, result.parts());
        }
    }
}
