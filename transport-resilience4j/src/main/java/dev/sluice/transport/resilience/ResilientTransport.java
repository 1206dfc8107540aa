package dev.sluice.transport.resilience;

import dev.sluice.api.Middleware;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.transport.resilience.internal.BreakerTransport;
import dev.sluice.transport.resilience.internal.FailoverTransport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A transport that survives a flaky network and a failing transport: retry with exponential backoff outside,
 * then the {@link Builder#perAttempt(Middleware...) per-attempt middlewares} (pacing, counting), then failover
 * from a primary to an optional secondary transport, each behind its own circuit breaker.
 * <pre>{@code
 * Transport transport = ResilientTransport.builder()
 *         .primary("micronaut", micronaut)
 *         .secondary("jdk", jdk)
 *         .retry(ResilientTransport.retryDefaults().maxAttempts(5).build())
 *         .circuitBreaker(ResilientTransport.circuitBreakerDefaults().slidingWindowSize(10).build())
 *         .perAttempt(pacing)
 *         .build();
 * }</pre>
 * The order is what makes retries honest about bytes: each attempt passes the per-attempt middlewares
 * afresh, so it is paced and counted as a transfer of its own (see {@link RetryMiddleware}). The breakers sit
 * closest to the transports, so each one judges its own transport, and a primary whose breaker is open is
 * skipped at once for the secondary. The pieces are also usable alone: {@link RetryMiddleware} in any
 * {@link Middleware#chain(Transport, List) chain}.
 */
public final class ResilientTransport implements Transport {

    private final Transport chain;
    private final List<CircuitBreaker> breakers;
    private final Retry retry;
    private final Optional<ScheduledExecutorService> ownScheduler;

    private ResilientTransport(Transport chain, List<CircuitBreaker> breakers, Retry retry,
            Optional<ScheduledExecutorService> ownScheduler) {
        this.chain = chain;
        this.breakers = breakers;
        this.retry = retry;
        this.ownScheduler = ownScheduler;
    }

    /** A builder; a primary transport is required, the rest has defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sluice's retry policy, to adjust and {@code build()}: 4 attempts, exponential backoff from 100 ms
     * doubling with ±50 % jitter, on transport errors ({@link IOException}: resets, refused connections) and
     * on {@link #isRetryableStatus(int) retryable statuses}. A request refused by an open breaker
     * ({@link TransportUnavailableException}) or with a body that cannot be replayed is not retried.
     */
    public static RetryConfig.Builder<Response> retryDefaults() {
        return RetryConfig.<Response>custom()
                .maxAttempts(4)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(100), 2.0, 0.5))
                .retryOnException(ResilientTransport::isRetryableFailure)
                .retryOnResult(response -> isRetryableStatus(response.status()));
    }

    /**
     * Sluice's circuit breaker policy, to adjust and {@code build()}: over the last 10 calls (at least 5),
     * open at 50 % failures, then let 2 probe calls through half-open. Transport errors and
     * {@link #isRetryableStatus(int) retryable statuses} count as failures. How long it stays open is left
     * to Resilience4j (60 s), because setting it here would make a caller's {@code waitDurationInOpenState}
     * fail as configured twice.
     */
    public static CircuitBreakerConfig.Builder circuitBreakerDefaults() {
        return CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(error -> error instanceof IOException)
                .recordResult(result -> result instanceof Response && isRetryableStatus(((Response) result).status()));
    }

    /**
     * Whether an answer is worth another attempt: 5xx, which includes the 503 with which OSS throttles
     * ({@code SlowDown}, {@code DownloadTrafficRateLimitExceeded}, {@code TotalQpsLimitExceeded}...), except
     * 501 Not Implemented and 505 HTTP Version Not Supported, which say the same every time. The status is
     * enough: the error document is not parsed.
     */
    public static boolean isRetryableStatus(int status) {
        return status >= 500 && status != 501 && status != 505;
    }

    private static boolean isRetryableFailure(Throwable error) {
        return error instanceof IOException && !(error instanceof TransportUnavailableException)
                && !(error instanceof BodyNotReplayableException);
    }

    /** The circuit breakers, primary first, for their state and metrics. */
    public List<CircuitBreaker> circuitBreakers() {
        return breakers;
    }

    /** The retry, for its events and metrics. */
    public Retry retry() {
        return retry;
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        return chain.send(request);
    }

    /** Closes both transports and the retry scheduler if the builder made it. */
    @Override
    public void close() {
        try {
            chain.close();
        } finally {
            ownScheduler.ifPresent(ScheduledExecutorService::shutdownNow);
        }
    }

    @Override
    public String toString() {
        return chain.toString();
    }

    /** Builds a {@link ResilientTransport}; not thread-safe. */
    public static final class Builder {

        private String primaryName = "primary";
        private Transport primary;
        private String secondaryName = "secondary";
        private Transport secondary;
        private RetryConfig retryConfig;
        private CircuitBreakerConfig breakerConfig;
        private ScheduledExecutorService scheduler;
        private List<Middleware> perAttempt = List.of();

        private Builder() {
        }

        /** The transport tried first, named {@code "primary"}. */
        public Builder primary(Transport transport) {
            return primary("primary", transport);
        }

        /** The transport tried first, named {@code name} in its breaker and in errors. */
        public Builder primary(String name, Transport transport) {
            this.primaryName = requireName(name);
            this.primary = transport;
            return this;
        }

        /** The transport a request fails over to, named {@code "secondary"}. */
        public Builder secondary(Transport transport) {
            return secondary("secondary", transport);
        }

        /** The transport a request fails over to, named {@code name}; none by default. */
        public Builder secondary(String name, Transport transport) {
            this.secondaryName = requireName(name);
            this.secondary = transport;
            return this;
        }

        /** The retry policy; {@link ResilientTransport#retryDefaults()} by default. */
        public Builder retry(RetryConfig config) {
            this.retryConfig = config;
            return this;
        }

        /** The policy of each transport's breaker; {@link ResilientTransport#circuitBreakerDefaults()} by default. */
        public Builder circuitBreaker(CircuitBreakerConfig config) {
            this.breakerConfig = config;
            return this;
        }

        /**
         * Where retries wait; the caller owns it. By default the transport makes a one-thread daemon scheduler
         * and shuts it down on {@link ResilientTransport#close()}.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** Middlewares every attempt passes, inside the retry: pacing, counting, a traffic-limit hint. */
        public Builder perAttempt(Middleware... middlewares) {
            this.perAttempt = List.of(middlewares);
            return this;
        }

        /**
         * The transport.
         *
         * @throws IllegalStateException if there is no primary, or both transports have the same name
         */
        public ResilientTransport build() {
            if (primary == null) {
                throw new IllegalStateException("a resilient transport needs a primary transport (primary(transport))");
            }
            if (secondary != null && primaryName.equals(secondaryName)) {
                throw new IllegalStateException("primary and secondary transport need different names, both are \""
                        + primaryName + "\"");
            }
            CircuitBreakerConfig breakers = breakerConfig != null ? breakerConfig : circuitBreakerDefaults().build();
            BreakerTransport first = new BreakerTransport(primary, CircuitBreaker.of(primaryName, breakers));
            Transport target = first;
            List<CircuitBreaker> all = List.of(first.breaker());
            if (secondary != null) {
                BreakerTransport second = new BreakerTransport(secondary, CircuitBreaker.of(secondaryName, breakers));
                target = new FailoverTransport(first, second);
                all = List.of(first.breaker(), second.breaker());
            }
            Retry retry = Retry.of(primaryName, retryConfig != null ? retryConfig : retryDefaults().build());
            Optional<ScheduledExecutorService> own = scheduler == null
                    ? Optional.of(Executors.newSingleThreadScheduledExecutor(Builder::daemon)) : Optional.empty();
            RetryMiddleware retrying = RetryMiddleware.of(retry, scheduler != null ? scheduler : own.get());
            Transport attempts = Middleware.chain(target, perAttempt);
            return new ResilientTransport(retrying.around(attempts), all, retry, own);
        }

        private static Thread daemon(Runnable task) {
            Thread thread = new Thread(task, "sluice-retry");
            thread.setDaemon(true);
            return thread;
        }

        private static String requireName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("transport name must not be blank, was " + (name == null ? "null" : "\"" + name + "\""));
            }
            return name;
        }
    }
}
