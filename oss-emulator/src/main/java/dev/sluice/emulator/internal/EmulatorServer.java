package dev.sluice.emulator.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The running server: the JDK HTTP server on 127.0.0.1, its bounded pool, the storage and the faults. */
public final class EmulatorServer implements AutoCloseable {

    /** Threads: 200 simultaneous transfers plus room for control requests. */
    private static final int THREADS = 256;
    /** Requests waiting for a thread; beyond it the server drops connections rather than queue without bound. */
    private static final int QUEUE = 1024;
    private static final int BACKLOG = 512;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final EmulatorConfig config;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Storage storage;
    private final FaultRegistry faults;
    private final URI endpoint;

    private EmulatorServer(EmulatorConfig config, HttpServer server, ThreadPoolExecutor executor, Storage storage,
            FaultRegistry faults) {
        this.config = config;
        this.server = server;
        this.executor = executor;
        this.storage = storage;
        this.faults = faults;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Binds 127.0.0.1 (never any other address) and starts serving. */
    public static EmulatorServer start(EmulatorConfig config) throws IOException {
        BlobStore blobs = config.storageDirectory() == null ? new MemoryBlobStore() : new FileBlobStore(config.storageDirectory());
        Storage storage = new Storage(blobs, config.buckets());
        FaultRegistry faults = new FaultRegistry(config.faults());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), config.port()), BACKLOG);
        } catch (IOException e) {
            storage.close();
            throw e;
        }
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUE), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.createContext("/", new OssHandler(config, storage, faults));
        server.start();
        return new EmulatorServer(config, server, executor, storage, faults);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** What it was started with. */
    public EmulatorConfig config() {
        return config;
    }

    /** The faults in force. */
    public FaultRegistry faults() {
        return faults;
    }

    /** Stops listening, cuts transfers in flight (their threads are interrupted) and frees the storage. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        storage.close();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "oss-emulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
