/**
 * Sluice limiters as Micrometer meters: {@link dev.sluice.throttle.micrometer.SluiceLimiterMetrics} binds a
 * {@link dev.sluice.throttle.MeteredRateLimiter} to a {@code MeterRegistry}. The throttle core stays free
 * of Micrometer; this module is the only bridge.
 */
@SuppressWarnings("requires-transitive-automatic") // micrometer-core has no module-info, only an Automatic-Module-Name
module dev.sluice.throttle.micrometer {
    requires transitive dev.sluice.throttle;
    requires transitive micrometer.core; // MeterBinder, MeterRegistry and Tag appear in our signatures

    exports dev.sluice.throttle.micrometer;
}
