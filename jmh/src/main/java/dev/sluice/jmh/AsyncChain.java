package dev.sluice.jmh;

import dev.sluice.throttle.Pacer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A stream sent by chaining {@link Pacer#acquireAsync} chunk after chunk, no thread waiting: the fairness
 * and scale checks' asynchronous sender. Each granted chunk is written to {@code out} on the thread that
 * completed the grant (the scheduler's, or the caller's when the grant was due at once).
 */
final class AsyncChain {

    private static final byte[] CHUNK = new byte[PacingPath.CHUNK_BYTES];

    private AsyncChain() {
    }

    /** Sends {@code bytes} zero bytes to {@code out} in chunks, completing {@code done} when all have gone. */
    static void send(Pacer pacer, OutputStream out, long bytes, CompletableFuture<Void> done) {
        sendFrom(0, pacer, out, bytes, done);
    }

    private static void sendFrom(long sent, Pacer pacer, OutputStream out, long bytes, CompletableFuture<Void> done) {
        if (sent >= bytes) {
            done.complete(null);
            return;
        }
        int n = (int) Math.min(CHUNK.length, bytes - sent);
        pacer.acquireAsync(n).whenComplete((granted, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            try {
                out.write(CHUNK, 0, n);
                sendFrom(sent + n, pacer, out, bytes, done);
            } catch (IOException | RuntimeException e) {
                // thrown on the scheduler's thread it would only fail a future nobody reads
                done.completeExceptionally(e);
            }
        });
    }
}
