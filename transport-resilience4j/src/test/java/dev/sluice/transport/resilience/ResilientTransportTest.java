package dev.sluice.transport.resilience;

import static dev.sluice.transport.resilience.ScriptedTransport.Step.answer;
import static dev.sluice.transport.resilience.ScriptedTransport.Step.resetAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Request;
import dev.sluice.api.Response;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker of each transport and failover from primary to secondary, on scripted transports. The
 * breakers never change state by the clock here (an hour in the open state, no automatic transition): tests
 * move them to half-open themselves.
 */
class ResilientTransportTest {

    private final ScriptedTransport primary = new ScriptedTransport("primary");
    private final ScriptedTransport secondary = new ScriptedTransport("secondary");
    private ResilientTransport resilient;

    @AfterEach
    void close() {
        if (resilient != null) {
            resilient.close();
        }
    }

    /** Breakers that open after 4 failures in the last 4 calls and stay open until told; retries 1 ms apart. */
    private ResilientTransport.Builder builder(int attempts) {
        return ResilientTransport.builder()
                .retry(ResilientTransport.retryDefaults().maxAttempts(attempts)
                        .intervalFunction(IntervalFunction.of(Duration.ofMillis(1))).build())
                .circuitBreaker(ResilientTransport.circuitBreakerDefaults().slidingWindowSize(4).minimumNumberOfCalls(4)
                        .waitDurationInOpenState(Duration.ofHours(1)).permittedNumberOfCallsInHalfOpenState(2).build());
    }

