package dev.sluice.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutting down from a subscriber's callback, which runs on the manager's own thread and before the
 * transfer's future completes: it is refused at once instead of waiting forever for its own transfer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransferShutdownTest {

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
    void closingTheManagerFromOnDoneIsRefusedNamingTheThreadAndTheManagerStaysOpen() throws Exception {
        Path source = Emulated.randomFile(folder, "small", 1000, 51);
        AtomicReference<TransferManager> manager = new AtomicReference<>();
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        TransferSubscriber closer = new TransferSubscriber() {
            @Override
            public void onDone(TransferResult result) {
                try {
                    manager.get().close();
                    refused.complete(null);
                } catch (RuntimeException e) {
                    refused.complete(e);
                }
            }
        };
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).build())) {
            manager.set(transfers);

            transfers.upload(source, Emulated.BUCKET, "shutdown/from-callback", closer).result();

            assertTrue(refused.isDone(), "onDone ran before result() returned");
            Throwable failure = refused.getNow(null);
            assertNotNull(failure, "close() was not refused");
            assertEquals(IllegalStateException.class, failure.getClass());
            assertEquals("shutdown() and close() cannot run on sluice-transfer-1, a thread of this TransferManager (a"
                    + " subscriber callback?): it would wait for the transfer that thread runs; call it from another thread",
                    failure.getMessage());
            // refused means nothing was shut: the manager still takes transfers
            assertEquals(1000, transfers.upload(source, Emulated.BUCKET, "shutdown/after").result().bytes());
        }
        assertThrows(IllegalStateException.class, () -> manager.get().upload(source, Emulated.BUCKET, "shutdown/late"));
    }

    @Test
    void closingTheManagerFromOnQueuedIsRefusedAndTheTransferStillRuns() throws Exception {
        Path source = Emulated.randomFile(folder, "queued", 1000, 52);
        AtomicReference<TransferManager> manager = new AtomicReference<>();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        TransferSubscriber closer = new TransferSubscriber() {
            @Override
            public void onQueued(TransferFuture transfer) {
                try {
                    manager.get().close();
                } catch (RuntimeException e) {
                    refused.set(e);
                }
            }
        };
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 2).build())) {
            manager.set(transfers);

            TransferResult result = transfers.upload(source, Emulated.BUCKET, "shutdown/from-on-queued", closer).result();

            assertEquals(1000, result.bytes());
            assertNotNull(refused.get(), "close() in onQueued was not refused");
            assertEquals("shutdown() and close() cannot run in onQueued: the transfer being queued starts only when"
                    + " onQueued returns, so it would wait for it forever; call it from another thread",
                    refused.get().getMessage());
        }
    }
}
