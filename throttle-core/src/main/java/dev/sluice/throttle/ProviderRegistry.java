package dev.sluice.throttle;

import dev.sluice.api.RateLimiter;
import dev.sluice.api.spi.RateLimiterProvider;
import dev.sluice.api.spi.RateLimiterSpec;
import dev.sluice.api.spi.SignerProvider;
import dev.sluice.api.spi.TransportProvider;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The limiter, transport and signer providers found by {@link ServiceLoader}, by name. A third-party jar
 * adds a provider by declaring it ({@code provides} in its module-info, and a
 * {@code META-INF/services} file for class-path users); nothing in Sluice changes.
 *
 * <pre>{@code
 * ProviderRegistry registry = ProviderRegistry.load();
 * RateLimiter limiter = registry.rateLimiter("leaky-bucket", RateLimiterSpec.of(DataRate.parse("100KiB/s")));
 * }</pre>
 */
public final class ProviderRegistry {

    private final Map<String, RateLimiterProvider> rateLimiters;
    private final Map<String, TransportProvider> transports;
    private final Map<String, SignerProvider> signers;

    private ProviderRegistry(ClassLoader loader) {
        this.rateLimiters = byName(load(RateLimiterProvider.class, loader), RateLimiterProvider::name, "rate limiter");
        this.transports = byName(load(TransportProvider.class, loader), TransportProvider::name, "transport");
        this.signers = byName(load(SignerProvider.class, loader), SignerProvider::name, "signer");
    }

    /** The providers visible to this module (module path) or to the context class loader (class path). */
    public static ProviderRegistry load() {
        return new ProviderRegistry(Thread.currentThread().getContextClassLoader());
    }

    /** The providers visible to {@code loader}, e.g. a plugin class loader. */
    public static ProviderRegistry load(ClassLoader loader) {
        return new ProviderRegistry(loader);
    }

    /** The rate limiter provider named {@code name}, if any. */
    public Optional<RateLimiterProvider> findRateLimiter(String name) {
        return Optional.ofNullable(rateLimiters.get(name));
    }

    /** The transport provider named {@code name}, if any. */
    public Optional<TransportProvider> findTransport(String name) {
        return Optional.ofNullable(transports.get(name));
    }

    /** The signer provider named {@code name}, if any. */
    public Optional<SignerProvider> findSigner(String name) {
        return Optional.ofNullable(signers.get(name));
    }

    /**
     * A new limiter from the provider named {@code name}.
     *
     * @throws IllegalArgumentException naming the known providers if there is none of that name
     */
    public RateLimiter rateLimiter(String name, RateLimiterSpec spec) {
        return require(rateLimiters, name, "RateLimiterProvider").create(spec);
    }

    /** The transport provider named {@code name}. @throws IllegalArgumentException if unknown */
    public TransportProvider transport(String name) {
        return require(transports, name, "TransportProvider");
    }

    /** The signer provider named {@code name}. @throws IllegalArgumentException if unknown */
    public SignerProvider signer(String name) {
        return require(signers, name, "SignerProvider");
    }

    /** The names of the rate limiter providers, sorted. */
    public List<String> rateLimiterNames() {
        return List.copyOf(rateLimiters.keySet());
    }

    /** The names of the transport providers, sorted. */
    public List<String> transportNames() {
        return List.copyOf(transports.keySet());
    }

    /** The names of the signer providers, sorted. */
    public List<String> signerNames() {
        return List.copyOf(signers.keySet());
    }

    private static <P> P require(Map<String, P> providers, String name, String kind) {
        P provider = providers.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("no " + kind + " named \"" + name + "\"; available: "
                    + (providers.isEmpty() ? "none (is the module on the path?)" : String.join(", ", providers.keySet())));
        }
        return provider;
    }

    private static <P> List<P> load(Class<P> type, ClassLoader loader) {
        ServiceLoader<P> found = loader == null ? ServiceLoader.load(type) : ServiceLoader.load(type, loader);
        return found.stream().map(ServiceLoader.Provider::get).toList();
    }

    private static <P> Map<String, P> byName(List<P> providers, Function<P, String> name, String kind) {
        Map<String, P> byName = new TreeMap<>();
        for (P provider : providers) {
            P clash = byName.putIfAbsent(name.apply(provider), provider);
            if (clash != null && clash.getClass() != provider.getClass()) {
                throw new IllegalStateException("two " + kind + " providers are named \"" + name.apply(provider) + "\": "
                        + clash.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
