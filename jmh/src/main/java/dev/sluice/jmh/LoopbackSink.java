package dev.sluice.jmh;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The far end of {@link TransportThroughputMain}: the JDK's HTTP server on 127.0.0.1, which counts and
 * drops what is PUT (answering the count in {@code x-received-bytes}) and answers every GET with the
 * payload from memory. Not the OSS emulator: it verifies signatures, computes CRC-64 and stores every
 * object, and the benchmark would measure that instead of the transports.
 */
final class LoopbackSink implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "throughput-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final byte[] payload;

    LoopbackSink(byte[] payload) throws IOException {
        this.payload = payload;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Where to send requests: {@code http://127.0.0.1:port/object}. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/object");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("PUT")) {
                long received = 0;
                byte[] buffer = new byte[BUFFER];
                try (InputStream in = exchange.getRequestBody()) {
                    for (int n; (n = in.read(buffer)) != -1; ) {
                        received += n;
                    }
                }
                exchange.getResponseHeaders().set("x-received-bytes", Long.toString(received));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, payload.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int offset = 0; offset < payload.length; offset += BUFFER) {
                    out.write(payload, offset, Math.min(BUFFER, payload.length - offset));
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
