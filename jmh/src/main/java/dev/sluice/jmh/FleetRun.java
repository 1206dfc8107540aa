package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.ThrottledOutputStream;
import dev.sluice.throttle.bucket4j.FleetRateLimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One fleet transfer on the wall clock: {@code clients} threads, each a host with its own
 * {@link FleetRateLimiter} on the same shared bucket, take the payload {@value #CHUNK_BYTES} bytes at a
 * time from a common cursor and push each chunk through a {@link ThrottledOutputStream} over their limiter
 * into one shared {@link TimestampingSink}, until together they have delivered it all.
 */
final class FleetRun {

    /** The size of each write, one pacing chunk. */
    static final int CHUNK_BYTES = PacingPath.CHUNK_BYTES;
    /** The slack on top of twice the expected duration before a client thread counts as stuck. */
    static final long STUCK_AFTER_EXTRA_NANOS = TimeUnit.SECONDS.toNanos(60);

    private FleetRun() {
    }

    /**
     * Sends {@code payload} through {@code clients} fresh limiters on the bucket {@code key} of
     * {@code store} at the fleet rate {@code rate} with the given burst.
     *
     * @throws IllegalStateException if a client fails or does not finish in time
     */
    static FleetResult run(FleetBackend backend, FleetStore store, String key, byte[] payload, DataRate rate,
            DataSize burst, int clients) throws InterruptedException {
        List<FleetRateLimiter> limiters = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            limiters.add(FleetRateLimiter.builder(store.proxyManager(i), key).rate(rate).burst(burst).build());
        }
        TimestampingSink sink = new TimestampingSink(payload.length, payload.length / CHUNK_BYTES + 2);
        AtomicLong cursor = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CountingStream> delivered = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            CountingStream out = new CountingStream(sink);
            delivered.add(out);
            Pacer pacer = Pacer.of(limiters.get(i));
            threads.add(new Thread(() -> send(payload, cursor, pacer, out, failure), "fleet-client-" + i));
        }
        OptionalLong roundTripsBefore = store.bucketRoundTrips();
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        long patience = 2 * rate.nanosToSend(payload.length) + STUCK_AFTER_EXTRA_NANOS;
        long deadline = start + patience;
        try {
            for (Thread thread : threads) {
                long left = Math.max(1, deadline - System.nanoTime());
                thread.join(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                if (thread.isAlive()) {
                    throw new IllegalStateException(thread.getName() + " did not finish within "
                            + TimeUnit.NANOSECONDS.toSeconds(patience) + " s");
                }
            }
        } finally {
            threads.forEach(Thread::interrupt);
        }
        long returned = System.nanoTime();
        if (failure.get() != null) {
            throw new IllegalStateException(backend.id() + ": a client failed: " + failure.get(), failure.get());
        }
        OptionalLong roundTripsAfter = store.bucketRoundTrips();
        OptionalLong roundTrips = roundTripsBefore.isPresent() && roundTripsAfter.isPresent()
                ? OptionalLong.of(roundTripsAfter.getAsLong() - roundTripsBefore.getAsLong())
                : OptionalLong.empty();
        List<FleetResult.Client> parts = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < clients; i++) {
            long bytes = delivered.get(i).count();
            sum += bytes;
            parts.add(new FleetResult.Client(bytes, limiters.get(i).remoteCommands()));
        }
        // chunks arrive in whatever order the clients are paced, so "intact" is: every byte exactly once
        boolean intact = sum == payload.length && sink.log().totalBytes() == payload.length;
        PathResult aggregate = PathResult.of(backend.id(), sink.log(), start, returned, rate, intact);
        return new FleetResult(backend.id(), store.description(), aggregate, parts, roundTrips);
    }

    private static void send(byte[] payload, AtomicLong cursor, Pacer pacer, CountingStream sink,
            AtomicReference<Throwable> failure) {
        try (OutputStream out = new ThrottledOutputStream(sink, pacer)) {
            while (failure.get() == null) {
                long offset = cursor.getAndAdd(CHUNK_BYTES);
                if (offset >= payload.length) {
                    return;
                }
                out.write(payload, (int) offset, (int) Math.min(CHUNK_BYTES, payload.length - offset));
            }
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** One client's view of the shared receiver: forwards every write and counts the bytes. */
    private static final class CountingStream extends OutputStream {
        private final TimestampingSink sink;
        private final AtomicLong count = new AtomicLong();

        CountingStream(TimestampingSink sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            sink.write(buffer, offset, length);
            count.addAndGet(length);
        }

        long count() {
            return count.get();
        }
    }
}
