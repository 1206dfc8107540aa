package dev.sluice.transport.resilience.e2e;

import dev.sluice.api.Transport;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import dev.sluice.transport.resilience.ResilientTransport;
import dev.sluice.transport.testkit.TransportEndToEndSuite;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * The shared end-to-end suite on a {@link ResilientTransport} (retry, then a circuit breaker) over one
 * {@link JdkHttpTransport}. The transfer cases must pass as they do on the bare transport; of the fault
 * cases, those before the response head (an upload reset midway, {@code 503 SlowDown}, a head that times
 * out) are retried here and end with the whole object, and those after it fail as on the bare transport.
 */
class RetryingJdkHttpEndToEndSuiteTest extends TransportEndToEndSuite {

    RetryingJdkHttpEndToEndSuiteTest() {
        super(new TransportFactory() {
            @Override
            public Transport create() {
                return resilient(JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).build());
            }

            @Override
            public Transport withRequestTimeout(Duration timeout) {
                return resilient(JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).requestTimeout(timeout)
                        .bodyIdleTimeout(timeout).build());
            }
        });
    }

    @Override
    protected boolean recovers(RecoverableFault fault) {
        return true; // all three are IOExceptions or 5xx before the head, and every body the suite sends is replayable
    }

    /** Retries 1 ms, 2 ms, 4 ms apart (the cases assert outcomes, never timings), the default breaker. */
    static ResilientTransport resilient(Transport jdk) {
        return ResilientTransport.builder().primary("jdk", jdk).retry(quickRetries()).build();
    }

    /** Four attempts, 1 ms doubling, on what {@link ResilientTransport#retryDefaults()} retries. */
    static io.github.resilience4j.retry.RetryConfig quickRetries() {
        return ResilientTransport.retryDefaults().maxAttempts(4)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(1), 2.0)).build();
    }
}
