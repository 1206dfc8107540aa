package dev.sluice.oss.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Writes a download to a file one buffer at a time (demand 1, so the file keeps pace with the network and
 * nothing queues in memory). On any failure, including a CRC mismatch signalled upstream, the partial file
 * is deleted: a file that exists after a download is a complete, verified one.
 */
public final class FileSink implements Flow.Subscriber<ByteBuffer> {

    private final Path file;
    private final CompletableFuture<Long> written = new CompletableFuture<>();
    private FileChannel channel;
    private Flow.Subscription subscription;
    private long bytes;

    /** A sink that creates or replaces {@code file} once subscribed. */
    public FileSink(Path file) {
        this.file = file;
    }

    /** Completes with the number of bytes written once the download has ended and the file is closed. */
    public CompletableFuture<Long> written() {
        return written;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            subscription.cancel();
            written.completeExceptionally(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(ByteBuffer buffer) {
        if (written.isDone()) {
            return;
        }
        try {
            while (buffer.hasRemaining()) {
                bytes += channel.write(buffer);
            }
        } catch (IOException e) {
            subscription.cancel();
            abandon(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        abandon(error);
    }

    @Override
    public void onComplete() {
        try {
            channel.close();
            written.complete(bytes);
        } catch (IOException e) {
            abandon(e);
        }
    }

    private void abandon(Throwable error) {
        try {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException cleanup) {
            error.addSuppressed(cleanup);
        }
        written.completeExceptionally(error);
    }
}
