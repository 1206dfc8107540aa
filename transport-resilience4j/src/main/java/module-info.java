/**
 * Resilient transports on Resilience4j: retry with exponential backoff, a circuit breaker per transport and
 * failover from a primary to a secondary transport, as {@link dev.sluice.api.Transport}s and
 * {@link dev.sluice.api.Middleware}s over the Sluice SPI.
 */
module dev.sluice.transport.resilience {
    requires transitive dev.sluice.api; // Transport, Middleware and their request/response types are our API
    requires transitive io.github.resilience4j.retry; // the builder takes RetryConfig and Retry
    requires transitive io.github.resilience4j.circuitbreaker; // ... and CircuitBreakerConfig
    requires transitive io.github.resilience4j.core; // IntervalFunction, for the backoff
    // Resilience4j jars are automatic modules and declare no requires: without this, the first
    // CircuitBreaker fails with ClassNotFoundException for org.slf4j.LoggerFactory on the module path
    requires org.slf4j;

    exports dev.sluice.transport.resilience;
}
