package dev.sluice.transfer.internal;

import dev.sluice.oss.CompleteMultipartUploadResult;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.Multipart;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.PartSize;
import dev.sluice.oss.PutObjectResult;
import dev.sluice.oss.UploadedPart;
import dev.sluice.transfer.TransferResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One upload: a single PutObject below the multipart threshold, else a multipart upload whose parts run
 * concurrently on the part pool and which is completed with the parts' CRC-64s combined and checked
 * against the object's, or aborted when it fails or is cancelled.
 */
public final class UploadJob extends Job {

    /** The largest part a stream upload can hold in memory. */
    private static final long MAX_STREAM_PART = Integer.MAX_VALUE - 8;

    private final UploadSource source;
    private final String bucket;
    private final String key;
    private volatile String uploadId;

    private UploadJob(Engine engine, ProgressLedger ledger, UploadSource source, String bucket, String key, String from) {
        super(engine, ledger, "upload of " + from + " to oss://" + bucket + "/" + key);
        this.source = source;
        this.bucket = bucket;
        this.key = key;
    }

    /** An upload of {@code file}. */
    public static UploadJob ofFile(Engine engine, ProgressLedger ledger, java.nio.file.Path file, String bucket, String key) {
        return new UploadJob(engine, ledger, UploadSource.of(file), bucket, key, file.toString());
    }

    /** An upload of the next {@code length} bytes of {@code in}. */
    public static UploadJob ofStream(Engine engine, ProgressLedger ledger, java.io.InputStream in, long length, String bucket,
            String key) {
        return new UploadJob(engine, ledger, UploadSource.of(in, length), bucket, key, "a stream of " + length + " B");
    }

    @Override
    protected TransferResult transfer() throws IOException, InterruptedException {
        long size = source.size();
        ledger.total(size);
        if (size < engine.config().multipartThreshold().bytes()) {
            return single(size);
        }
        long partSize = PartSize.determine(size, engine.config().multipartChunkSize());
        if (source instanceof UploadSource.StreamSource && partSize > MAX_STREAM_PART) {
            throw new IllegalArgumentException("a stream of " + size + " B needs parts of " + partSize
                    + " B, above the " + MAX_STREAM_PART + " B a stream part can hold in memory; upload it from a file");
        }
        int count = (int) PartSize.partCount(size, partSize);
        Multipart control = engine.connection().control().multipart();
        // shielded: an interrupted initiate would lose the id of an upload OSS did create, which then no abort finds
        shielded(() -> control.initiate(bucket, key), id -> uploadId = id);
        UploadedPart[] parts = new UploadedPart[count];
        List<PartGroup.Work> work = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int number = i + 1;
            long offset = i * partSize;
            long length = Math.min(partSize, size - offset);
            work.add(() -> {
                UploadedPart part = part(number, offset, length, partSize);
                parts[part.partNumber() - 1] = part;
            });
        }
        runParts(work);
        CompleteMultipartUploadResult done = commit(() -> control.complete(bucket, key, uploadId, Arrays.asList(parts)));
        long crc = 0;
        for (UploadedPart part : parts) {
            crc = Crc64.combine(crc, part.crc64().orElseThrow(), part.size());
        }
        // Multipart.complete checks the combined CRC-64 against the one OSS answers with, when it answers one
        return new TransferResult(bucket, key, size, crc, count, done.etag(), done.crc64().isPresent());
    }

    private TransferResult single(long size) throws IOException, InterruptedException {
        PutObjectResult[] put = new PutObjectResult[1];
        runParts(List.of(() -> {
            if (source instanceof UploadSource.FileSource) {
                java.nio.file.Path file = ((UploadSource.FileSource) source).file;
                put[0] = engine.attempts().run(ledger, size, attempt -> upload(attempt).putObject(bucket, key, file));
            } else {
                byte[] bytes = ((UploadSource.StreamSource) source).next(Math.max(size, 1)).bytes;
                put[0] = engine.attempts().run(ledger, size, attempt -> upload(attempt).putObject(bucket, key, bytes));
            }
        }));
        // the OSS client checks the CRC-64 OSS answers with but does not say whether it got one: not claimed
        return new TransferResult(bucket, key, size, put[0].crc64(), 1, put[0].etag(), put[0].crcConfirmed());
    }

    private UploadedPart part(int number, long offset, long length, long partSize) throws IOException, InterruptedException {
        String id = uploadId;
        if (source instanceof UploadSource.FileSource) {
            java.nio.file.Path file = ((UploadSource.FileSource) source).file;
            return engine.attempts().run(ledger, length,
                    attempt -> upload(attempt).multipart().uploadPart(bucket, key, id, number, file, offset, length, null));
        }
        // stream parts are numbered in the order they are read, which is not always the order they were queued in
        UploadSource.Slice slice = ((UploadSource.StreamSource) source).next(partSize);
        return engine.attempts().run(ledger, slice.bytes.length,
                attempt -> upload(attempt).multipart().uploadPart(bucket, key, id, slice.number, slice.bytes, null));
    }

    private OssClient upload(ProgressLedger.Attempt attempt) {
        return engine.connection().forUpload(attempt);
    }

    @Override
    protected void cleanUp() throws IOException {
        String id = uploadId;
        if (id != null) {
            engine.connection().control().multipart().abort(bucket, key, id);
        }
    }

    /** The id of the multipart upload, once initiated; null for a single PutObject. */
    public String uploadId() {
        return uploadId;
    }
}
