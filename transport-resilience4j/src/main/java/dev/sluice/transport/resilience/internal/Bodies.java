package dev.sluice.transport.resilience.internal;

import dev.sluice.api.Body;
import dev.sluice.api.Response;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/** What retry and failover need to know of bodies and failures. */
public final class Bodies {

    private Bodies() {
    }

    /** Whether a request with {@code body} may be sent again: it replays, or it has no bytes to lose. */
    public static boolean canResend(Body body) {
        return body.replayable() || body.contentLength() == 0;
    }

    /**
     * Cancels the body of a response that will not be read (it is about to be retried), so that the
     * transport releases the connection instead of holding it for a reader that never comes.
     */
    public static void discard(Response response) {
        response.body().publisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(ByteBuffer item) {
                // cancelled: nothing more is wanted
            }

            @Override
            public void onError(Throwable throwable) {
                // the response is thrown away either way
            }

            @Override
            public void onComplete() {
                // nothing to do
            }
        });
    }

    /** The failure a future wraps, as the transport raised it. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
