package dev.sluice.transport.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A one-exchange HTTP/1.1 server on a plain socket whose buffers the test chooses (the JDK's HttpServer
 * does not let it), so that what the kernel may hold on the server's side is known.
 */
public final class RawServer implements AutoCloseable {

    /** What the test does with the accepted connection once the request head is read. */
    public interface Exchange {
        void handle(Socket socket, String head) throws IOException;
    }

    private final ServerSocket listener;
    private final CompletableFuture<Socket> accepted = new CompletableFuture<>();
    public final CompletableFuture<Void> done = new CompletableFuture<>();

    public RawServer(int socketBuffer, Exchange exchange) throws IOException {
        listener = new ServerSocket();
        listener.setReceiveBufferSize(socketBuffer); // inherited by the accepted socket; must precede bind
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread thread = new Thread(() -> {
            try (Socket socket = listener.accept()) {
                socket.setSendBufferSize(socketBuffer);
                accepted.complete(socket);
                exchange.handle(socket, readHead(socket.getInputStream()));
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                accepted.completeExceptionally(e);
                done.completeExceptionally(e);
            }
        }, "raw-server");
        thread.setDaemon(true);
        thread.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    }

    /** Waits for the connection to be accepted. */
    public RawServer accepted() {
        accepted.join();
        return this;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    /** Reads up to the blank line, byte by byte, so that nothing of the body is taken into a buffer here. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("connection closed in the request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
