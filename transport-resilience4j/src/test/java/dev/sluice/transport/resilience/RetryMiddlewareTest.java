package dev.sluice.transport.resilience;

import static dev.sluice.transport.resilience.ScriptedTransport.Step.answer;
import static dev.sluice.transport.resilience.ScriptedTransport.Step.resetAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Body;
import dev.sluice.api.Middleware;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retry on transports that fail on command. Waits are 1 ms on a real scheduler; the tests assert counts and
 * outcomes, never timings.
 */
class RetryMiddlewareTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ScriptedTransport transport = new ScriptedTransport("scripted");
    private final TestBodies.Counting counting = new TestBodies.Counting();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    /** Retry (up to {@code attempts}, 1 ms apart) outside, counting inside, then the scripted transport. */
    private Transport retrying(int attempts) {
        Retry retry = Retry.of("test", ResilientTransport.retryDefaults().maxAttempts(attempts)
                .intervalFunction(IntervalFunction.of(Duration.ofMillis(1))).build());
        return Middleware.chain(transport, List.of(RetryMiddleware.of(retry, scheduler), counting));
    }

    private static Response send(Transport transport, Request request) throws Exception {
        try {
            return transport.send(request).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void retriesTwo503sAndReturnsTheResponseOfTheThirdAttempt() throws Exception {
        transport.then(answer(503)).then(answer(503)).then(answer(200));

        Response response = send(retrying(4), TestBodies.put(10, true));

        assertEquals(200, response.status());
        assertEquals(List.of(1000L, 1000L, 1000L), transport.bodyBytes);
    }

    @Test
    void cancelsTheBodiesOfRetriedResponsesSoTheirConnectionsAreReleased() throws Exception {
        transport.then(answer(500)).then(answer(502)).then(answer(200));

        send(retrying(4), TestBodies.put(1, true));

        assertTrue(transport.responses.get(0).cancelled.get(), "first 5xx body left open");
        assertTrue(transport.responses.get(1).cancelled.get(), "second 5xx body left open");
        assertFalse(transport.responses.get(2).cancelled.get(), "the returned body was cancelled");
    }

    @Test
    void retriesAConnectionResetAndSendsTheWholeReplayableBodyAgain() throws Exception {
        transport.then(resetAfter(400)).then(answer(200));

        Response response = send(retrying(4), TestBodies.put(10, true));

        assertEquals(200, response.status());
        assertEquals(List.of(400L, 1000L), transport.bodyBytes);
    }

    @Test
    void countsEachAttemptAsATransferOfItsOwnSoAFailedAttemptIsNeitherLostNorAddedToTheSuccessfulOne() throws Exception {
        transport.then(resetAfter(400)).then(resetAfter(700)).then(answer(200));

        send(retrying(4), TestBodies.put(10, true));

        // the middleware inside the retry saw three transfers: the bytes that really went out each time
        assertEquals(List.of(400L, 700L, 1000L), counting.perAttempt());
        assertEquals(transport.bodyBytes, counting.perAttempt());
    }

    @Test
    void returnsTheLast503AsItIsWhenTheAttemptsAreUsedUp() throws Exception {
        transport.then(answer(503));

        Response response = send(retrying(3), TestBodies.put(1, true));

        assertEquals(503, response.status());
        assertEquals(3, transport.requests());
        assertFalse(transport.responses.get(2).cancelled.get(), "the returned 503 was cancelled");
    }

    @Test
    void failsWithTheLastResetWhenTheAttemptsAreUsedUp() {
        transport.then(resetAfter(0));

        SocketException failure = assertThrows(SocketException.class, () -> send(retrying(3), TestBodies.put(1, true)));

        assertEquals("Connection reset (scripted)", failure.getMessage());
        assertEquals(3, transport.requests());
    }

    @Test
    void doesNotRetryA404NorA501() throws Exception {
        transport.then(answer(404)).then(answer(501));

        assertEquals(404, send(retrying(4), TestBodies.put(1, true)).status());
        assertEquals(501, send(retrying(4), TestBodies.put(1, true)).status());
        assertEquals(2, transport.requests());
    }

    @Test
    void sendsAOneShotBodyOnceWhenTheFirstAttemptSucceeds() throws Exception {
        transport.then(answer(200));

        assertEquals(200, send(retrying(4), TestBodies.put(10, false)).status());
        assertEquals(List.of(1000L), transport.bodyBytes);
    }

    @Test
    void failsClearlyInsteadOfResendingAOneShotBodyAfterAReset() {
        transport.then(resetAfter(400)).then(answer(200));

        BodyNotReplayableException failure = assertThrows(BodyNotReplayableException.class,
                () -> send(retrying(4), TestBodies.put(10, false)));

        assertEquals("PUT /bucket/key.bin failed (java.net.SocketException: Connection reset (scripted)) and would be"
                + " retried, but its body cannot be replayed (it can be read only once, e.g. from an InputStream);"
                + " send a file or byte-array body (Body.replayable()) to let it be retried", failure.getMessage());
        assertInstanceOf(SocketException.class, failure.getCause());
        assertEquals(1, transport.requests());
    }

    @Test
    void failsClearlyInsteadOfResendingAOneShotBodyAfterA503AndReleasesTheResponse() {
        transport.then(answer(503)).then(answer(200));

        BodyNotReplayableException failure = assertThrows(BodyNotReplayableException.class,
                () -> send(retrying(4), TestBodies.put(10, false)));

        assertEquals("PUT /bucket/key.bin was answered with HTTP 503 and would be retried, but its body cannot be"
                + " replayed (it can be read only once, e.g. from an InputStream); send a file or byte-array body"
                + " (Body.replayable()) to let it be retried", failure.getMessage());
        assertTrue(transport.responses.get(0).cancelled.get(), "the 503 body was left open");
        assertEquals(1, transport.requests());
    }

    @Test
    void retriesARequestWithoutBodyEvenIfItsBodyIsMarkedOneShot() throws Exception {
        transport.then(resetAfter(0)).then(answer(200));
        Request get = Request.of("GET", TestBodies.OBJECT).withBody(Body.of(Body.empty().publisher(), 0));

        assertEquals(200, send(retrying(4), get).status());
        assertEquals(2, transport.requests());
    }

    @Test
    void backsOffExponentiallyByDefault() {
        var backoff = ResilientTransport.retryDefaults().build().getIntervalBiFunction();

        long first = backoff.apply(1, null);
        long third = backoff.apply(3, null);

        // 100 ms then 400 ms, each within the ±50 % jitter
        assertTrue(first >= 50 && first <= 150, "first wait " + first + " ms");
        assertTrue(third >= 200 && third <= 600, "third wait " + third + " ms");
    }
}
