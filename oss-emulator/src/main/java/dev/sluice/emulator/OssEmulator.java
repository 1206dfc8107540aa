package dev.sluice.emulator;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataSize;
import dev.sluice.emulator.internal.CommandLine;
import dev.sluice.emulator.internal.EmulatorConfig;
import dev.sluice.emulator.internal.EmulatorServer;
import dev.sluice.emulator.internal.PoolDefinition;
import dev.sluice.throttle.LeakyBucket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An OSS-compatible server on 127.0.0.1, for tests and the demo. It behaves like OSS where the protocol
 * reference says how: it verifies V4 and V1 signatures and presigned URLs (expiry included) against the
 * configured key pairs, stores objects, serves multipart uploads, answers errors in OSS's error XML, returns
 * {@code ETag} and {@code x-oss-hash-crc64ecma}, and paces request and response bodies to
 * {@code x-oss-traffic-limit}.
 *
 * <pre>{@code
 * try (OssEmulator oss = OssEmulator.builder()
 *         .credentials(Credentials.of("test-key-id", "test-key-secret"))
 *         .bucket("examplebucket")
 *         .start()) {
 *     URI endpoint = oss.endpoint();                 // http://127.0.0.1:<ephemeral port>
 *     oss.faults().add(Fault.on("GET", "*").respond(503, "SlowDown").times(1));
 * }
 * }</pre>
 *
 * <p>Buckets are addressed virtual-hosted style when the first label of the {@code Host} header is a
 * bucket name ({@code examplebucket.oss-cn-hangzhou.aliyuncs.com}, as OSS SDKs send even to 127.0.0.1),
 * path-style ({@code /bucket/key}) otherwise. Buckets exist when listed on the builder or created with
 * PutBucket ({@code PUT /} on the bucket); requests to any other bucket get {@code NoSuchBucket}.
 *
 * <p>The server is the JDK's {@code com.sun.net.httpserver.HttpServer}: it ships with every JDK 17 (no
 * dependency for a test-scoped module), it serves blocking streams, which is exactly what
 * {@code ThrottledInputStream} and {@code ThrottledOutputStream} pace, and its handlers see each request
 * on its own thread, so a paced or stalled transfer never holds up another. Netty (Micronaut) would bring
 * a large dependency and non-blocking pacing for no gain at loopback scale.
 *
 * <p>The resource-pool and bucket requester QoS APIs (reference section 3) are served from memory, with
 * every validation rule of the reference; pools are declared on the builder, since OSS has no public API
 * to create them: {@code .resourcePool("pool-ai", QosLimits.bandwidth(100, -1, -1, 100, -1, -1), "ai-bucket")}
 * (Gbit/s; see {@link Builder#resourcePool}). A bounded pool of 256
 * threads serves 200 simultaneous transfers with room for control requests.
 */
public final class OssEmulator implements AutoCloseable {

    private final EmulatorServer server;

    private OssEmulator(EmulatorServer server) {
        this.server = server;
    }

    /** A builder; at least one key pair is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}, the endpoint for path-style clients. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The port the server listens on, on 127.0.0.1. */
    public int port() {
        return server.endpoint().getPort();
    }

    /** The region whose V4 signatures the emulator accepts, e.g. {@code cn-hangzhou}. */
    public String region() {
        return server.config().region();
    }

    /** The faults in force; add and clear them while the emulator runs. */
    public Faults faults() {
        return server.faults();
    }

    /** Stops the server at once (transfers in flight are cut) and deletes what it stored in its folder. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "OssEmulator[" + endpoint() + ", region=" + region() + "]";
    }

    /**
     * Runs the emulator until the JVM stops. Flags: {@code --port <n>} (0, the default, picks a free port),
     * {@code --access-key-id <id>} and {@code --access-key-secret <secret>} (required), {@code --region <id>}
     * ({@code cn-hangzhou}), {@code --storage-dir <folder>} (objects in memory when absent),
     * {@code --bucket <name>} (repeatable). The endpoint is logged through {@link System.Logger}.
     *
     * @throws IllegalArgumentException if a flag is unknown or a value bad
     */
    public static void main(String[] args) {
        CommandLine line = CommandLine.parse(args);
        Builder builder = builder().port(line.port()).region(line.region())
                .credentials(Credentials.of(line.accessKeyId(), line.accessKeySecret()));
        line.storageDir().ifPresent(builder::storageDirectory);
        line.buckets().forEach(builder::bucket);
        OssEmulator emulator = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "oss-emulator-shutdown"));
        System.getLogger(OssEmulator.class.getName()).log(System.Logger.Level.INFO,
                "OSS emulator listening on " + emulator.endpoint() + " (region " + emulator.region() + ")");
    }

    /** Configures and starts an {@link OssEmulator}. */
    public static final class Builder {

        private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]*");
        private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
        /** Reference 3.1: resource pools per account, buckets per pool. */
        private static final int MAX_POOLS = 100;
        private static final int MAX_POOL_BUCKETS = 100;

        private final Map<String, Credentials> credentials = new LinkedHashMap<>();
        private final List<String> buckets = new ArrayList<>();
        private final List<Fault> faults = new ArrayList<>();
        private final Map<String, PoolDefinition> pools = new LinkedHashMap<>();
        private final Set<String> pooledBuckets = new HashSet<>();
        private String region = "cn-hangzhou";
        private Path storageDirectory;
        private int port;
        private Clock clock = Clock.systemUTC();
        private DataSize burst = LeakyBucket.DEFAULT_BURST;

        private Builder() {
        }

        /**
         * A key pair the emulator accepts; call again for more. STS tokens are not checked.
         *
         * @throws IllegalArgumentException if null, or its key id is already configured
         */
        public Builder credentials(Credentials keyPair) {
            if (keyPair == null) {
                throw new IllegalArgumentException("credentials must not be null");
            }
            if (credentials.putIfAbsent(keyPair.accessKeyId(), keyPair) != null) {
                throw new IllegalArgumentException("access key id " + keyPair.accessKeyId() + " is configured twice");
            }
            return this;
        }

        /**
         * The region of V4 signatures ({@code cn-hangzhou}, the default); a leading {@code oss-} is dropped.
         *
         * @throws IllegalArgumentException if not lower-case letters, digits and hyphens
         */
        public Builder region(String region) {
            String bare = region != null && region.startsWith("oss-") ? region.substring(4) : region;
            if (bare == null || !REGION.matcher(bare).matches()) {
                throw new IllegalArgumentException("region \"" + region + "\" is not an OSS region id"
                        + " (lower-case letters, digits and hyphens, e.g. cn-hangzhou)");
            }
            this.region = bare;
            return this;
        }

        /**
         * A bucket that exists from the start; call again for more.
         *
         * @throws IllegalArgumentException if the name breaks the OSS rules (3..63 lower-case letters, digits, hyphens)
         */
        public Builder bucket(String name) {
            if (name == null || !BUCKET.matcher(name).matches()) {
                throw new IllegalArgumentException("bucket name \"" + name + "\" breaks the OSS rules: 3..63 characters,"
                        + " lower-case letters, digits and hyphens, not starting or ending with a hyphen");
            }
            buckets.add(name);
            return this;
        }

        /**
         * A resource pool with its QoS and the buckets attached to it, which exist from the start (as
         * {@link #bucket}); at most 100 pools of at most 100 buckets, a bucket in one pool only.
         *
         * @throws IllegalArgumentException if the name breaks the bucket naming rules or is taken, {@code qos}
         *     is null, a bucket name is bad or already in a pool, or a limit is exceeded
         */
        public Builder resourcePool(String name, QosLimits qos, String... buckets) {
            if (name == null || !BUCKET.matcher(name).matches()) {
                throw new IllegalArgumentException("resource pool name \"" + name + "\" must be 3..63 lower-case letters,"
                        + " digits and hyphens, not starting or ending with a hyphen");
            }
            if (qos == null || buckets == null) {
                throw new IllegalArgumentException("the QoS and the buckets of resource pool " + name + " must not be null");
            }
            if (pools.containsKey(name) || pools.size() == MAX_POOLS) {
                throw new IllegalArgumentException("resource pool " + name + (pools.containsKey(name) ? " is declared twice"
                        : " would be pool " + (MAX_POOLS + 1) + ": at most " + MAX_POOLS + " resource pools"));
            }
            if (buckets.length > MAX_POOL_BUCKETS) {
                throw new IllegalArgumentException("resource pool " + name + " has " + buckets.length + " buckets: at most "
                        + MAX_POOL_BUCKETS);
            }
            for (String bucket : buckets) {
                if (bucket != null && (pooledBuckets.contains(bucket) || Arrays.stream(buckets).filter(bucket::equals).count() > 1)) {
                    throw new IllegalArgumentException("bucket " + bucket + " is already in a resource pool");
                }
                bucket(bucket);
            }
            pooledBuckets.addAll(Arrays.asList(buckets));
            pools.put(name, new PoolDefinition(name, qos, List.of(buckets)));
            return this;
        }

        /**
         * Stores objects as files in a new temporary folder under {@code parent} (deleted on close), so that
         * objects need not fit in memory; without it, objects are kept in memory.
         *
         * @throws IllegalArgumentException if null
         */
        public Builder storageDirectory(Path parent) {
            if (parent == null) {
                throw new IllegalArgumentException("storage directory must not be null");
            }
            this.storageDirectory = parent;
            return this;
        }

        /**
         * The port on 127.0.0.1; 0 (the default) takes an ephemeral one.
         *
         * @throws IllegalArgumentException if outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be within 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The clock for signature dates and presigned-URL expiry ({@link Clock#systemUTC()} by default).
         *
         * @throws IllegalArgumentException if null
         */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        /**
         * The burst of the per-request leaky bucket that enforces {@code x-oss-traffic-limit} (16 KiB by default).
         *
         * @throws IllegalArgumentException if null or zero
         */
        public Builder trafficLimitBurst(DataSize burst) {
            if (burst == null || burst.bytes() < 1) {
                throw new IllegalArgumentException("traffic-limit burst must be at least 1 B, was " + burst);
            }
            this.burst = burst;
            return this;
        }

        /**
         * A fault in force from the start; see {@link OssEmulator#faults()} to change them later.
         *
         * @throws IllegalArgumentException if null
         */
        public Builder fault(Fault fault) {
            if (fault == null) {
                throw new IllegalArgumentException("fault must not be null");
            }
            faults.add(fault);
            return this;
        }

        /**
         * Binds 127.0.0.1 and starts serving.
         *
         * @throws IllegalArgumentException if no key pair was configured
         * @throws UncheckedIOException if the port cannot be bound or the storage folder created
         */
        public OssEmulator start() {
            if (credentials.isEmpty()) {
                throw new IllegalArgumentException("at least one key pair is required: the emulator verifies every signature");
            }
            EmulatorConfig config = new EmulatorConfig(Map.copyOf(credentials), region, List.copyOf(buckets),
                    storageDirectory, port, clock, burst, List.copyOf(faults), List.copyOf(pools.values()));
            try {
                return new OssEmulator(EmulatorServer.start(config));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the OSS emulator on 127.0.0.1:" + port, e);
            }
        }
    }
}
