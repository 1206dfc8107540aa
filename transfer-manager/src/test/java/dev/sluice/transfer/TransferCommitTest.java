package dev.sluice.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.oss.OssServiceException;
import dev.sluice.transfer.internal.UploadJob;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancel racing the steps that must not be interrupted, made exact by a transport hook that cancels on the
 * coordinator thread just before the step's request goes out: a cancel during the commit (completing the
 * upload) is refused and the upload succeeds; a cancel during the initiate is honoured as soon as the upload
 * id is known, and that upload is aborted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransferCommitTest {

    private static final int SIZE = 300 * 1024 + 7; // multipart: four parts

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
    void aCancelArrivingWhileTheUploadIsBeingCompletedReturnsFalseAndTheUploadSucceeds() throws Exception {
        Path source = Emulated.randomFile(folder, "commit-source", SIZE, 41);
        Remember transfer = new Remember();
        AtomicReference<Boolean> cancelled = new AtomicReference<>();
        Emulated.Hooked hooked = oss.hooked(Emulated::completes, request -> cancelled.set(transfer.get().cancel()),
                UnaryOperator.identity());
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).transport(hooked).build())) {
            TransferResult result = transfers.upload(source, Emulated.BUCKET, "commit/racing", transfer).result();

            assertEquals(Boolean.FALSE, cancelled.get(), "the cancel came after the point of no return");
            assertEquals(Emulated.crcOf(source), result.crc64());
            assertEquals(SIZE, oss.oss.headObject(Emulated.BUCKET, "commit/racing").contentLength());
            assertEquals(2, hooked.count("POST"), "the initiate and one CompleteMultipartUpload");
            assertFalse(transfer.get().cancel());
        }
    }

    @Test
    void aCancelArrivingWhileTheUploadIsInitiatedIsHonouredOnceItsIdIsKnownAndThatUploadIsAborted() throws Exception {
        Path source = Emulated.randomFile(folder, "initiate-source", SIZE, 42);
        Remember transfer = new Remember();
        AtomicReference<Boolean> cancelled = new AtomicReference<>();
        Emulated.Hooked hooked = oss.hooked(Emulated::initiates, request -> cancelled.set(transfer.get().cancel()),
                UnaryOperator.identity());
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).transport(hooked).build())) {
            TransferFuture upload = transfers.upload(source, Emulated.BUCKET, "commit/initiate", transfer);

            assertThrows(CancellationException.class, upload::result);
            assertEquals(Boolean.TRUE, cancelled.get());
            String uploadId = ((UploadJob) upload).uploadId();
            assertNotNull(uploadId, "the initiate's answer was read despite the cancel");
            assertEquals("NoSuchUpload", assertThrows(OssServiceException.class,
                    () -> oss.oss.multipart().listParts(Emulated.BUCKET, "commit/initiate", uploadId)).code());
            assertEquals(0, hooked.count("PUT"), "no part was sent after the cancel");
            assertEquals(1, hooked.count("DELETE"), "the upload was aborted");
            assertTrue(upload.isDone());
        }
    }

    /** Keeps the transfer it is subscribed to, so that a hook can cancel it. */
    private static final class Remember implements TransferSubscriber {
        private volatile TransferFuture transfer;

        @Override
        public void onQueued(TransferFuture queued) {
            transfer = queued;
        }

        TransferFuture get() {
            return transfer;
        }
    }
}
