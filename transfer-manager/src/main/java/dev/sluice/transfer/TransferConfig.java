package dev.sluice.transfer;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Transport;
import dev.sluice.oss.PartSize;
import dev.sluice.oss.TrafficLimit;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link TransferManager} transfers: the bandwidth every transfer of the manager shares (one budget
 * per direction), when to go multipart and with which part size, how many parts run at once, the
 * per-request {@code x-oss-traffic-limit}, how often a failed part is tried, and the transport and limiter,
 * chosen by provider name or given as instances. Every value is checked when it is set, and combinations
 * by {@link Builder#build()}, so a bad configuration never starts a transfer.
 *
 * <pre>{@code
 * TransferConfig config = TransferConfig.builder()
 *         .maxBandwidth(DataRate.ofBitsPerSecond(819_200))   // shared by all uploads, and by all downloads
 *         .multipartThreshold(DataSize.ofMebibytes(8))
 *         .multipartChunkSize(DataSize.ofMebibytes(8))
 *         .maxConcurrency(10)
 *         .transport("jdk")
 *         .build();
 * }</pre>
 */
public final class TransferConfig {

    /** Objects of at least this size go multipart (or ranged) by default: 8 MiB, as s3transfer. */
    public static final DataSize DEFAULT_MULTIPART_THRESHOLD = DataSize.ofMebibytes(8);
    /** The default part size: 8 MiB. */
    public static final DataSize DEFAULT_CHUNK_SIZE = DataSize.ofMebibytes(8);
    /** The default number of parts in flight at once, over all transfers of a manager: 10, as s3transfer. */
    public static final int DEFAULT_MAX_CONCURRENCY = 10;
    /** The most parts in flight at once a manager allows. */
    public static final int MAX_CONCURRENCY = 1024;
    /** The default number of attempts of one part: 3. */
    public static final int DEFAULT_PART_ATTEMPTS = 3;
    /** The most attempts of one part. */
    public static final int MAX_PART_ATTEMPTS = 10;
    /** The default wait before the second attempt of a part (doubling for each further one): 100 ms. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(100);
    /** The longest first retry wait. */
    public static final Duration MAX_RETRY_BACKOFF = Duration.ofMinutes(1);
    /** The limiter provider used when none is named: Sluice's leaky bucket. */
    public static final String DEFAULT_LIMITER = "leaky-bucket";

    private final Builder b;

    private TransferConfig(Builder builder) {
        this.b = builder.copy();
    }

    /** A builder with the defaults; a transport is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The cap shared by every upload of the manager, if set (else unlimited, or the upload limiter's own). */
    public Optional<DataRate> maxUploadBandwidth() {
        return Optional.ofNullable(b.uploadBandwidth);
    }

    /** The cap shared by every download of the manager, if set. */
    public Optional<DataRate> maxDownloadBandwidth() {
        return Optional.ofNullable(b.downloadBandwidth);
    }

    /** The limiter instance all uploads share, if one was given instead of a bandwidth. */
    public Optional<RateLimiter> uploadLimiter() {
        return Optional.ofNullable(b.uploadLimiter);
    }

    /** The limiter instance all downloads share, if one was given instead of a bandwidth. */
    public Optional<RateLimiter> downloadLimiter() {
        return Optional.ofNullable(b.downloadLimiter);
    }

    /** The provider that makes the limiters of the bandwidths, by name (default {@value #DEFAULT_LIMITER}). */
    public String limiterProvider() {
        return b.limiterProvider;
    }

    /** Objects of at least this size are uploaded in parts and downloaded in ranges. */
    public DataSize multipartThreshold() {
        return b.multipartThreshold;
    }

    /** The preferred part size (doubled for objects that would need more than 10,000 parts). */
    public DataSize multipartChunkSize() {
        return b.multipartChunkSize;
    }

    /**
     * The most parts (or whole small objects) in flight at once, over all transfers of the manager; also the
     * most transfers running at once (each has a coordinator thread), the others waiting their turn.
     */
    public int maxConcurrency() {
        return b.maxConcurrency;
    }

    /** The {@code x-oss-traffic-limit} sent with every upload and download request, if any. */
    public Optional<TrafficLimit> trafficLimit() {
        return Optional.ofNullable(b.trafficLimit);
    }

    /** How many times one part (or a whole small object) is tried before its transfer fails. */
    public int partAttempts() {
        return b.partAttempts;
    }

    /** The wait before the second attempt of a part; it doubles for each further attempt. */
    public Duration retryBackoff() {
        return b.retryBackoff;
    }

    /** The transport instance, if one was given (the caller owns it; the manager does not close it). */
    public Optional<Transport> transport() {
        return Optional.ofNullable(b.transport);
    }

    /** The transport provider name, if the transport is chosen by name (the manager creates and closes it). */
    public Optional<String> transportProvider() {
        return Optional.ofNullable(b.transportProvider);
    }

    /** The options given to the named transport provider. */
    public Map<String, String> transportOptions() {
        return b.transportOptions;
    }

    @Override
    public String toString() {
        return "TransferConfig[upload=" + describe(b.uploadBandwidth, b.uploadLimiter) + ", download="
                + describe(b.downloadBandwidth, b.downloadLimiter) + ", threshold=" + b.multipartThreshold + ", chunk="
                + b.multipartChunkSize + ", concurrency=" + b.maxConcurrency + ", attempts=" + b.partAttempts
                + (b.trafficLimit == null ? "" : ", " + b.trafficLimit) + "]";
    }

    private static String describe(DataRate rate, RateLimiter limiter) {
        return limiter != null ? limiter.toString() : rate == null ? "unlimited" : rate.toString();
    }

    /** Configures a {@link TransferConfig}; each setter checks its value. */
    public static final class Builder {
        private DataRate uploadBandwidth;
        private DataRate downloadBandwidth;
        private RateLimiter uploadLimiter;
        private RateLimiter downloadLimiter;
        private String limiterProvider = DEFAULT_LIMITER;
        private DataSize multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;
        private DataSize multipartChunkSize = DEFAULT_CHUNK_SIZE;
        private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        private TrafficLimit trafficLimit;
        private int partAttempts = DEFAULT_PART_ATTEMPTS;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Transport transport;
        private String transportProvider;
        private Map<String, String> transportOptions = Map.of();

        private Builder() {
        }

        /** The cap shared by all uploads, and separately by all downloads ({@link DataRate#UNLIMITED}: none). */
        public Builder maxBandwidth(DataRate rate) {
            maxUploadBandwidth(rate);
            return maxDownloadBandwidth(rate);
        }

        /** The cap shared by all uploads of the manager. */
        public Builder maxUploadBandwidth(DataRate rate) {
            this.uploadBandwidth = requireRate(rate, "max upload bandwidth");
            return this;
        }

        /** The cap shared by all downloads of the manager. */
        public Builder maxDownloadBandwidth(DataRate rate) {
            this.downloadBandwidth = requireRate(rate, "max download bandwidth");
            return this;
        }

        /** A limiter all uploads share, instead of a bandwidth (e.g. a fleet-wide one); its rate may change. */
        public Builder uploadLimiter(RateLimiter limiter) {
            this.uploadLimiter = requireNonNull(limiter, "upload limiter");
            return this;
        }

        /** A limiter all downloads share, instead of a bandwidth. */
        public Builder downloadLimiter(RateLimiter limiter) {
            this.downloadLimiter = requireNonNull(limiter, "download limiter");
            return this;
        }

        /** The {@code RateLimiterProvider} that makes the limiters of the bandwidths, e.g. {@code "bucket4j"}. */
        public Builder limiterProvider(String name) {
            this.limiterProvider = requireName(name, "limiter provider name");
            return this;
        }

        /**
         * Objects of at least this size go multipart (uploads) or in ranges (downloads); at least 1 B.
         */
        public Builder multipartThreshold(DataSize threshold) {
            if (threshold == null || threshold.bytes() < 1) {
                throw new IllegalArgumentException("multipart threshold must be at least 1 B, was " + threshold);
            }
            this.multipartThreshold = threshold;
            return this;
        }

        /** The preferred part size: from 100 KiB (the OSS minimum of every part but the last) to 5 GiB. */
        public Builder multipartChunkSize(DataSize size) {
            if (size == null) {
                throw new IllegalArgumentException("multipart chunk size must not be null");
            }
            if (size.compareTo(PartSize.MIN_PART) < 0) {
                throw new IllegalArgumentException("multipart chunk size " + size.bytes() + " B is below the OSS minimum part of "
                        + PartSize.MIN_PART.bytes() + " B (100 KiB)");
            }
            if (size.compareTo(PartSize.MAX_PART) > 0) {
                throw new IllegalArgumentException("multipart chunk size " + size.bytes() + " B is above the OSS maximum part of "
                        + PartSize.MAX_PART.bytes() + " B (5 GiB)");
            }
            this.multipartChunkSize = size;
            return this;
        }

        /** The most parts in flight at once over all transfers: 1..{@value TransferConfig#MAX_CONCURRENCY}. */
        public Builder maxConcurrency(int parts) {
            if (parts < 1 || parts > MAX_CONCURRENCY) {
                throw new IllegalArgumentException("max concurrency must be within 1.." + MAX_CONCURRENCY + " parts, was " + parts);
            }
            this.maxConcurrency = parts;
            return this;
        }

        /** Asks OSS to cap each upload and download connection at {@code limit} as well. */
        public Builder trafficLimit(TrafficLimit limit) {
            this.trafficLimit = requireNonNull(limit, "traffic limit");
            return this;
        }

        /** Attempts of one part before the transfer fails: 1..{@value TransferConfig#MAX_PART_ATTEMPTS}. */
        public Builder partAttempts(int attempts) {
            if (attempts < 1 || attempts > MAX_PART_ATTEMPTS) {
                throw new IllegalArgumentException("part attempts must be within 1.." + MAX_PART_ATTEMPTS + ", was " + attempts);
            }
            this.partAttempts = attempts;
            return this;
        }

        /** The wait before a part's second attempt, doubling after; from 0 to 1 minute. */
        public Builder retryBackoff(Duration backoff) {
            if (backoff == null || backoff.isNegative() || backoff.compareTo(MAX_RETRY_BACKOFF) > 0) {
                throw new IllegalArgumentException("retry backoff must be within 0 ms..60000 ms, was "
                        + (backoff == null ? "null" : backoff.toMillis() + " ms"));
            }
            this.retryBackoff = backoff;
            return this;
        }

        /** The transport, owned by the caller (close it after the manager). */
        public Builder transport(Transport transport) {
            this.transport = requireNonNull(transport, "transport");
            this.transportProvider = null;
            return this;
        }

        /** The transport made by the {@code TransportProvider} named {@code name}, e.g. {@code "jdk"}. */
        public Builder transport(String name) {
            return transport(name, Map.of());
        }

        /** As {@link #transport(String)}, with provider-specific options. */
        public Builder transport(String name, Map<String, String> options) {
            this.transportProvider = requireName(name, "transport provider name");
            this.transportOptions = Map.copyOf(requireNonNull(options, "transport options"));
            this.transport = null;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalStateException if there is no transport, or a direction has both a bandwidth and a
         *     limiter instance
         */
        public TransferConfig build() {
            if (transport == null && transportProvider == null) {
                throw new IllegalStateException("a transfer config needs a transport: call transport(Transport) or"
                        + " transport(String) on the builder");
            }
            if (uploadBandwidth != null && uploadLimiter != null) {
                throw new IllegalStateException("uploads have both a max bandwidth of " + uploadBandwidth.bitsPerSecond() + " bit/s ("
                        + uploadBandwidth + ") and a limiter instance; set one of them");
            }
            if (downloadBandwidth != null && downloadLimiter != null) {
                throw new IllegalStateException("downloads have both a max bandwidth of " + downloadBandwidth.bitsPerSecond() + " bit/s ("
                        + downloadBandwidth + ") and a limiter instance; set one of them");
            }
            return new TransferConfig(this);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.uploadBandwidth = uploadBandwidth;
            copy.downloadBandwidth = downloadBandwidth;
            copy.uploadLimiter = uploadLimiter;
            copy.downloadLimiter = downloadLimiter;
            copy.limiterProvider = limiterProvider;
            copy.multipartThreshold = multipartThreshold;
            copy.multipartChunkSize = multipartChunkSize;
            copy.maxConcurrency = maxConcurrency;
            copy.trafficLimit = trafficLimit;
            copy.partAttempts = partAttempts;
            copy.retryBackoff = retryBackoff;
            copy.transport = transport;
            copy.transportProvider = transportProvider;
            copy.transportOptions = transportOptions;
            return copy;
        }

        private static DataRate requireRate(DataRate rate, String what) {
            if (rate == null) {
                throw new IllegalArgumentException(what + " must not be null (use DataRate.UNLIMITED for no cap)");
            }
            return rate;
        }

        private static String requireName(String name, String what) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return name;
        }

        private static <T> T requireNonNull(T value, String what) {
            if (value == null) {
                throw new IllegalArgumentException(what + " must not be null");
            }
            return value;
        }
    }
}
