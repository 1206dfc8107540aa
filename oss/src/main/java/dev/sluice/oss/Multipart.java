package dev.sluice.oss;

import dev.sluice.api.Body;
import dev.sluice.api.DataSize;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.oss.internal.ChannelPublisher;
import dev.sluice.oss.internal.ObjectNames;
import dev.sluice.oss.internal.OssExchange;
import dev.sluice.oss.internal.QueryParams;
import dev.sluice.oss.internal.xml.CompleteMultipartUpload;
import dev.sluice.oss.internal.xml.InitiateMultipartUploadResult;
import dev.sluice.oss.internal.xml.ListPartsResult;
import dev.sluice.oss.internal.xml.OssXml;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Flow;

/**
 * The multipart upload of one {@link OssClient}: initiate, upload parts (each with its own traffic limit
 * if wanted), complete, abort, list parts, and {@link #uploadFile} doing all of it for a file with the
 * part-size rule of {@link PartSize}. Each part's CRC-64 is checked on upload, and the object's CRC-64 on
 * completion against the parts' CRCs combined ({@link Crc64#combine}).
 */
public final class Multipart {

    private final OssClient client;

    Multipart(OssClient client) {
        this.client = client;
    }

    /** InitiateMultipartUpload: the upload id of a new multipart upload of {@code key}. */
    public String initiate(String bucket, String key) throws IOException {
        Request request = client.request("POST", bucket, key, "uploads");
        Response response = client.exchange().send(request);
        InitiateMultipartUploadResult result = OssXml.read(OssExchange.readDocument(response), InitiateMultipartUploadResult.class);
        if (result.uploadId == null || result.uploadId.isBlank()) {
            throw new IOException("InitiateMultipartUpload " + OssClient.describe(bucket, key) + " answered without an UploadId");
        }
        return result.uploadId;
    }

