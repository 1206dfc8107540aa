package dev.sluice.transport.resilience.internal;

import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.transport.resilience.BodyNotReplayableException;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The attempts of one request under a Resilience4j {@link Retry.AsyncContext}: the context decides whether
 * an outcome is retried and after how long (its {@code IntervalFunction}); this loop sends, throws away the
 * body of a response it will not return, refuses to resend a body that cannot be replayed, and waits on the
 * scheduler rather than on a thread.
 */
public final class RetryLoop {

    private final Retry.AsyncContext<Response> context;
    private final Request request;
    private final Transport next;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<Response> result = new CompletableFuture<>();

    private RetryLoop(Retry retry, Request request, Transport next, ScheduledExecutorService scheduler) {
        this.context = retry.asyncContext();
        this.request = request;
        this.next = next;
        this.scheduler = scheduler;
    }

    /** Sends {@code request} to {@code next} as often as {@code retry} says; the outcome of the last attempt. */
    public static CompletableFuture<Response> run(Retry retry, Request request, Transport next,
            ScheduledExecutorService scheduler) {
        RetryLoop loop = new RetryLoop(retry, request, next, scheduler);
        loop.attempt();
        return loop.result;
    }

    private void attempt() {
        if (result.isDone()) {
            return; // cancelled by the caller while waiting
        }
        CompletableFuture<Response> sent;
        try {
            sent = next.send(request);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((response, error) -> {
            if (error != null) {
                failed(Bodies.unwrap(error));
            } else {
                answered(response);
            }
        });
    }

    private void answered(Response response) {
        long delay = context.onResult(response);
        if (delay < 0) {
            // not a retryable answer, or the attempts are used up: the caller gets it as it is
            context.onComplete();
            if (!result.complete(response)) {
                Bodies.discard(response);
            }
            return;
        }
        // a retried response is never read: release its connection
        Bodies.discard(response);
        if (!Bodies.canResend(request.body())) {
            result.completeExceptionally(BodyNotReplayableException.afterStatus(request, response.status()));
            return;
        }
        retryAfter(delay);
    }

    private void failed(Throwable error) {
        long delay = context.onError(error);
        if (delay < 0) {
            result.completeExceptionally(error);
        } else if (!Bodies.canResend(request.body())) {
            result.completeExceptionally(BodyNotReplayableException.afterFailure(request, error));
        } else {
            retryAfter(delay);
        }
    }

    private void retryAfter(long delayMillis) {
        try {
            scheduler.schedule(this::attempt, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("cannot retry " + request.method() + " "
                    + request.uri().getRawPath() + ": the retry scheduler was shut down (transport closed?)", e));
        }
    }
}
