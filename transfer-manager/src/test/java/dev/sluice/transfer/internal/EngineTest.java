package dev.sluice.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.Parker;
import dev.sluice.transfer.TransferConfig;
import dev.sluice.transfer.TransferResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The coordinator pool is bounded: at most maxConcurrency transfers run, the others wait in its queue. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EngineTest {

    private final VirtualTime time = new VirtualTime();

    @Test
    void withAConcurrencyOfTwoTheThirdTransferWaitsInTheQueueUntilOneEnds() throws Exception {
        TransferConfig config = TransferConfig.builder().maxBandwidth(DataRate.UNLIMITED).maxConcurrency(2)
                .transport(request -> new CompletableFuture<>()).build();
        Engine engine = new Engine(null, config, time, Parker.system());
        BlockingQueue<String> started = new ArrayBlockingQueue<>(3);
        CountDownLatch release = new CountDownLatch(1);
        List<Blocking> jobs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Blocking job = new Blocking(engine, "job " + i, started, release);
            jobs.add(job);
            engine.start(job);
        }

        assertEquals(1, engine.queuedTransfers(), "two coordinators are busy, the third transfer waits");
        List<String> first = List.of(started.take(), started.take());
        assertEquals(1, engine.queuedTransfers());
        release.countDown();
        for (Blocking job : jobs) {
            assertEquals(job.description(), job.result().key());
        }
        assertEquals(0, engine.queuedTransfers());
        assertEquals(List.of("job 1", "job 2"), first.stream().sorted().toList());
        engine.shutdown();
    }

    /** A transfer that reports its start and then waits until released. */
    private final class Blocking extends Job {
        private final BlockingQueue<String> started;
        private final CountDownLatch release;

        Blocking(Engine engine, String name, BlockingQueue<String> started, CountDownLatch release) {
            super(engine, new ProgressLedger(List.of(), time), name);
            this.started = started;
            this.release = release;
        }

        @Override
        protected TransferResult transfer() throws InterruptedException {
            started.add(description());
            release.await();
            return new TransferResult("bucket", description(), 0, 0, 1, "\"etag\"", false);
        }

        @Override
        protected void cleanUp() throws IOException {
        }
    }
}
