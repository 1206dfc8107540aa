/**
 * A {@link dev.sluice.api.RateLimiter} on a Bucket4j bucket: local
 * ({@link dev.sluice.throttle.bucket4j.Bucket4jRateLimiter}, registered as {@code "bucket4j"}) or fleet-wide
 * over a Bucket4j {@code ProxyManager} with batched remote grants
 * ({@link dev.sluice.throttle.bucket4j.FleetRateLimiter}).
 */
@SuppressWarnings("requires-transitive-automatic") // Bucket4j has no module-info, only an Automatic-Module-Name
module dev.sluice.throttle.bucket4j {
    requires transitive dev.sluice.api;
    requires transitive io.github.bucket4j.core; // ProxyManager appears in FleetRateLimiter's builder

    exports dev.sluice.throttle.bucket4j;

    provides dev.sluice.api.spi.RateLimiterProvider with dev.sluice.throttle.bucket4j.internal.Bucket4jProvider;
}
