package dev.sluice.transfer.internal;

import dev.sluice.oss.Crc64;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * Writes one ranged download into its place in the shared temporary file (positional writes, so the parts
 * of a download never get in each other's way), one buffer at a time, computing the range's CRC-64 as the
 * bytes pass. Once it has ended or been cancelled it writes nothing more, so a stopped attempt cannot
 * scribble over the attempt that replaces it.
 */
final class RangeWriter implements Flow.Subscriber<ByteBuffer> {

    private final FileChannel channel;
    private final long offset;
    private final long length;
    private final String what;
    private final Crc64 crc = new Crc64();
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private long written;

    RangeWriter(FileChannel channel, long offset, long length, String what) {
        this.channel = channel;
        this.offset = offset;
        this.length = length;
        this.what = what;
    }

    /**
     * Waits for the range; returns its CRC-64. An interrupt cancels the download of the range (giving back
     * the budget it waited for) and keeps the interrupt flag.
     */
    long await() throws IOException {
        try {
            return done.get();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(what + " was interrupted");
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException ? (IOException) cause : new IOException(what + " failed", cause);
        }
    }

    void cancel() {
        done.completeExceptionally(new IOException(what + " was cancelled"));
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (done.isDone()) {
            subscription.cancel();
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(ByteBuffer buffer) {
        if (done.isDone()) {
            return;
        }
        try {
            if (written + buffer.remaining() > length) {
                throw new IOException(what + " sent more than the " + length + " B asked for");
            }
            ByteBuffer forCrc = buffer.duplicate();
            while (buffer.hasRemaining()) {
                written += channel.write(buffer, offset + written);
            }
            crc.update(forCrc);
        } catch (IOException e) {
            subscription.cancel();
            done.completeExceptionally(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (written != length) {
            done.completeExceptionally(new IOException(what + " ended after " + written + " B of the " + length + " B asked for"));
            return;
        }
        done.complete(crc.getValue());
    }
}
