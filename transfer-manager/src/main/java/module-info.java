/**
 * The transfer manager: concurrent, bandwidth-capped uploads and downloads of OSS objects, multipart and
 * ranged above a threshold, with futures, progress subscribers, retries of failed parts, and cancellation
 * that gives the budget back and leaves no orphaned upload or half-written file.
 *
 * <p>It is a module of its own, not part of {@code dev.sluice.oss}, so that the OSS dialect stays free of
 * thread pools and concurrency policy: an application that only signs requests or presigns URLs does not
 * carry them.
 */
module dev.sluice.transfer {
    requires transitive dev.sluice.api; // DataRate, DataSize, RateLimiter, Transport in our signatures
    requires transitive dev.sluice.throttle; // Scheduler and Parker on the builder
    requires transitive dev.sluice.oss; // TrafficLimit on the config; OssClient does the requests

    exports dev.sluice.transfer;
}
