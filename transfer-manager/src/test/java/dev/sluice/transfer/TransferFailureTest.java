package dev.sluice.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.emulator.Fault;
import dev.sluice.oss.OssServiceException;
import dev.sluice.transfer.internal.UploadJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failing parts, injected by the emulator: a part that fails once is sent again and counted once; a part that
 * keeps failing aborts the upload, leaving no upload (and so no parts) on the server; a failing range of a
 * download is fetched again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransferFailureTest {

    private static final int SIZE = 300 * 1024 + 11; // four parts of 100 KiB, the last 12 KiB - 1

    private Emulated oss;
    @TempDir
    Path folder;

    @BeforeAll
    void start() {
        oss = new Emulated();
    }

    @AfterEach
    void clearFaults() {
        oss.emulator.faults().clear();
    }

    @AfterAll
    void stop() {
        oss.close();
    }

    @Test
    void aPartWhoseConnectionIsResetMidBodyIsSentAgainAndItsBytesAreCountedOnce() throws Exception {
        Path source = Emulated.randomFile(folder, "reset-source", SIZE, 3);
        oss.emulator.faults().add(Fault.on("PUT", Emulated.BUCKET + "/reset").resetAfterRequestBytes(64 * 1024).times(1));
        Emulated.Recording recording = new Emulated.Recording();
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).build())) {
            TransferResult result = transfers.upload(source, Emulated.BUCKET, "reset", recording).result();

            assertEquals(Emulated.crcOf(source), result.crc64());
            assertIntact(source, "reset");
            assertEquals(SIZE, recording.sum(), "the progress of the upload adds up to its size");
            assertTrue(recording.peak() <= SIZE, "progress never passed the size: peak " + recording.peak());
            long rolledBack = recording.deltas.stream().filter(d -> d < 0).mapToLong(d -> -d).sum();
            assertTrue(rolledBack >= 64 * 1024, "the failed attempt's bytes were taken back: " + rolledBack + " B");
        }
    }

    @Test
    void aPartAnsweredWithInternalErrorOnceIsSentAgainAndTheObjectIsIntact() throws Exception {
        Path source = Emulated.randomFile(folder, "error-source", SIZE, 4);
        oss.emulator.faults().add(Fault.on("PUT", Emulated.BUCKET + "/error").respond(500, "InternalError").times(1));
        Emulated.Recording recording = new Emulated.Recording();
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).build())) {
            TransferResult result = transfers.upload(source, Emulated.BUCKET, "error", recording).result();

            assertEquals(4, result.parts());
            assertIntact(source, "error");
            assertEquals(SIZE, recording.sum());
            assertTrue(recording.peak() <= SIZE);
        }
    }

    @Test
    void aPartThatKeepsFailingAbortsTheUploadAndLeavesNoUploadOnTheServer() throws Exception {
        Path source = Emulated.randomFile(folder, "doomed-source", SIZE, 5);
        oss.emulator.faults().add(Fault.on("PUT", Emulated.BUCKET + "/doomed").respond(503, "SlowDown"));
        Emulated.Recording recording = new Emulated.Recording();
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).partAttempts(3).build())) {
            TransferFuture upload = transfers.upload(source, Emulated.BUCKET, "doomed", recording);

            OssServiceException failure = assertThrows(OssServiceException.class, upload::result);
            // the code is not asserted: the emulator answers before it reads the part's body, and the JDK client
            // then sometimes loses the error document to the reset connection (the status always arrives)
            assertEquals(503, failure.status());
            String uploadId = ((UploadJob) upload).uploadId();
            assertNotNull(uploadId, "the upload was initiated");
            OssServiceException gone = assertThrows(OssServiceException.class,
                    () -> oss.oss.multipart().listParts(Emulated.BUCKET, "doomed", uploadId));
            assertEquals("NoSuchUpload", gone.code(), "the upload was aborted, its parts with it");
            assertEquals(404, assertThrows(OssServiceException.class, () -> oss.oss.headObject(Emulated.BUCKET, "doomed"))
                    .status());
            assertEquals(0, recording.sum(), "a failed transfer keeps no progress of failed attempts");
            assertEquals("failed OssServiceException", recording.events.get(recording.events.size() - 1));
        }
    }

    @Test
    void aRangeWhoseConnectionIsResetMidBodyIsFetchedAgainAndTheFileIsIntact() throws Exception {
        Path source = Emulated.randomFile(folder, "ranged-source", SIZE, 6);
        oss.oss.putObject(Emulated.BUCKET, "ranged", source);
        oss.emulator.faults().add(Fault.on("GET", Emulated.BUCKET + "/ranged").resetAfterResponseBytes(32 * 1024).times(1));
        Emulated.Recording recording = new Emulated.Recording();
        Path target = folder.resolve("ranged-copy");
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 4).build())) {
            TransferResult result = transfers.download(Emulated.BUCKET, "ranged", target, recording).result();

            assertEquals(4, result.parts());
            assertEquals(-1L, Files.mismatch(source, target));
            assertEquals(SIZE, recording.sum());
            assertTrue(recording.peak() <= SIZE);
        }
    }

    @Test
    void aDownloadOfAMissingObjectFailsAndLeavesNoFile() throws Exception {
        Path target = folder.resolve("missing-copy");
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 1).build())) {
            TransferFuture download = transfers.download(Emulated.BUCKET, "missing", target);

            assertEquals(404, assertThrows(OssServiceException.class, download::result).status());
            assertFalse(Files.exists(target));
        }
    }

    private void assertIntact(Path source, String key) throws Exception {
        Path copy = folder.resolve(key + ".check");
        oss.oss.getObject(Emulated.BUCKET, key, copy);
        assertEquals(-1L, Files.mismatch(source, copy), key + " differs from its source");
    }
}
