package dev.sluice.transport.resilience.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Middleware;
import dev.sluice.api.Transport;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.OssClient;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import dev.sluice.transport.resilience.ResilientTransport;
import dev.sluice.transport.testkit.Payloads;
import dev.sluice.transport.testkit.TransportEndToEndSuite;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The shared end-to-end suite on a {@link ResilientTransport} whose primary is dead: a
 * {@link JdkHttpTransport} that sends every request to a port nobody listens on, so that each request is
 * refused there (until the primary's breaker opens and skips it) and fails over to the secondary, a
 * {@link JdkHttpTransport} to the emulator. The suite must pass as on {@link RetryingJdkHttpEndToEndSuiteTest}:
 * failover loses no byte and adds none.
 */
class FailoverFromAClosedPortEndToEndSuiteTest extends TransportEndToEndSuite {

    FailoverFromAClosedPortEndToEndSuiteTest() {
        super(new TransportFactory() {
            @Override
            public Transport create() {
                return failover(null);
            }

            @Override
            public Transport withRequestTimeout(Duration timeout) {
                return failover(timeout);
            }
        });
    }

    @Override
    protected boolean recovers(RecoverableFault fault) {
        return true; // the retry sits outside the failover, so the secondary's faults are retried too
    }

    @Test
    void refusesEachRequestAtThePrimaryAndServesItFromTheSecondary() throws Exception {
        byte[] content = Payloads.bytes(100_000, 21);
        try (ResilientTransport transport = failover(null);
                OssClient oss = client(transport, UnaryOperator.identity())) {
            oss.putObject(BUCKET, "failover/one.bin", content);

            assertEquals(Crc64.of(content), oss.headObject(BUCKET, "failover/one.bin").crc64().orElseThrow());
            CircuitBreaker.Metrics primary = transport.circuitBreakers().get(0).getMetrics();
            CircuitBreaker.Metrics secondary = transport.circuitBreakers().get(1).getMetrics();
            assertEquals(2, primary.getNumberOfFailedCalls(), "refused at the primary");
            assertEquals(2, secondary.getNumberOfSuccessfulCalls(), "answered by the secondary");
        }
    }

    private static ResilientTransport failover(Duration timeout) {
        return ResilientTransport.builder()
                .primary("closed-port", toClosedPort().around(jdk(timeout)))
                .secondary("jdk", jdk(timeout))
                .retry(RetryingJdkHttpEndToEndSuiteTest.quickRetries())
                .build();
    }

    private static JdkHttpTransport jdk(Duration timeout) {
        JdkHttpTransport.Builder builder = JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5));
        return (timeout == null ? builder : builder.requestTimeout(timeout).bodyIdleTimeout(timeout)).build();
    }

    /** Sends each request, path and query unchanged, to a loopback port that was free a moment ago. */
    private static Middleware toClosedPort() {
        URI closed = URI.create("http://127.0.0.1:" + closedPort());
        return (request, next) -> {
            URI uri = request.uri();
            return next.send(request.withUri(closed.resolve(uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))));
        };
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port to close", e);
        }
    }
}
