package dev.sluice.transport.micronaut;

import dev.sluice.api.DataRate;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.Optional;

/**
 * The {@code sluice.limits.*} keys of a Micronaut application: rates as {@link DataRate#parse(String)} reads
 * them ({@code 8MiB/s}, {@code 819200bit/s}, {@code unlimited}), each optional.
 * <ul>
 * <li>{@code sluice.limits.upload}: request bodies, shared by every upload of the application;</li>
 * <li>{@code sluice.limits.download}: response bodies, shared by every download;</li>
 * <li>{@code sluice.limits.global}: both directions together;</li>
 * <li>{@code sluice.limits.limiter}: the {@link dev.sluice.api.spi.RateLimiterProvider} that makes the
 * limiters, {@code leaky-bucket} (throttle-core's) by default.</li>
 * </ul>
 * A value that is not a rate is refused when the context starts, with a message naming the key.
 */
@ConfigurationProperties("sluice.limits")
public class SluiceLimitsProperties {

    private DataRate upload;
    private DataRate download;
    private DataRate global;
    private String limiter = "leaky-bucket";

    /** Bound by Micronaut. */
    public SluiceLimitsProperties() {
    }

    /** {@code sluice.limits.upload}. @throws IllegalArgumentException naming the key if it is not a rate */
    public void setUpload(String upload) {
        this.upload = rate("upload", upload);
    }

    /** {@code sluice.limits.download}. @throws IllegalArgumentException naming the key if it is not a rate */
    public void setDownload(String download) {
        this.download = rate("download", download);
    }

    /** {@code sluice.limits.global}. @throws IllegalArgumentException naming the key if it is not a rate */
    public void setGlobal(String global) {
        this.global = rate("global", global);
    }

    /** {@code sluice.limits.limiter}: the name of the rate limiter provider. */
    public void setLimiter(String limiter) {
        if (limiter == null || limiter.isBlank()) {
            throw new IllegalArgumentException("sluice.limits.limiter must name a rate limiter provider, such as leaky-bucket,"
                    + " was \"" + limiter + "\"");
        }
        this.limiter = limiter.strip();
    }

    /** The upload limit, if set. */
    public Optional<DataRate> upload() {
        return Optional.ofNullable(upload);
    }

    /** The download limit, if set. */
    public Optional<DataRate> download() {
        return Optional.ofNullable(download);
    }

    /** The limit on both directions together, if set. */
    public Optional<DataRate> global() {
        return Optional.ofNullable(global);
    }

    /** The name of the rate limiter provider. */
    public String limiter() {
        return limiter;
    }

    private static DataRate rate(String key, String value) {
        try {
            return DataRate.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sluice.limits." + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "sluice.limits[upload=" + upload().map(DataRate::toString).orElse("none") + ", download="
                + download().map(DataRate::toString).orElse("none") + ", global=" + global().map(DataRate::toString).orElse("none")
                + ", limiter=" + limiter + "]";
    }
}
