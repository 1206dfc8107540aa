package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Body;
import dev.sluice.api.DataRate;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TrafficLimitMiddlewareTest {

    private static final String HOST = "https://bucket.oss-cn-hangzhou.aliyuncs.com";
    private final List<Request> sent = new ArrayList<>();
    private final Transport recorder = request -> {
        sent.add(request);
        return CompletableFuture.completedFuture(new Response(200, Headers.of(), Body.empty()));
    };
    private final Transport limited = TrafficLimitMiddleware.of(TrafficLimit.of(DataRate.ofBitsPerSecond(819_200))).around(recorder);

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "PUT    | https://bucket.oss-cn-hangzhou.aliyuncs.com/dir/object.bin |                                  | PutObject",
        "PUT    | http://127.0.0.1:9000/bucket/object.bin                      |                                  | PutObject, path style",
        "POST   | https://bucket.oss-cn-hangzhou.aliyuncs.com/log.txt?append&position=0 |                         | AppendObject",
        "POST   | https://bucket.oss-cn-hangzhou.aliyuncs.com/                 | multipart/form-data; boundary=x  | PostObject",
        "POST   | http://localhost:9000/bucket                                 | multipart/form-data; boundary=x  | PostObject, path style",
        "PUT    | https://bucket.oss-cn-hangzhou.aliyuncs.com/a?partNumber=1&uploadId=0004B98 |                   | UploadPart",
        "GET    | https://bucket.oss-cn-hangzhou.aliyuncs.com/a.bin            |                                  | GetObject",
        "GET    | https://bucket.oss-cn-hangzhou.aliyuncs.com/a.bin?versionId=v1&response-content-type=text%2Fplain | | GetObject with overrides",
    })
    void addsTheHeaderToEverySupportedOperation(String method, String uri, String contentType, String operation) throws Exception {
        Request request = Request.of(method, URI.create(uri));
        if (contentType != null) {
            request = request.withHeader("Content-Type", contentType);
        }
        limited.send(request).get();
        assertEquals("819200", sent.get(0).headers().first("x-oss-traffic-limit").orElse("absent"), operation);
    }

    @Test
    void addsTheHeaderToCopyObjectAndUploadPartCopy() throws Exception {
        limited.send(Request.of("PUT", URI.create(HOST + "/copy")).withHeader("x-oss-copy-source", "/bucket/src")).get();
        limited.send(Request.of("PUT", URI.create(HOST + "/copy?partNumber=2&uploadId=U")).withHeader("x-oss-copy-source", "/bucket/src")).get();
        assertEquals("819200", sent.get(0).headers().first("x-oss-traffic-limit").orElseThrow());
        assertEquals("819200", sent.get(1).headers().first("x-oss-traffic-limit").orElseThrow());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "HEAD   | https://bucket.oss-cn-hangzhou.aliyuncs.com/a.bin",                  // HeadObject
        "DELETE | https://bucket.oss-cn-hangzhou.aliyuncs.com/a.bin",                  // DeleteObject
        "POST   | https://bucket.oss-cn-hangzhou.aliyuncs.com/a.bin?uploads",          // InitiateMultipartUpload
        "POST   | https://bucket.oss-cn-hangzhou.aliyuncs.com/a.bin?uploadId=U",       // CompleteMultipartUpload
        "GET    | https://bucket.oss-cn-hangzhou.aliyuncs.com/a.bin?uploadId=U",       // ListParts
        "DELETE | https://bucket.oss-cn-hangzhou.aliyuncs.com/a.bin?uploadId=U",       // AbortMultipartUpload
        "GET    | https://bucket.oss-cn-hangzhou.aliyuncs.com/",                       // ListObjects
        "PUT    | https://bucket.oss-cn-hangzhou.aliyuncs.com/",                       // PutBucket
        "PUT    | https://bucket.oss-cn-hangzhou.aliyuncs.com/a.bin?acl",              // PutObjectACL
        "GET    | https://bucket.oss-cn-hangzhou.aliyuncs.com/a.bin?tagging",          // GetObjectTagging
        "GET    | https://bucket.oss-cn-hangzhou.aliyuncs.com/a.jpg?x-oss-process=image%2Fresize", // image processing
        "PUT    | http://127.0.0.1:9000/bucket",                                       // PutBucket, path style
        "POST   | https://bucket.oss-cn-hangzhou.aliyuncs.com/",                       // a POST that is not a form
        "GET    | https://bucket.oss-cn-hangzhou.aliyuncs.com/?qosInfo",               // GetBucketQoSInfo
    })
    void leavesEveryOtherOperationAlone(String method, String uri) throws Exception {
        Request request = Request.of(method, URI.create(uri));
        limited.send(request).get();
        assertFalse(sent.get(0).headers().contains("x-oss-traffic-limit"), method + " " + uri);
        assertEquals(request, sent.get(0));
    }

    @Test
    void refusesARequestThatCarriesTheLimitAsAQueryParameterWithoutSendingIt() {
        CompletableFuture<Response> response = limited.send(Request.of("GET",
                URI.create(HOST + "/a.bin?x-oss-traffic-limit=819200")));
        ExecutionException e = assertThrows(ExecutionException.class, response::get);
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals("GET /a.bin already carries x-oss-traffic-limit as a query parameter; OSS refuses it as header and query"
                + " together (EC 0004-00000501), so the header is not added and the request is not sent", e.getCause().getMessage());
        assertTrue(sent.isEmpty());
    }

    @Test
    void keepsALimitTheRequestAlreadyCarriesAsAHeader() throws Exception {
        limited.send(Request.of("PUT", URI.create(HOST + "/a?partNumber=1&uploadId=U")).withHeader("x-oss-traffic-limit", "8388608")).get();
        assertEquals(List.of("8388608"), sent.get(0).headers().all("x-oss-traffic-limit"));
    }

    @Test
    void refusesANullLimit() {
        assertEquals("traffic limit must not be null",
                assertThrows(IllegalArgumentException.class, () -> TrafficLimitMiddleware.of(null)).getMessage());
    }
}