    private static Response send(ResilientTransport transport, Request request) throws Exception {
        try {
            return transport.send(request).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private CircuitBreaker breaker(int index) {
        return resilient.circuitBreakers().get(index);
    }

    @Test
    void opensTheBreakerAfterFourFailuresAndThenFailsFastNamingTheTransport() throws Exception {
        resilient = builder(1).primary("micronaut", primary).build();
        primary.then(resetAfter(0));
        for (int i = 0; i < 4; i++) {
            assertThrows(java.net.SocketException.class, () -> send(resilient, TestBodies.put(1, true)));
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker(0).getState());

        TransportUnavailableException failure = assertThrows(TransportUnavailableException.class,
                () -> send(resilient, TestBodies.put(1, true)));

        assertEquals("transport \"micronaut\" is unavailable, failing fast: CircuitBreaker 'micronaut' is OPEN and does"
                + " not permit further calls; it is tried again once the breaker lets probe calls through (half-open)",
                failure.getMessage());
        assertEquals("micronaut", failure.transportName());
        assertInstanceOf(CallNotPermittedException.class, failure.getCause());
        assertEquals(4, primary.requests(), "the open breaker let a request through");
    }

    @Test
    void countsRetryable5xxAnswersAsFailuresOfTheTransport() throws Exception {
        resilient = builder(1).primary(primary).build();
        primary.then(answer(503));

        for (int i = 0; i < 4; i++) {
            assertEquals(503, send(resilient, TestBodies.put(1, true)).status());
        }

        assertEquals(CircuitBreaker.State.OPEN, breaker(0).getState());
    }

    @Test
    void doesNotRetryARequestRefusedByAnOpenBreaker() throws Exception {
        resilient = builder(4).primary(primary).build();
        breaker(0).transitionToOpenState();

        assertThrows(TransportUnavailableException.class, () -> send(resilient, TestBodies.put(1, true)));

        assertEquals(1, resilient.retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt());
        assertEquals(0, primary.requests());
    }

    @Test
    void letsTwoProbeCallsThroughHalfOpenAndClosesWhenTheySucceed() throws Exception {
        resilient = builder(1).primary(primary).build();
        breaker(0).transitionToOpenState();
        breaker(0).transitionToHalfOpenState();
        primary.then(answer(200));

        send(resilient, TestBodies.put(1, true));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker(0).getState());
        send(resilient, TestBodies.put(1, true));

        assertEquals(CircuitBreaker.State.CLOSED, breaker(0).getState());
    }

    @Test
    void opensAgainWhenTheProbeCallsFail() throws Exception {
        resilient = builder(1).primary(primary).build();
        breaker(0).transitionToOpenState();
        breaker(0).transitionToHalfOpenState();
        primary.then(resetAfter(0));

        assertThrows(java.net.SocketException.class, () -> send(resilient, TestBodies.put(1, true)));
        assertThrows(java.net.SocketException.class, () -> send(resilient, TestBodies.put(1, true)));

        assertEquals(CircuitBreaker.State.OPEN, breaker(0).getState());
    }

    @Test
    void failsOverToTheSecondaryWhenThePrimaryResetsTheConnection() throws Exception {
        resilient = builder(1).primary(primary).secondary(secondary).build();
        primary.then(resetAfter(300));

        Response response = send(resilient, TestBodies.put(10, true));

        assertEquals(200, response.status());
        assertEquals(List.of(300L), primary.bodyBytes);
        assertEquals(List.of(1000L), secondary.bodyBytes);
    }

    @Test
    void sendsEverythingToTheSecondaryOnceThePrimaryBreakerIsOpen() throws Exception {
        resilient = builder(1).primary(primary).secondary(secondary).build();
        primary.then(resetAfter(0));

        for (int i = 0; i < 6; i++) {
            assertEquals(200, send(resilient, TestBodies.put(1, true)).status());
        }

        assertEquals(CircuitBreaker.State.OPEN, breaker(0).getState());
        assertEquals(4, primary.requests(), "requests reached the primary after its breaker opened");
        assertEquals(6, secondary.requests());
        assertEquals(CircuitBreaker.State.CLOSED, breaker(1).getState());
    }

    @Test
    void failsOverAOneShotBodyWhenThePrimaryBreakerRefusedItUnread() throws Exception {
        resilient = builder(1).primary(primary).secondary(secondary).build();
        breaker(0).transitionToOpenState();

        assertEquals(200, send(resilient, TestBodies.put(10, false)).status());

        assertEquals(List.of(1000L), secondary.bodyBytes);
    }

    @Test
    void doesNotFailOverAOneShotBodyThePrimaryHasReadButSaysWhy() {
        resilient = builder(4).primary(primary).secondary(secondary).build();
        primary.then(resetAfter(300));

        BodyNotReplayableException failure = assertThrows(BodyNotReplayableException.class,
                () -> send(resilient, TestBodies.put(10, false)));

        assertTrue(failure.getMessage().startsWith("PUT /bucket/key.bin failed (java.net.SocketException: Connection"
                + " reset (primary)) and would be retried, but its body cannot be replayed"), failure.getMessage());
        assertEquals(0, secondary.requests());
    }

    @Test
    void retriesA503FromThePrimaryOnThePrimaryRatherThanFailingOver() throws Exception {
        resilient = builder(4).primary(primary).secondary(secondary).build();
        primary.then(answer(503)).then(answer(200));

        assertEquals(200, send(resilient, TestBodies.put(1, true)).status());

        assertEquals(2, primary.requests());
        assertEquals(0, secondary.requests());
    }

    @Test
    void passesEachAttemptThroughThePerAttemptMiddlewares() throws Exception {
        TestBodies.Counting counting = new TestBodies.Counting();
        resilient = builder(4).primary(primary).perAttempt(counting).build();
        primary.then(resetAfter(500)).then(answer(200));

        send(resilient, TestBodies.put(10, true));

        assertEquals(List.of(500L, 1000L), counting.perAttempt());
    }

    @Test
    void refusesToBuildWithoutAPrimaryOrWithTwoTransportsOfOneName() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> ResilientTransport.builder().build());
        IllegalStateException same = assertThrows(IllegalStateException.class,
                () -> ResilientTransport.builder().primary("jdk", primary).secondary("jdk", secondary).build());

        assertEquals("a resilient transport needs a primary transport (primary(transport))", none.getMessage());
        assertEquals("primary and secondary transport need different names, both are \"jdk\"", same.getMessage());
    }

    @Test
    void defaultsToABreakerThatNeedsFiveCallsAndHalfTheirFailures() {
        CircuitBreakerConfig defaults = ResilientTransport.circuitBreakerDefaults().build();

        assertEquals(5, defaults.getMinimumNumberOfCalls());
        assertEquals(50f, defaults.getFailureRateThreshold());
        assertEquals(10, defaults.getSlidingWindowSize());
    }
}
