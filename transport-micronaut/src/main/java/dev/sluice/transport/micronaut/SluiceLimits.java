package dev.sluice.transport.micronaut;

import dev.sluice.api.DataRate;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.spi.RateLimiterProvider;
import dev.sluice.api.spi.RateLimiterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The limiters of a Micronaut application, made from {@code sluice.limits.*} by the named
 * {@link RateLimiterProvider}, found by {@link ServiceLoader} (so this module needs no pacing core at
 * compile time: {@code leaky-bucket} comes with throttle-core, {@code bucket4j} with throttle-bucket4j).
 * Every upload shares the upload limiter, every download the download limiter, and both share the global one.
 */
public final class SluiceLimits {

    private final RateLimiter upload;
    private final RateLimiter download;
    private final RateLimiter global;

    private SluiceLimits(RateLimiter upload, RateLimiter download, RateLimiter global) {
        this.upload = upload;
        this.download = download;
        this.global = global;
    }

    /** Limiters that obey {@code upload}, {@code download} and {@code global}, any of which may be null. */
    public static SluiceLimits of(RateLimiter upload, RateLimiter download, RateLimiter global) {
        return new SluiceLimits(upload, download, global);
    }

    /**
     * The limiters {@code properties} ask for.
     *
     * @throws IllegalStateException naming the providers found if a limit is set and no provider has the name
     */
    public static SluiceLimits from(SluiceLimitsProperties properties) {
        if (properties.upload().isEmpty() && properties.download().isEmpty() && properties.global().isEmpty()) {
            return new SluiceLimits(null, null, null);
        }
        RateLimiterProvider provider = provider(properties.limiter());
        return new SluiceLimits(create(provider, properties.upload()), create(provider, properties.download()),
                create(provider, properties.global()));
    }

    /** The upload limiter, if {@code sluice.limits.upload} is set. */
    public Optional<RateLimiter> upload() {
        return Optional.ofNullable(upload);
    }

    /** The download limiter, if {@code sluice.limits.download} is set. */
    public Optional<RateLimiter> download() {
        return Optional.ofNullable(download);
    }

    /** The limiter of both directions, if {@code sluice.limits.global} is set. */
    public Optional<RateLimiter> global() {
        return Optional.ofNullable(global);
    }

    /** What a request body obeys: the upload limiter and the global one, those that are set. */
    public List<RateLimiter> forUploads() {
        return both(upload);
    }

    /** What a response body obeys: the download limiter and the global one, those that are set. */
    public List<RateLimiter> forDownloads() {
        return both(download);
    }

    private List<RateLimiter> both(RateLimiter own) {
        List<RateLimiter> limiters = new ArrayList<>(2);
        if (own != null) {
            limiters.add(own);
        }
        if (global != null) {
            limiters.add(global);
        }
        return List.copyOf(limiters);
    }

    private static RateLimiter create(RateLimiterProvider provider, Optional<DataRate> rate) {
        return rate.filter(r -> !r.isUnlimited()).map(r -> provider.create(RateLimiterSpec.of(r))).orElse(null);
    }

    private static RateLimiterProvider provider(String name) {
        TreeSet<String> found = new TreeSet<>();
        for (RateLimiterProvider provider : ServiceLoader.load(RateLimiterProvider.class, SluiceLimits.class.getClassLoader())) {
            if (provider.name().equals(name)) {
                return provider;
            }
            found.add(provider.name());
        }
        throw new IllegalStateException("sluice.limits.limiter names the rate limiter provider \"" + name + "\", which is not"
                + " on the path; found: " + found + " (leaky-bucket comes with sluice-throttle-core)");
    }

    @Override
    public String toString() {
        return "SluiceLimits[upload=" + upload().map(l -> l.rate().toString()).orElse("none") + ", download="
                + download().map(l -> l.rate().toString()).orElse("none") + ", global="
                + global().map(l -> l.rate().toString()).orElse("none") + "]";
    }
}
