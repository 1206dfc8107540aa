package dev.sluice.transport.jdkhttp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;

/** The JDK's own HTTP server on 127.0.0.1 and an ephemeral port, for tests over real sockets. */
final class Loopback implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-server");
        thread.setDaemon(true);
        return thread;
    });

    Loopback() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code path} (and below) with {@code handler}. */
    Loopback handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Reads the request body to its end: its CRC-32 and length, as response headers of an empty 200. */
    static void echoDigest(HttpExchange exchange) throws IOException {
        CRC32 crc = new CRC32();
        long received = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                crc.update(buffer, 0, n);
                received += n;
            }
        }
        var headers = exchange.getResponseHeaders();
        headers.add("x-crc32", Long.toString(crc.getValue()));
        headers.add("x-received", Long.toString(received));
        headers.add("x-request-content-length", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Length")));
        headers.add("x-request-transfer-encoding", String.valueOf(exchange.getRequestHeaders().getFirst("Transfer-Encoding")));
        exchange.sendResponseHeaders(200, -1);
    }
}
