package dev.sluice.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Body;
import dev.sluice.api.DataRate;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.throttle.PacingMiddleware;
import dev.sluice.throttle.ProviderRegistry;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * The one budget per direction on virtual time, with bodies paced as {@link Connection} paces them (a
 * {@link PacingMiddleware} on the direction's pacer, next to the transport): two uploads share
 * 819,200 bit/s (100 KiB/s, 80 ms per 8 KiB chunk, 16 KiB burst); cancelling one gives its waiting
 * reservation back at once and the other finishes in the time its own bytes take.
 */
class SharedBudgetTest {

    private static final DataRate CAP = DataRate.ofBitsPerSecond(819_200);
    private static final int SIZE = 80 * 1024;
    private static final long MS = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final Budget budget = Budget.of(Optional.empty(), Optional.of(CAP), "leaky-bucket", ProviderRegistry.load(),
            time, time);
    private final Transport paced = PacingMiddleware.uploads(budget.pacer()).around(new Wire());

    @Test
    void twoUploadsOfEightyKibSharingOneHundredKibPerSecondBothFinishAfterOnePointFourFourSeconds() {
        Received a = send();
        Received b = send();

        time.runUntilIdle();

        // 160 KiB, the first 16 KiB at once, the other 144 KiB at 100 KiB/s: 1.44 s
        assertEquals(SIZE, a.bytes);
        assertEquals(SIZE, b.bytes);
        // fair: after a's head start (the 16 KiB burst and the chunk it reserved before b arrived, 3 chunks
        // of 80 ms) the two alternate chunk by chunk, so a ends exactly those 240 ms earlier
        assertEquals(1200 * MS, a.finished);
        assertEquals(1440 * MS, b.finished);
    }

    @Test
    void cancellingOneUploadGivesBackItsWaitingChunkAtOnceAndTheOtherFinishesInItsOwnTime() {
        Received a = send();
        Received b = send();
        time.runUntil(420 * MS);
        long before = budget.limiter().waitEstimate(8192);

        a.subscription.cancel();

        long after = budget.limiter().waitEstimate(8192);
        assertEquals(80 * MS, before - after, "the cancelled upload's waiting 8 KiB chunk (80 ms) was given back");
        long bBytesAtCancel = b.bytes;
        time.runUntilIdle();
        assertEquals(SIZE, b.bytes);
        // b's remaining bytes alone, at the full cap, from the moment of the cancel (a chunk of slack)
        long alone = 420 * MS + CAP.nanosToSend(SIZE - bBytesAtCancel);
        assertTrue(b.finished <= alone + 80 * MS, "b finished at " + b.finished / MS + " ms, alone it needs " + alone / MS);
        assertTrue(b.finished < 1360 * MS, "b finished before it would have with a sharing the budget");
        assertTrue(a.bytes < SIZE);
    }

    private Received send() {
        Received received = new Received();
        Request request = new Request("PUT", URI.create("http://127.0.0.1/bucket/key"), Headers.of(),
                Body.ofBytes(new byte[SIZE]));
        paced.send(request);
        Wire.last.subscribe(received);
        return received;
    }

    /** What the far end of one upload received, and when it had all of it. */
    private final class Received implements Flow.Subscriber<ByteBuffer> {
        Flow.Subscription subscription;
        long bytes;
        long finished = -1;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer item) {
            bytes += item.remaining();
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
            finished = time.elapsed();
        }
    }

    /** A transport that hands the paced body to the test (as a socket reads it) and answers nothing. */
    private static final class Wire implements Transport {
        static Flow.Publisher<ByteBuffer> last;

        @Override
        public CompletableFuture<Response> send(Request request) {
            last = request.body().publisher();
            return new CompletableFuture<>();
        }
    }
}
