package dev.sluice.transport.testkit;

import dev.sluice.oss.Crc64;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * The bytes the end-to-end suite moves and how it checks them: seeded pseudo-random content written to
 * files a chunk at a time (a 64 MiB object never sits in memory), CRC-64 of files and file slices, and a
 * subscriber that drains a response body into a CRC-64. For the suite and the cases a transport adds to it.
 */
public final class Payloads {

    /** A kibibyte, in bytes. */
    public static final int KIB = 1024;
    /** A mebibyte, in bytes. */
    public static final int MIB = 1024 * KIB;
    private static final int CHUNK = 64 * KIB;

    private Payloads() {
    }

    /** {@code length} bytes seeded by {@code seed}: the same seed and length give the same bytes. */
    public static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Writes {@code length} seeded bytes to {@code file}, a chunk at a time. */
    public static Path file(Path file, long length, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = length; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    /** The CRC-64 of the whole of {@code file}. */
    public static long crc(Path file) throws IOException {
        return crc(file, 0, Files.size(file));
    }

    /** The CRC-64 of {@code length} bytes of {@code file} from {@code offset}. */
    public static long crc(Path file, long offset, long length) throws IOException {
        Crc64 crc = new Crc64();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            long left = length;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int n = channel.read(buffer);
                if (n < 0) {
                    throw new IOException(file + " ends " + left + " B before " + (offset + length));
                }
                buffer.flip();
                crc.update(buffer);
                left -= n;
            }
        }
        return crc.getValue();
    }

    /** A body read to its end one buffer at a time; {@link #result()} holds its length and CRC-64. */
    public static final class Drain implements Flow.Subscriber<ByteBuffer> {

        private final Crc64 crc = new Crc64();
        private final CompletableFuture<Drained> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long bytes;

        /** A drain that has not been subscribed yet. */
        public Drain() {
        }

        /** Completes when the body ends, or fails with its error. */
        public CompletableFuture<Drained> result() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            bytes += buffer.remaining();
            crc.update(buffer);
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(new Drained(bytes, crc.getValue()));
        }
    }

    /** What a drained body held: its length and CRC-64. */
    public record Drained(long bytes, long crc64) {
    }
}
