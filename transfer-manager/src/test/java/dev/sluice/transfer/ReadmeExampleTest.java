package dev.sluice.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.oss.TrafficLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Transfer manager" example, line for line but for the endpoint (the emulator) and the files
 * (small enough for the 16 KiB burst, so it runs on the real clock without waiting). The transport is chosen
 * by name, as there. If this stops compiling, the README is wrong.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReadmeExampleTest {

    @TempDir
    Path folder;

    @Test
    void theReadmeExampleUploadsAndDownloadsThroughTheTransportNamedJdk() throws Exception {
        AtomicLong bar = new AtomicLong();
        Path day1 = Emulated.randomFile(folder, "day1.tar", 12_000, 1);
        Files.createDirectories(folder.resolve("restore"));
        try (Emulated oss = new Emulated()) {
            oss.oss.putObject(Emulated.BUCKET, "day0.tar", Emulated.randomFile(folder, "day0.tar", 3_000, 2));

            TransferConfig config = TransferConfig.builder()
                    .maxBandwidth(DataRate.ofBitsPerSecond(819_200))
                    .multipartThreshold(DataSize.ofMebibytes(8))
                    .multipartChunkSize(DataSize.ofMebibytes(8))
                    .maxConcurrency(10)
                    .trafficLimit(TrafficLimit.of(DataRate.ofBitsPerSecond(819_200)))
                    .partAttempts(3)
                    .transport("jdk")
                    .build();
            TransferFuture download;
            try (TransferManager transfers = TransferManager.builder()
                    .endpoint(oss.emulator.endpoint()).region(oss.emulator.region())
                    .credentials(Emulated.KEY)
                    .config(config)
                    .build()) {
                TransferFuture upload = transfers.upload(day1, Emulated.BUCKET, "day1.tar", new TransferSubscriber() {
                    @Override
                    public void onProgress(long bytes) {
                        bar.addAndGet(bytes);
                    }
                });
                download = transfers.download(Emulated.BUCKET, "day0.tar", folder.resolve("restore/day0.tar"));
                upload.progress();
                TransferResult result = upload.result();
                download.result();
                download.cancel();

                assertEquals(Emulated.crcOf(day1), result.crc64());
            }
            assertEquals(12_000, bar.get());
            assertTrue(download.isDone());
            assertEquals(-1L, Files.mismatch(folder.resolve("day0.tar"), folder.resolve("restore/day0.tar")));
        }
    }
}
