package dev.sluice.emulator.internal;

import dev.sluice.oss.Crc64;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** InitiateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload, ListParts (reference 4.2). */
final class MultipartOperations {

    /** Every part but the last must be at least 100 KiB. */
    private static final long MIN_PART = 100 * 1024;
    private static final int MAX_PART_NUMBER = 10_000;
    private static final int MAX_PARTS_LISTED = 1000;

    private final Storage storage;
    private final Clock clock;

    MultipartOperations(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    void initiate(OssRequest request, Reply reply) throws IOException {
        storage.bucket(request.bucket());
        String uploadId = HexFormat.of().withUpperCase().formatHex(uuidBytes());
        String type = request.header("Content-Type");
        storage.uploads().put(uploadId, new MultipartUpload(request.bucket(), request.key(),
                type == null ? "application/octet-stream" : type));
        reply.sendXml(200, Xml.document("InitiateMultipartUploadResult", Xml.element("Bucket", request.bucket())
                + Xml.element("Key", request.key()) + Xml.element("UploadId", uploadId)));
    }

    void uploadPart(OssRequest request, Reply reply) throws IOException {
        String numberText = request.query().get("partNumber").orElse("");
        int number;
        try {
            number = Integer.parseInt(numberText);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > MAX_PART_NUMBER) {
            throw ErrorCodes.invalidArgument("Part number must be an integer between 1 and 10000, inclusive.");
        }
        MultipartUpload upload = storage.upload(request.query().get("uploadId").orElse(null), request.bucket(), request.key());
        StoredContent content = storage.blobs().write(reply.requestBody());
        ObjectOperations.requireDigest(request, content);
        upload.put(new MultipartUpload.Part(number, content, clock.instant()));
        reply.headers().set("ETag", content.etag());
        reply.headers().set("Content-MD5", Base64.getEncoder().encodeToString(content.md5()));
        reply.headers().set("x-oss-hash-crc64ecma", Crc64.toDecimal(content.crc64()));
        reply.send(200, 0, null);
    }

    void complete(OssRequest request, Reply reply) throws IOException {
        String uploadId = request.query().get("uploadId").orElse(null);
        MultipartUpload upload = storage.upload(uploadId, request.bucket(), request.key());
        List<MultipartUpload.Part> chosen = "yes".equalsIgnoreCase(request.header("x-oss-complete-all"))
                ? upload.parts() : chosenParts(upload, CompleteMultipartBody.parse(reply.requestBody()));
        if (chosen.isEmpty()) {
            throw ErrorCodes.malformedXml("CompleteMultipartUpload names no part");
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).content().blob().size() < MIN_PART) {
                throw new OssError(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size:"
                        + " part " + chosen.get(i).number() + " is " + chosen.get(i).content().blob().size()
                        + " B, every part but the last must be at least " + MIN_PART + " B (100 KiB).",
                        ErrorCodes.EC_ENTITY_TOO_SMALL);
            }
        }
        if (storage.uploads().remove(uploadId) == null) {
            throw ErrorCodes.noSuchUpload(); // completed or aborted concurrently
        }
        upload.deleteAllBut(chosen);
        MessageDigest md5s = BlobStore.md5();
        List<Blob> blobs = new ArrayList<>();
        long crc = 0;
        for (MultipartUpload.Part part : chosen) {
            md5s.update(part.content().md5());
            blobs.add(part.content().blob());
            crc = blobs.size() == 1 ? part.content().crc64() : Crc64.combine(crc, part.content().crc64(), part.content().blob().size());
        }
        String etag = "\"" + Hex.upper(md5s.digest()) + "-" + chosen.size() + "\"";
        storage.put(request.bucket(), request.key(), new StoredObject(new CompositeBlob(blobs), etag, crc,
                upload.contentType(), clock.instant()));
        reply.headers().set("ETag", etag);
        reply.headers().set("x-oss-hash-crc64ecma", Crc64.toDecimal(crc));
        reply.sendXml(200, Xml.document("CompleteMultipartUploadResult",
                Xml.element("Location", "http://" + request.host() + "/" + request.key())
                        + Xml.element("Bucket", request.bucket()) + Xml.element("Key", request.key()) + Xml.element("ETag", etag)));
    }

    void abort(OssRequest request, Reply reply) throws IOException {
        String uploadId = request.query().get("uploadId").orElse(null);
        MultipartUpload upload = storage.upload(uploadId, request.bucket(), request.key());
        if (storage.uploads().remove(uploadId) != null) {
            upload.deleteAllBut(List.of());
        }
        reply.send(204, 0, null);
    }

    void listParts(OssRequest request, Reply reply) throws IOException {
        MultipartUpload upload = storage.upload(request.query().get("uploadId").orElse(null), request.bucket(), request.key());
        int max = boundedInt(request.query().get("max-parts").orElse(null), MAX_PARTS_LISTED, 1, MAX_PARTS_LISTED, "max-parts");
        int marker = boundedInt(request.query().get("part-number-marker").orElse(null), 0, 0, MAX_PART_NUMBER, "part-number-marker");
        List<MultipartUpload.Part> after = new ArrayList<>();
        for (MultipartUpload.Part part : upload.parts()) {
            if (part.number() > marker) {
                after.add(part);
            }
        }
        boolean truncated = after.size() > max;
        List<MultipartUpload.Part> page = truncated ? after.subList(0, max) : after;
        StringBuilder xml = new StringBuilder()
                .append(Xml.element("Bucket", request.bucket())).append(Xml.element("Key", request.key()))
                .append(Xml.element("UploadId", request.query().get("uploadId").orElse("")))
                .append(Xml.element("PartNumberMarker", marker))
                .append(Xml.element("NextPartNumberMarker", page.isEmpty() ? marker : page.get(page.size() - 1).number()))
                .append(Xml.element("MaxParts", max)).append(Xml.element("IsTruncated", truncated))
                .append(Xml.element("StorageClass", "Standard"));
        for (MultipartUpload.Part part : page) {
            xml.append("<Part>").append(Xml.element("PartNumber", part.number()))
                    .append(Xml.element("LastModified", DateTimeFormatter.ISO_INSTANT.format(part.lastModified())))
                    .append(Xml.element("ETag", part.content().etag()))
                    .append(Xml.element("HashCrc64ecma", Crc64.toDecimal(part.content().crc64())))
                    .append(Xml.element("Size", part.content().blob().size())).append("</Part>");
        }
        reply.sendXml(200, Xml.document("ListPartsResult", xml.toString()));
    }

    private static List<MultipartUpload.Part> chosenParts(MultipartUpload upload, List<CompleteMultipartBody.PartReference> references) {
        List<MultipartUpload.Part> chosen = new ArrayList<>();
        int previous = 0;
        for (CompleteMultipartBody.PartReference reference : references) {
            if (reference.number() <= previous) {
                throw new OssError(400, "InvalidPartOrder", "The list of parts was not in ascending order. Parts must be"
                        + " ordered by part number.", ErrorCodes.EC_PART_ORDER);
            }
            previous = reference.number();
            MultipartUpload.Part part = upload.part(reference.number());
            if (part == null || !unquoted(part.content().etag()).equalsIgnoreCase(unquoted(reference.etag()))) {
                throw new OssError(400, "InvalidPart", "One or more of the specified parts could not be found or the"
                        + " specified entity tag might not have matched the part's entity tag: part " + reference.number(),
                        ErrorCodes.EC_INVALID_PART);
            }
            chosen.add(part);
        }
        return chosen;
    }

    private static String unquoted(String etag) {
        String e = etag.trim();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    private static int boundedInt(String text, int absent, int min, int max, String name) {
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ErrorCodes.invalidArgument(name + " \"" + text + "\" must be an integer within " + min + ".." + max);
    }

    private static byte[] uuidBytes() {
        UUID id = UUID.randomUUID();
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
