package dev.sluice.transfer.internal;

import dev.sluice.oss.ByteRange;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.Crc64MismatchException;
import dev.sluice.oss.ObjectContent;
import dev.sluice.oss.ObjectMetadata;
import dev.sluice.oss.PartSize;
import dev.sluice.transfer.ObjectChangedException;
import dev.sluice.transfer.TransferResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * One download: HEAD for the size, ETag and CRC-64, then one GetObject below the multipart threshold or
 * ranged GetObjects running concurrently on the part pool, all written into a temporary file next to the
 * target. The ranges' CRC-64s are combined and checked against the object's (when its HEAD reports one, see
 * {@link TransferResult#crcChecked()}); only then is the file moved
 * to its target name. A failed or cancelled download deletes the temporary file, so a file under the target
 * name is always complete and verified.
 */
public final class DownloadJob extends Job {

    private final String bucket;
    private final String key;
    private final Path target;
    private volatile Path temporary;
    private volatile FileChannel channel;

    /** A download of {@code oss://bucket/key} to {@code target}. */
    public DownloadJob(Engine engine, ProgressLedger ledger, String bucket, String key, Path target) {
        super(engine, ledger, "download of oss://" + bucket + "/" + key + " to " + target);
        this.bucket = bucket;
        this.key = key;
        this.target = target.toAbsolutePath();
    }

    @Override
    protected TransferResult transfer() throws IOException, InterruptedException {
        ObjectMetadata head = engine.connection().control().headObject(bucket, key);
        long size = head.contentLength();
        if (size < 0) {
            throw new IOException("HeadObject oss://" + bucket + "/" + key + " answered without a Content-Length");
        }
        ledger.total(size);
        temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".sluice-download");
        channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
        boolean whole = size < engine.config().multipartThreshold().bytes();
        long partSize = whole ? Math.max(size, 1) : PartSize.determine(size, engine.config().multipartChunkSize());
        int count = (int) PartSize.partCount(size, partSize);
        long[] crcs = new long[count];
        long[] lengths = new long[count];
        List<PartGroup.Work> work = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            long offset = i * partSize;
            long length = Math.min(partSize, size - offset);
            lengths[i] = length;
            ByteRange range = whole ? null : ByteRange.of(offset, offset + length - 1);
            work.add(() -> crcs[index] = engine.attempts().run(ledger, length,
                    attempt -> fetch(attempt, head, range, offset, length)));
        }
        runParts(work);
        long crc = 0;
        for (int i = 0; i < count; i++) {
            crc = Crc64.combine(crc, crcs[i], lengths[i]);
        }
        if (head.crc64().isPresent() && head.crc64().getAsLong() != crc) {
            throw new Crc64MismatchException("download of oss://" + bucket + "/" + key + " (" + count + " ranges combined)",
                    crc, head.crc64().getAsLong());
        }
        channel.force(false);
        channel.close();
        commit(() -> {
            move();
            return null;
        });
        return new TransferResult(bucket, key, size, crc, count, head.etag(), head.crc64().isPresent());
    }

    private long fetch(ProgressLedger.Attempt attempt, ObjectMetadata head, ByteRange range, long offset, long length)
            throws IOException {
        String what = "GetObject oss://" + bucket + "/" + key + (range == null ? "" : " " + range);
        ObjectContent content = engine.connection().forDownload(attempt).getObjectContent(bucket, key, range);
        ObjectMetadata got = content.metadata();
        String changed = null;
        if (!head.etag().isEmpty() && !got.etag().isEmpty() && !head.etag().equals(got.etag())) {
            changed = "its ETag went from " + head.etag() + " to " + got.etag();
        } else if (got.contentLength() >= 0 && got.contentLength() != length) {
            changed = "it answered " + got.contentLength() + " B where " + length + " B were asked for";
        }
        if (changed != null) {
            content.body().subscribe(new Discarding());
            throw new ObjectChangedException(what, changed);
        }
        RangeWriter writer = new RangeWriter(channel, offset, length, what);
        content.body().subscribe(writer);
        return writer.await();
    }

    private void move() throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        temporary = null;
    }

    @Override
    protected void cleanUp() throws IOException {
        FileChannel open = channel;
        if (open != null) {
            open.close();
        }
        Path file = temporary;
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    /** Cancels a body nobody will read, which releases its connection and any budget it waited for. */
    private static final class Discarding implements Flow.Subscriber<ByteBuffer> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(ByteBuffer item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
