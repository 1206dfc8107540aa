package dev.sluice.jmh;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} child process on a free 127.0.0.1 port, without persistence ({@code --save ""
 * --appendonly no}), its output in a temporary log. {@link #close()} stops it; a shutdown hook stops it too
 * if the JVM exits first (Ctrl-C, {@code System.exit}), so no server outlives the check.
 */
final class RedisServer implements AutoCloseable {

    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final int port;
    private final Path log;
    private final Process process;
    private final Thread stopOnExit;

    private RedisServer(Path executable) throws IOException {
        this.port = freePort();
        this.log = Files.createTempFile("sluice-fleet-redis-", ".log");
        this.process = new ProcessBuilder(List.of(executable.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        this.stopOnExit = new Thread(process::destroyForcibly, "sluice-fleet-redis-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            awaitListening();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts {@code redis-server} from the {@code PATH}.
     *
     * @throws IOException if it is not installed or does not listen within 10 s (with its log)
     */
    static RedisServer start() throws IOException {
        Path executable = find("redis-server");
        if (executable == null) {
            throw new IOException("redis-server is not on the PATH; the redis backend starts a real one"
                    + " (Debian: apt-get install -y redis-server), or choose --backend hazelcast");
        }
        return new RedisServer(executable);
    }

    /** The server's URI for Lettuce. */
    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                    throw new IOException("redis-server did not listen on 127.0.0.1:" + port + "; its log: "
                            + Files.readString(log).strip(), notYet);
                }
                try {
                    // waiting for a process to open its port, not pacing
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting redis-server", e);
                }
            }
        }
    }

    /** Kills the server, waits up to 10 s for it to go, and deletes its log. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it kills a process that is already gone
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a leftover log in the temporary directory is harmless
        }
    }

    private static Path find(String name) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
