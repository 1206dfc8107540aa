package dev.sluice.transport.micronaut.internal;

import dev.sluice.api.Body;
import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.core.io.buffer.ReadBufferFactory;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A Sluice request {@link Body} as the {@link CloseableByteBody} the raw client sends: a streaming body of
 * the known length (so the client writes {@code Content-Length}, or chunked when the length is unknown),
 * subscribed to by the client only when it writes. Demand passes through one for one; each buffer is
 * copied once into the client's buffer type, so a publisher may reuse its buffers after {@code onNext}.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The byte body of {@code body}, or {@code null} (the client's "no body") for a body of 0 bytes. */
    public static CloseableByteBody toByteBody(Body body, ByteBodyFactory factory) {
        if (body.contentLength() == 0) {
            return null;
        }
        Publisher<ReadBuffer> buffers = new Adapted(FlowAdapters.toPublisher(body.publisher()));
        return factory.adapt(buffers, body.hasKnownLength() ? OptionalLong.of(body.contentLength()) : OptionalLong.empty());
    }

    /** Reactive Streams publisher of read buffers over the body's publisher of NIO buffers. */
    private static final class Adapted implements Publisher<ReadBuffer> {
        private final Publisher<ByteBuffer> upstream;

        Adapted(Publisher<ByteBuffer> upstream) {
            this.upstream = upstream;
        }

        @Override
        public void subscribe(Subscriber<? super ReadBuffer> subscriber) {
            upstream.subscribe(new Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer buffer) {
                    subscriber.onNext(ReadBufferFactory.getJdkFactory().copyOf(buffer));
                }

                @Override
                public void onError(Throwable error) {
                    subscriber.onError(error);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                }
            });
        }
    }
}
