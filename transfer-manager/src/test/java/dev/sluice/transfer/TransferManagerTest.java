package dev.sluice.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.Ticker;
import dev.sluice.oss.Crc64;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfers over real sockets to the emulator: many at once under one cap, each checked byte for byte and by
 * CRC-64. Wall time is only bounded below, generously; the pacing rules themselves are checked on virtual
 * time in {@code SharedBudgetTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransferManagerTest {

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
    void eightConcurrentUploadsThenEightDownloadsUnderOneSharedCapArriveIntactAndCrcChecked() throws Exception {
        DataRate cap = DataRate.ofMebibytesPerSecond(4);
        int[] sizes = {350 * 1024, 50 * 1024, 300 * 1024 + 7, 0, 420 * 1024, 1, 250 * 1024, 199 * 1024};
        List<Path> sources = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            sources.add(Emulated.randomFile(folder, "source-" + i, sizes[i], i));
            total += sizes[i];
        }
        try (TransferManager transfers = oss.manager(oss.config(cap, 8).build())) {
            long begin = Ticker.system().read();
            List<TransferFuture> uploads = new ArrayList<>();
            List<Emulated.Recording> recordings = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                Emulated.Recording recording = new Emulated.Recording();
                recordings.add(recording);
                uploads.add(transfers.upload(sources.get(i), Emulated.BUCKET, "eight/" + i, recording));
            }
            for (int i = 0; i < sizes.length; i++) {
                TransferResult result = uploads.get(i).result();
                assertEquals(Emulated.crcOf(sources.get(i)), result.crc64(), "CRC-64 of upload " + i);
                assertEquals(sizes[i] >= Emulated.THRESHOLD.bytes() ? (sizes[i] + 102_399) / 102_400 : 1, result.parts());
                assertEquals(sizes[i], recordings.get(i).sum(), "progress of upload " + i + " adds up to its size");
                assertEquals(List.of("queued", "done"), recordings.get(i).events);
            }
            long uploaded = Ticker.system().read() - begin;
            // generous: half the time the cap allows (burst and rounding cannot explain more)
            assertTrue(uploaded >= cap.nanosToSend(total) / 2, "8 uploads took " + uploaded + " ns under " + cap);

            List<TransferFuture> downloads = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                downloads.add(transfers.download(Emulated.BUCKET, "eight/" + i, folder.resolve("copy-" + i)));
            }
            for (int i = 0; i < sizes.length; i++) {
                TransferResult result = downloads.get(i).result();
                Path copy = folder.resolve("copy-" + i);
                assertEquals(-1L, Files.mismatch(sources.get(i), copy), "download " + i + " differs from its source");
                assertEquals(Emulated.crcOf(copy), result.crc64());
                assertEquals(sizes[i], downloads.get(i).progress().bytesTransferred());
            }
        }
        try (var leftovers = Files.list(folder)) {
            assertFalse(leftovers.anyMatch(p -> p.getFileName().toString().endsWith(".sluice-download")),
                    "no temporary file is left");
        }
    }

    @Test
    void uploadsAStreamInPartsReadInOrder() throws Exception {
        Path source = Emulated.randomFile(folder, "stream-source", 330 * 1024 + 5, 99);
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 3).build());
                InputStream in = Files.newInputStream(source)) {
            TransferResult result = transfers.upload(in, Files.size(source), Emulated.BUCKET, "stream").result();

            assertEquals(4, result.parts());
            Path copy = folder.resolve("stream-copy");
            oss.oss.getObject(Emulated.BUCKET, "stream", copy);
            assertEquals(-1L, Files.mismatch(source, copy));
            assertEquals(Crc64.of(Files.readAllBytes(source)), result.crc64());
        }
    }

    @Test
    void shutdownWaitLetsTheRunningTransfersFinishAndRefusesNewOnes() throws Exception {
        Path source = Emulated.randomFile(folder, "wait-source", 300 * 1024, 7);
        TransferManager transfers = oss.manager(oss.config(DataRate.ofMebibytesPerSecond(2), 4).build());
        TransferFuture upload = transfers.upload(source, Emulated.BUCKET, "wait");

        transfers.shutdown(ShutdownMode.WAIT);

        assertTrue(upload.isDone());
        assertEquals(300 * 1024, upload.result().bytes());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> transfers.upload(source, Emulated.BUCKET, "late"));
        assertEquals("this TransferManager is shut down; it takes no new transfers", refused.getMessage());
    }

    @Test
    void refusesABadKeyBeforeAnythingIsSent() throws IOException {
        Path source = Emulated.randomFile(folder, "bad-key-source", 10, 1);
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 1).build())) {
            assertThrows(IllegalArgumentException.class, () -> transfers.upload(source, Emulated.BUCKET, ""));
            assertThrows(IllegalArgumentException.class, () -> transfers.download("No_Such_Bucket!", "k", source));
        }
    }
}
