package dev.sluice.oss;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny in-memory OSS behind the {@link Transport} SPI: stores objects and multipart uploads, answers
 * errors as OSS XML, returns ETag and x-oss-hash-crc64ecma, honours Range, and checks that every request
 * is signed. Bucket from the Host for domain endpoints, from the path for 127.0.0.1/localhost. Knobs make
 * it misbehave (a wrong CRC header, a flipped byte) to test the client's checks.
 */
final class FakeOss implements Transport {

    static final int CHUNK = 16 * 1024;

    /** A request as received, with what its body held. */
    record Received(Request request, int bodyBytes, int largestBuffer) {
    }

    private final Map<String, byte[]> objects = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, byte[]>> uploads = new LinkedHashMap<>();
    final List<Received> received = new ArrayList<>();
    final List<String> buckets = new ArrayList<>(List.of("bucket", "examplebucket"));
    boolean wrongCrcHeader;
    boolean flipAByteOnGet;
    int listPartsPageSize = 1000;
    private int nextUpload = 1;

    byte[] object(String bucket, String key) {
        return objects.get(bucket + "/" + key);
    }

    void store(String bucket, String key, byte[] data) {
        objects.put(bucket + "/" + key, data);
    }

    int openUploads() {
        return uploads.size();
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        CompletableFuture<Response> response = new CompletableFuture<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] largest = {0};
        request.body().publisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                largest[0] = Math.max(largest[0], buffer.remaining());
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                body.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable error) {
                response.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                byte[] bytes = body.toByteArray();
                received.add(new Received(request, bytes.length, largest[0]));
                try {
                    response.complete(handle(request, bytes));
                } catch (RuntimeException e) {
                    response.complete(error(500, "InternalError", e.toString()));
                }
            }
        });
        return response;
    }

    private Response handle(Request request, byte[] body) {
        if (!request.headers().first("Authorization").orElse("").equals(FixedSigner.AUTHORIZATION)) {
            return error(403, "AccessDenied", "The request is not signed.");
        }
        URI uri = request.uri();
        String host = uri.getHost();
        String path = URLDecoder.decode(uri.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8).substring(1);
        String bucket;
        String key;
        if (host.equals("127.0.0.1") || host.equals("localhost")) {
            int slash = path.indexOf('/');
            bucket = slash < 0 ? path : path.substring(0, slash);
            key = slash < 0 ? "" : path.substring(slash + 1);
        } else {
            bucket = host.substring(0, host.indexOf('.'));
            key = path;
        }
        if (!buckets.contains(bucket)) {
            return error(404, "NoSuchBucket", "The specified bucket does not exist.");
        }
        Map<String, String> query = query(uri);
        String id = bucket + "/" + key;
        switch (request.method() + (query.containsKey("uploads") ? " uploads" : query.containsKey("uploadId") ? " part" : "")) {
            case "PUT":
                objects.put(id, body);
                return ok(200, stored(body), new byte[0]);
            case "GET":
            case "HEAD":
                return get(request, objects.get(id));
            case "DELETE":
                objects.remove(id);
                return ok(204, Headers.of(), new byte[0]);
            case "POST uploads":
                String uploadId = "UPLOAD" + nextUpload++;
                uploads.put(uploadId, new TreeMap<>());
                return ok(200, Headers.of("Content-Type", "application/xml"), xml("<InitiateMultipartUploadResult><Bucket>" + bucket
                        + "</Bucket><Key>" + key + "</Key><UploadId>" + uploadId + "</UploadId></InitiateMultipartUploadResult>"));
            default:
                return multipart(request, query, id, bucket, key, body);
        }
    }

    private Response multipart(Request request, Map<String, String> query, String id, String bucket, String key, byte[] body) {
        TreeMap<Integer, byte[]> parts = uploads.get(query.get("uploadId"));
        if (parts == null) {
            return error(404, "NoSuchUpload", "The specified upload does not exist.");
        }
        switch (request.method()) {
            case "PUT":
                int number = Integer.parseInt(query.get("partNumber"));
                if (number < 1 || number > 10_000) {
                    return error(400, "InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive.");
                }
                parts.put(number, body);
                return ok(200, stored(body), new byte[0]);
            case "DELETE":
                uploads.remove(query.get("uploadId"));
                return ok(204, Headers.of(), new byte[0]);
            case "GET":
                return listParts(parts, query);
            default: // POST: complete
                String document = new String(body, StandardCharsets.UTF_8);
                Matcher part = Pattern.compile("<PartNumber>(\\d+)</PartNumber><ETag>([^<]*)</ETag>").matcher(document);
                ByteArrayOutputStream whole = new ByteArrayOutputStream();
                int previous = 0;
                while (part.find()) {
                    int n = Integer.parseInt(part.group(1));
                    byte[] data = parts.get(n);
                    if (n <= previous) {
                        return error(400, "InvalidPartOrder", "The list of parts was not in ascending order.");
                    }
                    if (data == null || !etag(data).equals(part.group(2).replace("&quot;", "\""))) {
                        return error(400, "InvalidPart", "One or more of the specified parts could not be found.");
                    }
                    whole.write(data, 0, data.length);
                    previous = n;
                }
                byte[] object = whole.toByteArray();
                objects.put(id, object);
                uploads.remove(query.get("uploadId"));
                return ok(200, stored(object).plus("Content-Type", "application/xml"), xml("<CompleteMultipartUploadResult><Location>http://"
                        + bucket + ".oss/" + key + "</Location><Bucket>" + bucket + "</Bucket><Key>" + key + "</Key><ETag>\"MULTI-"
                        + parts.size() + "\"</ETag></CompleteMultipartUploadResult>"));
        }
    }

    private Response listParts(TreeMap<Integer, byte[]> parts, Map<String, String> query) {
        int marker = Integer.parseInt(query.getOrDefault("part-number-marker", "0"));
        StringBuilder xml = new StringBuilder("<ListPartsResult><PartNumberMarker>" + marker + "</PartNumberMarker>");
        int listed = 0;
        int last = marker;
        for (Map.Entry<Integer, byte[]> e : parts.tailMap(marker, false).entrySet()) {
            if (listed == listPartsPageSize) {
                break;
            }
            xml.append("<Part><PartNumber>").append(e.getKey()).append("</PartNumber><ETag>").append(etag(e.getValue()))
                    .append("</ETag><HashCrc64ecma>").append(Crc64.toDecimal(Crc64.of(e.getValue()))).append("</HashCrc64ecma><Size>")
                    .append(e.getValue().length).append("</Size></Part>");
            listed++;
            last = e.getKey();
        }
        boolean truncated = parts.higherKey(last) != null;
        xml.append("<NextPartNumberMarker>").append(last).append("</NextPartNumberMarker><IsTruncated>").append(truncated)
                .append("</IsTruncated></ListPartsResult>");
        return ok(200, Headers.of("Content-Type", "application/xml"), xml(xml.toString()));
    }

    private Response get(Request request, byte[] data) {
        if (data == null) {
            if (request.method().equals("HEAD")) {
                return new Response(404, Headers.of("x-oss-request-id", "FAKE-404", "x-oss-ec", "0026-00000001"), Body.empty());
            }
            return error(404, "NoSuchKey", "The specified key does not exist.");
        }
        Headers headers = stored(data).plus("Content-Type", "application/octet-stream");
        byte[] served = data;
        int status = 200;
        Matcher range = Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(request.headers().first("Range").orElse(""));
        if (range.matches() && Long.parseLong(range.group(1)) < data.length) {
            int first = Integer.parseInt(range.group(1));
            int last = range.group(2).isEmpty() ? data.length - 1 : (int) Math.min(data.length - 1, Long.parseLong(range.group(2)));
            served = java.util.Arrays.copyOfRange(data, first, last + 1);
            status = 206;
            headers = headers.plus("Content-Range", "bytes " + first + "-" + last + "/" + data.length);
        }
        if (flipAByteOnGet && served.length > 0) {
            served = served.clone();
            served[served.length / 2] ^= 1;
        }
        headers = headers.with("Content-Length", Integer.toString(served.length));
        return request.method().equals("HEAD") ? new Response(200, headers, Body.empty()) : new Response(status, headers, chunked(served));
    }

    private Headers stored(byte[] data) {
        long crc = wrongCrcHeader ? Crc64.of(data) + 1 : Crc64.of(data);
        return Headers.of("ETag", etag(data), "x-oss-hash-crc64ecma", Crc64.toDecimal(crc), "x-oss-request-id", "FAKE-REQUEST");
    }

    private static Response error(int status, String code, String message) {
        return new Response(status, Headers.of("Content-Type", "application/xml", "x-oss-request-id", "FAKE-ERR",
                "x-oss-ec", "0000-00000000"), Body.ofBytes(xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                + "</Code><Message>" + message + "</Message><RequestId>FAKE-ERR</RequestId><HostId>fake.oss</HostId>"
                + "<EC>0000-00000000</EC></Error>")));
    }

    private static Response ok(int status, Headers headers, byte[] body) {
        return new Response(status, headers, body.length == 0 ? Body.empty() : Body.ofBytes(body));
    }

    /** The body in chunks of {@link #CHUNK}, one per unit of demand, as a network would deliver it. */
    private static Body chunked(byte[] data) {
        Flow.Publisher<ByteBuffer> publisher = subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private int offset;
            private boolean done;
            private boolean emitting;
            private long demand;

            @Override
            public void request(long n) {
                demand += n;
                if (emitting) {
                    return; // the loop below picks it up: no recursion
                }
                emitting = true;
                while (demand > 0 && !done) {
                    if (offset == data.length) {
                        done = true;
                        subscriber.onComplete();
                        break;
                    }
                    int length = Math.min(CHUNK, data.length - offset);
                    ByteBuffer chunk = ByteBuffer.wrap(data, offset, length).slice();
                    offset += length;
                    demand--;
                    subscriber.onNext(chunk);
                }
                emitting = false;
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
        return Body.of(publisher, data.length);
    }

    static String etag(byte[] data) {
        try {
            return "\"" + HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(data)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static byte[] xml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
