package dev.sluice.jmh;

import static dev.sluice.jmh.CheckExits.FAILED;
import static dev.sluice.jmh.CheckExits.optionsOrExit;
import static dev.sluice.jmh.CheckExits.payload;
import static dev.sluice.jmh.CheckExits.writeReport;

import dev.sluice.api.Body;
import dev.sluice.api.DataRate;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * The unthrottled ceiling (a benchmark, not a test): how fast each transport moves one payload over
 * loopback, bare, with Sluice's pacing but limiting off ({@link DataRate#UNLIMITED}), with pacing at a
 * 10 Gbit/s limit, and the same three inside a {@code ResilientTransport} (see {@link ThroughputStack}).
 * Each stack runs one unmeasured PUT and GET, then {@code --repetitions} measured ones, the stacks taking
 * turns and one transfer at a time; the report gives the median MiB/s of each direction and its ratio to
 * the same transport bare.
 *
 * <pre>{@code
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.TransportThroughputMain
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.TransportThroughputMain --size 8MiB --repetitions 3 \
 *     --transports jdk --json jmh/target/transport-throughput.json
 * }</pre>
 *
 * <p>The far end is a {@link LoopbackSink}, not the OSS emulator (its signature checks, CRC-64 and storage
 * would be what is measured), and requests are unsigned. Client and server share the machine's cores, so
 * the figures are a ceiling for this machine, comparable between stacks of one run rather than across
 * machines. The markdown table goes to standard output, the JSON document to {@code --json}. A bad option
 * prints one line naming the value and what is allowed, and exits with status 2; a transfer that fails or
 * moves the wrong number of bytes exits with status 1.
 */
public final class TransportThroughputMain {

    static final String WARM_UP_NOTE = "warm-up: each transport in each stack moves the payload once each way,"
            + " not measured; then the stacks take turns, one repetition each per round";
    private static final double MIB = 1024.0 * 1024.0;

    private TransportThroughputMain() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws IOException {
        ThroughputOptions options = optionsOrExit("transport-throughput", ThroughputOptions::parse, args);
        if (options.help) {
            System.out.println(ThroughputOptions.USAGE);
            return;
        }
        Instant started = Instant.now();
        byte[] payload = payload((int) options.size.bytes());
        List<ThroughputResult> results = new ArrayList<>();
        try (LoopbackSink sink = new LoopbackSink(payload)) {
            for (ThroughputTransport transport : options.transports) {
                System.err.println("transport-throughput: " + transport.id() + ", " + ThroughputStack.values().length
                        + " stacks, " + options.repetitions + " round(s)");
                results.addAll(measure(transport, sink.uri(), payload, options));
            }
        } catch (IOException | IllegalStateException e) {
            System.err.println("transport-throughput: " + e.getMessage());
            System.exit(FAILED);
        }
        ThroughputReport report = new ThroughputReport(started, options.size, options.rate, options.burst, options.repetitions, results);
        writeReport(options.json, report.toJson(), report.toMarkdown());
    }

    /**
     * Every stack of {@code base}: each warmed up first, then measured round-robin, one repetition of each
     * stack at a time, so that a JIT still settling or a neighbour's load drifting is shared by all stacks
     * instead of falling on whichever runs first.
     */
    private static List<ThroughputResult> measure(ThroughputTransport base, URI uri, byte[] payload,
            ThroughputOptions options) throws IOException {
        ThroughputStack[] stacks = ThroughputStack.values();
        List<Transport> transports = new ArrayList<>();
        List<List<Double>> uploads = new ArrayList<>();
        List<List<Double>> downloads = new ArrayList<>();
        try {
            for (ThroughputStack stack : stacks) {
                transports.add(stack.around(base.create(), base.id(), options.rate, options.burst));
                uploads.add(new ArrayList<>());
                downloads.add(new ArrayList<>());
            }
            for (Transport transport : transports) {
                put(transport, uri, payload);
                get(transport, uri, payload.length);
            }
            for (int i = 0; i < options.repetitions; i++) {
                for (int s = 0; s < stacks.length; s++) {
                    uploads.get(s).add(put(transports.get(s), uri, payload));
                    downloads.get(s).add(get(transports.get(s), uri, payload.length));
                }
            }
        } finally {
            transports.forEach(Transport::close);
        }
        List<ThroughputResult> results = new ArrayList<>();
        for (int s = 0; s < stacks.length; s++) {
            results.add(new ThroughputResult(base.id(), stacks[s], uploads.get(s), downloads.get(s)));
        }
        return results;
    }

    /** PUTs {@code payload}; MiB/s from sending to the answer, which comes once the sink has read it all. */
    private static double put(Transport transport, URI uri, byte[] payload) throws IOException {
        long start = System.nanoTime();
        Response response = await(transport.send(new Request("PUT", uri, Headers.of(), Body.ofBytes(payload))));
        long drained = await(drain(response));
        long elapsed = System.nanoTime() - start;
        String received = response.headers().first("x-received-bytes").orElse("none");
        if (response.status() != 200 || drained != 0 || !received.equals(Long.toString(payload.length))) {
            throw new IllegalStateException("PUT " + uri + " answered " + response.status() + " having received "
                    + received + " B of " + payload.length + " B");
        }
        return payload.length / MIB / (elapsed / 1e9);
    }

    /** GETs the payload; MiB/s from sending to the body's last byte. */
    private static double get(Transport transport, URI uri, long length) throws IOException {
        long start = System.nanoTime();
        Response response = await(transport.send(Request.of("GET", uri)));
        long drained = await(drain(response));
        long elapsed = System.nanoTime() - start;
        if (response.status() != 200 || drained != length) {
            throw new IllegalStateException("GET " + uri + " answered " + response.status() + " with " + drained
                    + " B of " + length + " B");
        }
        return length / MIB / (elapsed / 1e9);
    }

    /** Reads a body to its end, as fast as it comes; completes with its length. */
    private static CompletableFuture<Long> drain(Response response) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        response.body().publisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private long bytes;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                bytes += buffer.remaining();
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(bytes);
            }
        });
        return done;
    }

    private static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().toString(), e.getCause());
        }
    }
}
