package dev.sluice.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.oss.OssServiceException;
import dev.sluice.transfer.internal.UploadJob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling over real sockets: the cancelled transfer ends cancelled after its cleanup (upload aborted,
 * temporary file deleted, an existing target untouched) and the others finish intact. That its waiting share
 * goes to the others at once is checked on virtual time in {@code SharedBudgetTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransferCancelTest {

    private static final int SIZE = 400 * 1024;

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
    void cancellingOneOfThreeUploadsAbortsItAndTheOtherTwoFinishIntact() throws Exception {
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sources.add(Emulated.randomFile(folder, "up-" + i, SIZE, 10 + i));
        }
        CancelAfter canceller = new CancelAfter(64 * 1024);
        try (TransferManager transfers = oss.manager(oss.config(DataRate.ofMebibytesPerSecond(1), 12).build())) {
            TransferFuture first = transfers.upload(sources.get(0), Emulated.BUCKET, "cancel/0");
            TransferFuture cancelled = transfers.upload(sources.get(1), Emulated.BUCKET, "cancel/1", canceller);
            TransferFuture third = transfers.upload(sources.get(2), Emulated.BUCKET, "cancel/2");

            assertThrows(CancellationException.class, cancelled::result);
            assertEquals(Emulated.crcOf(sources.get(0)), first.result().crc64());
            assertEquals(Emulated.crcOf(sources.get(2)), third.result().crc64());

            assertEquals("failed CancellationException", canceller.events.get(canceller.events.size() - 1));
            String uploadId = ((UploadJob) cancelled).uploadId();
            assertEquals("NoSuchUpload", assertThrows(OssServiceException.class,
                    () -> oss.oss.multipart().listParts(Emulated.BUCKET, "cancel/1", uploadId)).code());
            assertEquals(404, assertThrows(OssServiceException.class,
                    () -> oss.oss.headObject(Emulated.BUCKET, "cancel/1")).status());
            assertFalse(cancelled.cancel(), "a transfer that has ended cannot be cancelled");
        }
    }

    @Test
    void cancellingADownloadLeavesTheExistingTargetUntouchedAndNoTemporaryFile() throws Exception {
        Path source = Emulated.randomFile(folder, "down-source", SIZE, 20);
        oss.oss.putObject(Emulated.BUCKET, "cancel/down", source);
        Path target = Files.write(folder.resolve("down-target"), "the old content".getBytes(StandardCharsets.UTF_8));
        CancelAfter canceller = new CancelAfter(64 * 1024);
        try (TransferManager transfers = oss.manager(oss.config(DataRate.ofKibibytesPerSecond(512), 4).build())) {
            TransferFuture download = transfers.download(Emulated.BUCKET, "cancel/down", target, canceller);

            assertThrows(CancellationException.class, download::result);
        }
        assertArrayEquals("the old content".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        try (var files = Files.list(folder)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".sluice-download")));
        }
        assertEquals("failed CancellationException", canceller.events.get(canceller.events.size() - 1));
    }

    @Test
    void cancellingADownloadToANewTargetLeavesNoFileUnderItsName() throws Exception {
        Path source = Emulated.randomFile(folder, "new-source", SIZE, 21);
        oss.oss.putObject(Emulated.BUCKET, "cancel/new", source);
        Path target = folder.resolve("new-target");
        CancelAfter canceller = new CancelAfter(32 * 1024);
        try (TransferManager transfers = oss.manager(oss.config(DataRate.ofKibibytesPerSecond(512), 4).build())) {
            TransferFuture download = transfers.download(Emulated.BUCKET, "cancel/new", target, canceller);

            assertThrows(CancellationException.class, download::result);
            assertTrue(download.isDone());
        }
        assertFalse(Files.exists(target), "nothing under the target name");
        try (var files = Files.list(folder)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".sluice-download")));
        }
    }

    @Test
    void shutdownCancelEndsEveryTransferAndAbortsTheirUploads() throws Exception {
        Path source = Emulated.randomFile(folder, "shut-source", SIZE, 30);
        TransferManager transfers = oss.manager(oss.config(DataRate.ofKibibytesPerSecond(256), 8).build());
        CancelAfter started = new CancelAfter(Long.MAX_VALUE);
        TransferFuture one = transfers.upload(source, Emulated.BUCKET, "shut/1", started);
        TransferFuture two = transfers.upload(source, Emulated.BUCKET, "shut/2");
        started.awaitBytes(16 * 1024);

        transfers.shutdown(ShutdownMode.CANCEL);

        assertTrue(one.isDone() && two.isDone());
        assertThrows(CancellationException.class, one::result);
        assertThrows(CancellationException.class, two::result);
        for (int n = 1; n <= 2; n++) {
            String key = "shut/" + n;
            String id = ((UploadJob) (n == 1 ? one : two)).uploadId();
            if (id != null) { // a transfer cancelled before it initiated has nothing to abort
                assertEquals("NoSuchUpload", assertThrows(OssServiceException.class,
                        () -> oss.oss.multipart().listParts(Emulated.BUCKET, key, id)).code());
            }
            assertEquals(404, assertThrows(OssServiceException.class, () -> oss.oss.headObject(Emulated.BUCKET, key))
                    .status());
        }
    }

    /** Cancels its transfer once it has counted {@code bytes}; records the events. */
    private static final class CancelAfter implements TransferSubscriber {
        final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final long bytes;
        private final AtomicLong counted = new AtomicLong();
        private volatile TransferFuture transfer;

        CancelAfter(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void onQueued(TransferFuture transfer) {
            this.transfer = transfer;
        }

        @Override
        public void onProgress(long delta) {
            if (counted.addAndGet(delta) >= bytes) {
                transfer.cancel();
            }
            synchronized (this) {
                notifyAll();
            }
        }

        @Override
        public void onFailure(Throwable failure) {
            events.add("failed " + failure.getClass().getSimpleName());
        }

        /** Waits, on the transfer's progress (not on a clock), until {@code atLeast} bytes are counted. */
        synchronized void awaitBytes(long atLeast) throws InterruptedException {
            while (counted.get() < atLeast) {
                wait();
            }
        }
    }
}
