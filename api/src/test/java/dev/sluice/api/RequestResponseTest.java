package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestResponseTest {

    private static final URI OBJECT = URI.create("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/backup/day1.tar");

    @Test
    void aRequestOfAMethodAndUriHasNoHeadersAndAnEmptyBody() {
        Request request = Request.of("PUT", OBJECT);

        assertEquals("PUT", request.method());
        assertEquals(OBJECT, request.uri());
        assertEquals(Headers.of(), request.headers());
        assertSame(Body.empty(), request.body());
    }

    @Test
    void copiesChangeOnePartAndLeaveTheOriginalAlone() {
        Request original = Request.of("PUT", OBJECT);
        Body body = Body.ofBytes("x".getBytes(StandardCharsets.US_ASCII));
        URI other = URI.create("http://127.0.0.1:9000/examplebucket/backup/day2.tar");

        Request withHeader = original.withHeader("x-oss-traffic-limit", "819200");
        Request withUri = original.withUri(other);
        Request withBody = original.withBody(body);
        Request withHeaders = original.withHeaders(Headers.of("X-A", "1"));

        assertEquals(Optional.of("819200"), withHeader.headers().first("X-OSS-Traffic-Limit"));
        assertEquals(other, withUri.uri());
        assertSame(body, withBody.body());
        assertEquals(Headers.of("X-A", "1"), withHeaders.headers());
        assertEquals(Request.of("PUT", OBJECT), original);
    }

    @Test
    void withHeaderReplacesEveryValueOfTheName() {
        Request request = Request.of("GET", OBJECT).withHeaders(Headers.of("Range", "bytes=0-1", "Range", "bytes=5-9"));

        assertEquals(Headers.of("Range", "bytes=0-99"), request.withHeader("range", "bytes=0-99").headers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"put", "Get", "", "   "})
    void refusesAMethodThatIsNotUpperCase(String method) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Request.of(method, OBJECT));

        assertEquals("HTTP method must be an upper-case token, was \"" + method + "\"", refused.getMessage());
    }

    @Test
    void refusesANullMethod() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Request.of(null, OBJECT));

        assertEquals("HTTP method must be an upper-case token, was \"null\"", refused.getMessage());
    }

    @Test
    void refusesAMethodThatIsNotAToken() {
        for (String method : new String[] {"GET /x", "GET\r\nX-INJECTED: 1", "PUT\t", "P(UT)"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Request.of(method, OBJECT), method);
            assertEquals("HTTP method must be an upper-case token, was \"" + method + "\"", refused.getMessage());
        }
    }

    @Test
    void refusesARelativeUri() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Request.of("GET", URI.create("/examplebucket/backup/day1.tar")));

        assertEquals("request URI must be absolute, was /examplebucket/backup/day1.tar", refused.getMessage());
    }

    @Test
    void refusesANullUri() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Request.of("GET", null));

        assertEquals("request URI must be absolute, was null", refused.getMessage());
    }

    @Test
    void refusesNullHeadersAndPointsToTheEmptyOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Request("GET", OBJECT, null, Body.empty()));

        assertEquals("headers must not be null (use Headers.of())", refused.getMessage());
    }

    @Test
    void refusesANullBodyAndPointsToTheEmptyOne() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Request.of("GET", OBJECT).withBody(null));

        assertEquals("body must not be null (use Body.empty())", refused.getMessage());
    }

    @Test
    void acceptsEveryStatusFrom100To599() {
        assertEquals(100, new Response(100, Headers.of(), Body.empty()).status());
        assertEquals(599, new Response(599, Headers.of(), Body.empty()).status());
    }

    @ParameterizedTest
    @ValueSource(ints = {99, 600, 0, -200, 1000})
    void refusesAStatusOutside100To599(int status) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Response(status, Headers.of(), Body.empty()));

        assertEquals("HTTP status must be within 100..599, was " + status, refused.getMessage());
    }

    @Test
    void refusesAResponseWithoutHeadersOrBody() {
        IllegalArgumentException noHeaders = assertThrows(IllegalArgumentException.class,
                () -> new Response(200, null, Body.empty()));
        IllegalArgumentException noBody = assertThrows(IllegalArgumentException.class,
                () -> new Response(200, Headers.of(), null));

        assertEquals("headers and body must not be null", noHeaders.getMessage());
        assertEquals("headers and body must not be null", noBody.getMessage());
    }

    @Test
    void onlyTwoHundredsAreSuccessful() {
        assertFalse(new Response(199, Headers.of(), Body.empty()).isSuccessful());
        assertTrue(new Response(200, Headers.of(), Body.empty()).isSuccessful());
        assertTrue(new Response(299, Headers.of(), Body.empty()).isSuccessful());
        assertFalse(new Response(300, Headers.of(), Body.empty()).isSuccessful());
        assertFalse(new Response(503, Headers.of(), Body.empty()).isSuccessful());
    }

    @Test
    void withBodyKeepsTheStatusAndHeaders() {
        Response response = new Response(206, Headers.of("Content-Range", "bytes 0-9/100"), Body.empty());
        Body paced = Body.ofBytes(new byte[10]);

        Response changed = response.withBody(paced);

        assertEquals(206, changed.status());
        assertEquals(response.headers(), changed.headers());
        assertSame(paced, changed.body());
        assertSame(Body.empty(), response.body());
    }
}
