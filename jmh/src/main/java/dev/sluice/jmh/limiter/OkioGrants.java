package dev.sluice.jmh.limiter;

import dev.sluice.api.DataRate;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;
import okio.Okio;
import okio.Sink;
import okio.Throttler;

/**
 * Okio's {@code Throttler} as a {@link GrantLimiter}. Its grant call ({@code take}) is internal to Okio, so
 * each grant writes {@code bytes} through a throttled {@code Okio.blackhole()} sink: the throttler's lock and
 * clock read plus Okio's buffer bookkeeping (pooled segments) and a thread-local lookup (an Okio
 * {@code Buffer} is not thread-safe, and the limiter is shared by the benchmark's threads). It always grants
 * (a throttled sink waits instead of refusing); at the benchmark's rate it never has to wait.
 */
final class OkioGrants {

    private OkioGrants() {
    }

    static GrantLimiter create(DataRate rate) {
        Throttler throttler = new Throttler();
        throttler.bytesPerSecond(Math.max(1, (long) rate.bytesPerSecond()));
        Sink sink = throttler.sink(Okio.blackhole());
        ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);
        return bytes -> {
            Buffer buffer = buffers.get();
            for (long i = 0; i < bytes; i++) {
                buffer.writeByte(0);
            }
            try {
                sink.write(buffer, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        };
    }
}
