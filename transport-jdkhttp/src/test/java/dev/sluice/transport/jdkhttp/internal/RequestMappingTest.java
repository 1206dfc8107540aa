package dev.sluice.transport.jdkhttp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Body;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What reaches the JDK client of a Sluice request: body length, headers, Host and Expect. */
class RequestMappingTest {

    @Test
    void givesTheBodyPublisherTheBodysLength() {
        assertEquals(5, RequestMapping.bodyPublisher(Body.ofBytes(new byte[5])).contentLength());
        assertEquals(0, RequestMapping.bodyPublisher(Body.empty()).contentLength());
        assertEquals(-1, RequestMapping.bodyPublisher(Body.of(Body.ofBytes(new byte[5]).publisher(), -1)).contentLength());
    }

    @Test
    void acceptsAHostHeaderThatNamesTheUrisAuthorityWithOrWithoutTheDefaultPort() {
        for (String host : List.of("oss-cn-hangzhou.aliyuncs.com", "OSS-CN-HANGZHOU.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com:443")) {
            HttpRequest mapped = RequestMapping.toJdk(Request.of("GET", URI.create("https://oss-cn-hangzhou.aliyuncs.com/bucket/key"))
                    .withHeader("Host", host), null);

            assertEquals(Optional.empty(), mapped.headers().firstValue("Host"), "the client writes Host itself");
        }
        RequestMapping.toJdk(Request.of("GET", URI.create("http://127.0.0.1:9000/bucket/key")).withHeader("Host", "127.0.0.1:9000"), null);
    }

    @Test
    void refusesAHostHeaderWithAnotherPort() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RequestMapping.toJdk(
                Request.of("GET", URI.create("http://127.0.0.1:9000/bucket/key")).withHeader("Host", "127.0.0.1"), null));

        assertTrue(refused.getMessage().startsWith("Host header \"127.0.0.1\" differs from the URI's authority \"127.0.0.1:9000\""),
                refused.getMessage());
    }

    @Test
    void turnsExpect100ContinueIntoTheClientsOwnExpectContinue() {
        HttpRequest mapped = RequestMapping.toJdk(new Request("PUT", URI.create("http://127.0.0.1:9000/b/k"),
                Headers.of("Expect", "100-continue"), Body.ofBytes(new byte[1])), null);

        assertTrue(mapped.expectContinue());
        assertEquals(Optional.empty(), mapped.headers().firstValue("Expect"));
    }

    @Test
    void passesOtherHeadersWithAllTheirValuesAndTheTimeout() {
        HttpRequest mapped = RequestMapping.toJdk(new Request("PUT", URI.create("http://127.0.0.1:9000/b/k"),
                Headers.of("x-oss-meta-a", "1", "x-oss-meta-a", "2", "Keep-Alive", "timeout=5", "Content-Length", "1"),
                Body.ofBytes(new byte[1])), Duration.ofSeconds(3));

        assertEquals(List.of("1", "2"), mapped.headers().allValues("x-oss-meta-a"));
        assertEquals(Optional.empty(), mapped.headers().firstValue("Keep-Alive"));
        assertEquals(Optional.empty(), mapped.headers().firstValue("Content-Length"));
        assertEquals(Optional.of(Duration.ofSeconds(3)), mapped.timeout());
    }
}
