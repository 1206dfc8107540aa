/**
 * Sluice's pacing core: the leaky bucket ({@link dev.sluice.throttle.LeakyBucket}, a GCRA), blocking
 * and asynchronous pacing over any {@link dev.sluice.api.RateLimiter} ({@link dev.sluice.throttle.Pacer}),
 * throttled streams, channels and {@link java.util.concurrent.Flow} decorators, rate tracking, progress
 * events, the provider registry, and timetables ({@link dev.sluice.throttle.schedule.Timetable}) that change
 * a limit by time of day and weekday.
 */
module dev.sluice.throttle {
    requires transitive dev.sluice.api; // our public signatures use api types

    exports dev.sluice.throttle;
    exports dev.sluice.throttle.schedule;
    exports dev.sluice.throttle.tree;

    uses dev.sluice.api.spi.RateLimiterProvider;
    uses dev.sluice.api.spi.TransportProvider;
    uses dev.sluice.api.spi.SignerProvider;

    provides dev.sluice.api.spi.RateLimiterProvider with dev.sluice.throttle.internal.LeakyBucketProvider;
}
