package dev.sluice.transfer;

import dev.sluice.api.Credentials;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Signer;
import dev.sluice.api.Ticker;
import dev.sluice.api.Transport;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.OssV4Signer;
import dev.sluice.throttle.Parker;
import dev.sluice.throttle.ProviderRegistry;
import dev.sluice.throttle.Scheduler;
import dev.sluice.transfer.internal.Budget;
import dev.sluice.transfer.internal.Connection;
import dev.sluice.transfer.internal.DownloadJob;
import dev.sluice.transfer.internal.Engine;
import dev.sluice.transfer.internal.Job;
import dev.sluice.transfer.internal.ProgressLedger;
import dev.sluice.transfer.internal.UploadJob;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uploads and downloads OSS objects concurrently under one bandwidth cap per direction, as s3transfer's
 * {@code TransferManager} does for boto3: the place where one {@code max_bandwidth} caps everything.
 *
 * <pre>{@code
 * TransferConfig config = TransferConfig.builder()
 *         .maxBandwidth(DataRate.ofBitsPerSecond(819_200))   // all uploads share it; all downloads too
 *         .multipartChunkSize(DataSize.ofMebibytes(8))
 *         .transport("jdk")
 *         .build();
 * try (TransferManager transfers = TransferManager.builder()
 *         .endpoint(URI.create("https://oss-cn-hangzhou.aliyuncs.com")).region("cn-hangzhou")
 *         .credentials(Credentials.of(id, secret)).config(config).build()) {
 *     TransferFuture up = transfers.upload(Path.of("day1.tar"), "backup", "day1.tar", progressBar);
 *     TransferFuture down = transfers.download("backup", "day0.tar", Path.of("day0.tar"));
 *     up.result();
 *     down.result();
 * }
 * }</pre>
 *
 * <p><b>How.</b> Below {@link TransferConfig#multipartThreshold()} an object goes in one request; from it
 * on, an upload is a multipart upload and a download a set of ranged GETs, whose parts run on one pool of
 * {@link TransferConfig#maxConcurrency()} threads shared by all transfers, first come first served. Every
 * part paces its body through the one budget of its direction, so concurrent parts share it fairly (each
 * reserves a chunk at a time, in the order they ask). A failed part is tried again up to
 * {@link TransferConfig#partAttempts()} times. An upload ends completed with its CRC-64 checked (when OSS
 * reports one: {@link TransferResult#crcChecked()}), or aborted;
 * a download ends as a complete, CRC-64-checked file under its target name, or as no file at all (it is
 * written next to the target under a temporary name and moved into place at the end).
 *
 * <p>This lives in a module of its own rather than in {@code dev.sluice.oss} so that the OSS dialect stays
 * free of thread pools and concurrency policy: an application that only signs or presigns does not carry
 * them.
 */
public final class TransferManager implements AutoCloseable {

    private final Engine engine;
    private final Connection connection;
    private final Transport ownedTransport;
    private final Ticker ticker;
    private final Set<Job> running = ConcurrentHashMap.newKeySet();
    private boolean shutDown; // guarded by this
    // set while onQueued runs on the caller's thread, so that a shutdown() from it is refused, not a deadlock
    private final ThreadLocal<Boolean> queuing = new ThreadLocal<>();

    private TransferManager(Engine engine, Connection connection, Transport ownedTransport, Ticker ticker) {
        this.engine = engine;
        this.connection = connection;
        this.ownedTransport = ownedTransport;
        this.ticker = ticker;
    }

    /** A builder; endpoint, credentials and config are required, and a region or a signer. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Uploads {@code file} to {@code oss://bucket/key}.
     *
     * @throws IllegalArgumentException if an argument is null or the bucket or key is not a valid OSS name
     * @throws IllegalStateException if the manager is shut down
     */
    public TransferFuture upload(Path file, String bucket, String key, TransferSubscriber... subscribers) {
        require(file, "file to upload");
        checkNames(bucket, key);
        return start(UploadJob.ofFile(engine, ledger(subscribers), file, bucket, key));
    }

    /**
     * Uploads the next {@code length} bytes of {@code in} to {@code oss://bucket/key}. The stream is read in
     * order, one part at a time, on the part threads, and not closed. Parts are held in memory until sent (at
     * most {@code maxConcurrency} of them), so that a failed part can be sent again.
     *
     * @throws IllegalArgumentException if an argument is null, {@code length} is negative, or a name invalid
     * @throws IllegalStateException if the manager is shut down
     */
    public TransferFuture upload(InputStream in, long length, String bucket, String key, TransferSubscriber... subscribers) {
        require(in, "input stream to upload");
        if (length < 0) {
            throw new IllegalArgumentException("upload length must be at least 0 B, was " + length + " B");
        }
        checkNames(bucket, key);
        return start(UploadJob.ofStream(engine, ledger(subscribers), in, length, bucket, key));
    }

    /**
     * Downloads {@code oss://bucket/key} to {@code target}, replacing it once the download is complete and
     * verified; {@code target}'s folder must exist.
     *
     * @throws IllegalArgumentException if an argument is null or a name invalid
     * @throws IllegalStateException if the manager is shut down
     */
    public TransferFuture download(String bucket, String key, Path target, TransferSubscriber... subscribers) {
        require(target, "download target");
        checkNames(bucket, key);
        return start(new DownloadJob(engine, ledger(subscribers), bucket, key, target));
    }

    /** The limiter all uploads share; {@link RateLimiter#setRate} changes the cap of every upload at once. */
    public RateLimiter uploadLimiter() {
        return connection.uploads().limiter();
    }

    /** The limiter all downloads share. */
    public RateLimiter downloadLimiter() {
        return connection.downloads().limiter();
    }

    /**
     * Refuses new transfers, lets the others finish ({@link ShutdownMode#WAIT}) or cancels them
     * ({@link ShutdownMode#CANCEL}), waits until every one has ended and cleaned up, then stops the threads
     * and closes the transport if the manager made it.
     *
     * <p>It refuses to run on one of the manager's own threads, that is from a subscriber's callback
     * ({@link TransferSubscriber#onProgress}, {@code onDone}, {@code onFailure}), nor in {@code onQueued} (which
     * runs on the caller's thread before the transfer starts): subscribers are told before
     * the transfer's future completes (so a {@link TransferFuture#result()} that returned has seen every
     * callback), so such a call would wait for the very transfer whose thread it blocks. Shut down from
     * another thread instead.
     *
     * @throws InterruptedException if interrupted while waiting; the transfers go on, and the manager stays
     *     shut to new ones
     * @throws IllegalStateException if called on one of the manager's threads; nothing is shut then
     */
    public void shutdown(ShutdownMode mode) throws InterruptedException {
        require(mode, "shutdown mode");
        if (engine.owns(Thread.currentThread())) {
            throw new IllegalStateException("shutdown() and close() cannot run on " + Thread.currentThread().getName()
                    + ", a thread of this TransferManager (a subscriber callback?): it would wait for the transfer that"
                    + " thread runs; call it from another thread");
        }
        if (queuing.get() == Boolean.TRUE) {
            throw new IllegalStateException("shutdown() and close() cannot run in onQueued: the transfer being queued"
                    + " starts only when onQueued returns, so it would wait for it forever; call it from another thread");
        }
        List<Job> jobs;
        synchronized (this) { // no transfer slips in between the flag and the list
            shutDown = true;
            jobs = List.copyOf(running);
        }
        if (mode == ShutdownMode.CANCEL) {
            jobs.forEach(Job::cancel);
        }
        CompletableFuture<?>[] ends = jobs.stream().map(job -> job.completion().exceptionally(failure -> null))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(ends).get();
        } catch (java.util.concurrent.ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
        engine.shutdown();
        if (ownedTransport != null) {
            ownedTransport.close();
        }
    }

    /**
     * {@link #shutdown(ShutdownMode) shutdown(WAIT)}; an interrupt ends the wait and keeps the interrupt flag.
     *
     * @throws IllegalStateException if called on one of the manager's threads, as {@link #shutdown} does
     */
    @Override
    public void close() {
        try {
            shutdown(ShutdownMode.WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TransferManager[" + connection.control().endpoint() + ", uploads " + connection.uploads() + ", downloads "
                + connection.downloads() + ", " + running.size() + " running]";
    }

    private TransferFuture start(Job job) {
        synchronized (this) {
            if (shutDown) {
                throw new IllegalStateException("this TransferManager is shut down; it takes no new transfers");
            }
            running.add(job);
        }
        job.completion().whenComplete((result, failure) -> running.remove(job));
        queuing.set(Boolean.TRUE);
        try {
            job.queued();
        } finally {
            queuing.remove();
        }
        engine.start(job);
        return job;
    }

    private ProgressLedger ledger(TransferSubscriber... subscribers) {
        require(subscribers, "subscribers");
        for (TransferSubscriber subscriber : subscribers) {
            require(subscriber, "subscriber");
        }
        return new ProgressLedger(Arrays.asList(subscribers), ticker);
    }

    /** Presigning is pure (no I/O) and checks the names exactly as every request would. */
    private void checkNames(String bucket, String key) {
        connection.control().presign("GET", bucket, key, Duration.ofSeconds(1), null);
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    /** Configures a {@link TransferManager}. */
    public static final class Builder {
        private URI endpoint;
        private String region;
        private Credentials credentials;
        private Signer signer;
        private Clock clock = Clock.systemUTC();
        private TransferConfig config;
        private Ticker ticker = Ticker.system();
        private Scheduler scheduler = Scheduler.shared();
        private Parker parker = Parker.system();
        private ProviderRegistry registry;

        private Builder() {
        }

        /**
         * The OSS endpoint, as for {@link OssClient}: checked here, so that {@link #build()} does not fail on it
         * after making a transport.
         *
         * @throws IllegalArgumentException if it is null or not an http or https URI with a host and no path,
         *     query or user info
         */
        public Builder endpoint(URI endpoint) {
            OssClient.builder().endpoint(require(endpoint, "endpoint")); // pure: checks it as every client would
            this.endpoint = endpoint;
            return this;
        }

        /** The region, for the default V4 signer. */
        public Builder region(String region) {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("region must not be blank");
            }
            String r = region.strip().toLowerCase(Locale.ROOT);
            this.region = r.startsWith("oss-") ? r.substring(4) : r;
            return this;
        }

        /** The access key pair. */
        public Builder credentials(Credentials credentials) {
            this.credentials = require(credentials, "credentials");
            return this;
        }

        /** The signer; default a V4 signer for the region. */
        public Builder signer(Signer signer) {
            this.signer = require(signer, "signer");
            return this;
        }

        /** The clock that dates signatures; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = require(clock, "clock");
            return this;
        }

        /** How to transfer; required. */
        public Builder config(TransferConfig config) {
            this.config = require(config, "transfer config");
            return this;
        }

        /** The time source of the limiters made by name and of the progress rates; default the system's. */
        public Builder ticker(Ticker ticker) {
            this.ticker = require(ticker, "ticker");
            return this;
        }

        /** Where paced waits are timed; default {@link Scheduler#shared()}. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = require(scheduler, "scheduler");
            return this;
        }

        /** How the waits between attempts of a part block; default {@link Parker#system()}. */
        public Builder parker(Parker parker) {
            this.parker = require(parker, "parker");
            return this;
        }

        /** Where limiters and transports are looked up by name; default {@link ProviderRegistry#load()}. */
        public Builder registry(ProviderRegistry registry) {
            this.registry = require(registry, "provider registry");
            return this;
        }

        /**
         * The manager; it starts no thread until the first transfer.
         *
         * @throws IllegalStateException if endpoint, credentials or config is missing, or both signer and region
         * @throws IllegalArgumentException if a named limiter or transport provider does not exist
         */
        public TransferManager build() {
            requireSet(endpoint, "an endpoint", "endpoint(URI)");
            requireSet(credentials, "credentials", "credentials(Credentials)");
            requireSet(config, "a transfer config", "config(TransferConfig)");
            Signer chosen = signer != null ? signer : region != null ? OssV4Signer.builder().region(region).build() : null;
            requireSet(chosen, "a signer", "signer(Signer), or region(String) for the default V4 signer,");
            ProviderRegistry providers = registry != null ? registry : ProviderRegistry.load();
            Budget uploads = Budget.of(config.uploadLimiter(), config.maxUploadBandwidth(), config.limiterProvider(),
                    providers, ticker, scheduler);
            Budget downloads = Budget.of(config.downloadLimiter(), config.maxDownloadBandwidth(), config.limiterProvider(),
                    providers, ticker, scheduler);
            Transport owned = config.transportProvider()
                    .map(name -> providers.transport(name).create(config.transportOptions())).orElse(null);
            Transport transport = owned != null ? owned : config.transport().orElseThrow();
            try {
                Connection connection = new Connection(endpoint, credentials, chosen, clock,
                        config.trafficLimit().orElse(null), transport, uploads, downloads);
                return new TransferManager(new Engine(connection, config, ticker, parker), connection, owned, ticker);
            } catch (RuntimeException | Error failure) {
                if (owned != null) { // nobody else can close the transport made here
                    try {
                        owned.close();
                    } catch (RuntimeException closing) {
                        failure.addSuppressed(closing);
                    }
                }
                throw failure;
            }
        }

        private static void requireSet(Object value, String what, String setter) {
            if (value == null) {
                throw new IllegalStateException("a transfer manager needs " + what + ": call " + setter + " on the builder");
            }
        }
    }
}