    /**
     * UploadPart of {@code length} bytes of {@code file} from {@code offset}, streamed.
     *
     * @param limit the traffic limit of this part's connection, or null for the client's
     * @throws IllegalArgumentException if the part number is outside 1..10000 or the slice is outside the file
     */
    public UploadedPart uploadPart(String bucket, String key, String uploadId, int partNumber, Path file, long offset,
            long length, TrafficLimit limit) throws IOException {
        Request request = partRequest(bucket, key, uploadId, partNumber, limit);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("part slice must have offset and length at least 0 B, was offset "
                    + offset + " B, length " + length + " B");
        }
        long size = Files.size(file);
        if (offset > size - length) {
            throw new IllegalArgumentException("part slice " + offset + "+" + length + " B ends beyond the " + size
                    + " B of " + file);
        }
        return uploadPart(request, ChannelPublisher.ofFile(file, offset, length), length, partNumber, bucket, key);
    }

    /** UploadPart of {@code bytes}; {@code limit} as for the file variant. */
    public UploadedPart uploadPart(String bucket, String key, String uploadId, int partNumber, byte[] bytes,
            TrafficLimit limit) throws IOException {
        Request request = partRequest(bucket, key, uploadId, partNumber, limit);
        if (bytes == null) {
            throw new IllegalArgumentException("part bytes must not be null");
        }
        return uploadPart(request, Body.ofBytes(bytes).publisher(), bytes.length, partNumber, bucket, key);
    }

    /**
     * CompleteMultipartUpload with {@code parts} (sorted here by part number, as OSS requires).
     *
     * @throws IllegalArgumentException if {@code parts} is empty or names a part number twice
     * @throws Crc64MismatchException if OSS reports a CRC-64 other than the parts' CRCs combined
     */
    public CompleteMultipartUploadResult complete(String bucket, String key, String uploadId, List<UploadedPart> parts)
            throws IOException {
        Request request = client.request("POST", bucket, key, QueryParams.encode("uploadId", ObjectNames.requireUploadId(uploadId)));
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("CompleteMultipartUpload needs at least one part");
        }
        List<UploadedPart> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(UploadedPart::partNumber));
        CompleteMultipartUpload document = new CompleteMultipartUpload();
        for (int i = 0; i < sorted.size(); i++) {
            UploadedPart part = sorted.get(i);
            if (i > 0 && sorted.get(i - 1).partNumber() == part.partNumber()) {
                throw new IllegalArgumentException("part number " + part.partNumber() + " is listed twice");
            }
            document.parts.add(new CompleteMultipartUpload.Part(ObjectNames.requirePartNumber(part.partNumber()), part.etag()));
        }
        Response response = client.exchange().send(request.withHeader("Content-Type", "application/xml")
                .withBody(Body.ofBytes(OssXml.write(document))));
        dev.sluice.oss.internal.xml.CompleteMultipartUploadResult result = OssXml.read(OssExchange.readDocument(response),
                dev.sluice.oss.internal.xml.CompleteMultipartUploadResult.class);
        OptionalLong reported = OssClient.metadata(response).crc64();
        OptionalLong combined = combined(sorted);
        if (reported.isPresent() && combined.isPresent() && reported.getAsLong() != combined.getAsLong()) {
            throw new Crc64MismatchException("CompleteMultipartUpload " + OssClient.describe(bucket, key)
                    + " (parts combined)", combined.getAsLong(), reported.getAsLong());
        }
        return new CompleteMultipartUploadResult(text(result.location), text(result.bucket), text(result.key),
                text(result.etag), reported);
    }

    /** AbortMultipartUpload: drops the upload and its parts. */
    public void abort(String bucket, String key, String uploadId) throws IOException {
        Request request = client.request("DELETE", bucket, key, QueryParams.encode("uploadId", ObjectNames.requireUploadId(uploadId)));
        OssExchange.discard(client.exchange().send(request));
    }

    /** ListParts: every part uploaded so far, in part-number order, following the pages OSS returns. */
    public List<UploadedPart> listParts(String bucket, String key, String uploadId) throws IOException {
        ObjectNames.requireUploadId(uploadId);
        List<UploadedPart> parts = new ArrayList<>();
        Integer marker = null;
        while (true) {
            String query = marker == null ? QueryParams.encode("uploadId", uploadId)
                    : QueryParams.encode("part-number-marker", marker.toString(), "uploadId", uploadId);
            Response response = client.exchange().send(client.request("GET", bucket, key, query));
            ListPartsResult page = OssXml.read(OssExchange.readDocument(response), ListPartsResult.class);
            for (ListPartsResult.Part part : page.parts == null ? List.<ListPartsResult.Part>of() : page.parts) {
                OptionalLong crc = part.hashCrc64ecma == null || part.hashCrc64ecma.isBlank() ? OptionalLong.empty()
                        : OptionalLong.of(Crc64.parseDecimal(part.hashCrc64ecma));
                parts.add(new UploadedPart(part.partNumber, text(part.etag), crc, part.size));
            }
            if (!page.truncated) {
                return parts;
            }
            if (page.nextPartNumberMarker == null || page.nextPartNumberMarker.equals(marker)) {
                throw new IOException("ListParts " + OssClient.describe(bucket, key) + " is truncated but gives no new marker");
            }
            marker = page.nextPartNumberMarker;
        }
    }

    /**
     * Uploads {@code file} in parts sized by {@link PartSize#determine} from {@code preferredPartSize}, one
     * after another, and completes the upload; on any failure the upload is aborted.
     */
    public CompleteMultipartUploadResult uploadFile(String bucket, String key, Path file, DataSize preferredPartSize)
            throws IOException {
        client.request("PUT", bucket, key, null); // refuse a bad name before anything else
        long size = Files.size(file);
        long partSize = PartSize.determine(size, preferredPartSize);
        long count = PartSize.partCount(size, partSize);
        String uploadId = initiate(bucket, key);
        try {
            List<UploadedPart> parts = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                long offset = (n - 1) * partSize;
                parts.add(uploadPart(bucket, key, uploadId, n, file, offset, Math.min(partSize, size - offset), null));
            }
            return complete(bucket, key, uploadId, parts);
        } catch (IOException | RuntimeException e) {
            try {
                abort(bucket, key, uploadId);
            } catch (IOException | RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private Request partRequest(String bucket, String key, String uploadId, int partNumber, TrafficLimit limit) {
        ObjectNames.requirePartNumber(partNumber);
        ObjectNames.requireUploadId(uploadId);
        Request request = client.request("PUT", bucket, key,
                QueryParams.encode("partNumber", Integer.toString(partNumber), "uploadId", uploadId));
        return limit == null ? request : request.withHeaders(Headers.of(TrafficLimit.NAME, limit.headerValue()));
    }

    private UploadedPart uploadPart(Request request, Flow.Publisher<ByteBuffer> source, long length, int partNumber,
            String bucket, String key) throws IOException {
        OssClient.Uploaded uploaded = client.upload(request, source, length, true,
                "UploadPart " + partNumber + " of " + OssClient.describe(bucket, key));
        Optional<String> etag = uploaded.response.headers().first("ETag");
        if (etag.isEmpty()) {
            throw new IOException("UploadPart " + partNumber + " of " + OssClient.describe(bucket, key) + " answered without an ETag");
        }
        return new UploadedPart(partNumber, etag.get(), OptionalLong.of(uploaded.crc), length);
    }

    private static OptionalLong combined(List<UploadedPart> sorted) {
        long crc = 0;
        for (UploadedPart part : sorted) {
            if (part.crc64().isEmpty() || part.size() < 0) {
                return OptionalLong.empty();
            }
            crc = Crc64.combine(crc, part.crc64().getAsLong(), part.size());
        }
        return OptionalLong.of(crc);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
