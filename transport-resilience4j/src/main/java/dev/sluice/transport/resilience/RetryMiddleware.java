package dev.sluice.transport.resilience;

import dev.sluice.api.Middleware;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.transport.resilience.internal.RetryLoop;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Retries a request with backoff, as a Resilience4j {@link Retry} decides: which failures and responses are
 * retried, how often, and how long to wait ({@code IntervalFunction}). Waits are scheduled on a
 * {@link ScheduledExecutorService}, never slept on a thread. {@link ResilientTransport#retryDefaults()} gives
 * Sluice's choice: transport errors ({@code IOException}, such as a connection reset) and 5xx answers
 * (503 included, which is how OSS says {@code SlowDown} or {@code DownloadTrafficRateLimitExceeded}).
 *
 * <p>A request is resent only if its body can be replayed ({@link dev.sluice.api.Body#replayable()}, as file
 * and byte-array bodies are) or has no bytes; otherwise a failure that would be retried ends in a
 * {@link BodyNotReplayableException}. The body of a response that is retried is cancelled unread, so its
 * connection is not leaked; the response of the last attempt is returned as it is, even a 503.
 *
 * <p><b>Where pacing goes.</b> Put this middleware <em>outside</em> (before, in
 * {@link Middleware#chain(Transport, java.util.List)}) the pacing middleware, so that every attempt is paced
 * and counted as a transfer of its own:
 * <pre>{@code
 * Transport transport = Middleware.chain(jdk, List.of(retry, pacing));
 * }</pre>
 * The bytes a failed attempt sent went over the wire and stay charged to the budget (they are not given back,
 * which would let the retry burst), and they are reported as that attempt's progress, never as progress of
 * the attempt that succeeds, which starts again from byte zero. So nothing is counted twice and nothing is
 * lost. With pacing outside the retry, a resent body would instead be paced once and sent twice.
 */
public final class RetryMiddleware implements Middleware {

    private final Retry retry;
    private final ScheduledExecutorService scheduler;

    private RetryMiddleware(Retry retry, ScheduledExecutorService scheduler) {
        this.retry = retry;
        this.scheduler = scheduler;
    }

    /**
     * Retries as {@code retry} says, waiting on {@code scheduler} (which the caller owns and shuts down). The
     * retry's result type must be {@link Response}, as in {@link ResilientTransport#retryDefaults()}.
     *
     * @throws IllegalArgumentException if either is null
     */
    public static RetryMiddleware of(Retry retry, ScheduledExecutorService scheduler) {
        if (retry == null || scheduler == null) {
            throw new IllegalArgumentException("retry and scheduler must not be null");
        }
        return new RetryMiddleware(retry, scheduler);
    }

    /** The Resilience4j retry, for its events and metrics. */
    public Retry retry() {
        return retry;
    }

    @Override
    public CompletableFuture<Response> send(Request request, Transport next) {
        return RetryLoop.run(retry, request, next, scheduler);
    }

    @Override
    public String toString() {
        return "Retry[" + retry.getName() + ", up to " + retry.getRetryConfig().getMaxAttempts() + " attempts]";
    }
}
