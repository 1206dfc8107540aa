package dev.sluice.throttle.bucket4j;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} started by the test on a free loopback port, without persistence, and
 * stopped after. Where {@code redis-server} is missing, the tests are skipped on a developer machine
 * and fail in CI ({@code CI=true}), where it must be installed.
 */
final class RedisProcess implements AutoCloseable {

    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Path executable;
    private final int port;
    private final Path log;
    private Process process;

    private RedisProcess(Path executable) throws IOException {
        this.executable = executable;
        this.port = freePort();
        this.log = Files.createTempFile("sluice-redis-", ".log");
        start();
    }

    /** Starts a server, or skips (fails in CI) if {@code redis-server} is not installed. */
    static RedisProcess start(String purpose) {
        Path executable = find("redis-server");
        if (executable == null) {
            String message = "redis-server is not on the PATH, and " + purpose + " runs against a real Redis "
                    + "(Debian: apt-get install -y redis-server)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + ". In CI these tests must run, not skip: install it in .ci/run");
            }
            abort(message);
        }
        try {
            return new RedisProcess(executable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server and starts a new one on the same port: every key is lost (no persistence). */
    void restart() {
        stop();
        start();
    }

    private void start() {
        try {
            process = new ProcessBuilder(List.of(executable.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            awaitListening();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("redis-server did not listen on 127.0.0.1:" + port + "; its log: "
                            + Files.readString(log), notYet);
                }
                // a fixture waiting for a process, not a pacing assertion
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting redis-server", e);
                }
            }
        }
    }

    private void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a leftover log in the temp directory is harmless
        }
    }

    private static Path find(String name) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
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
