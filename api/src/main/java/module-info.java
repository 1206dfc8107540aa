/**
 * The Sluice SPI: {@link dev.sluice.api.RateLimiter}, {@link dev.sluice.api.Signer},
 * {@link dev.sluice.api.Transport} and {@link dev.sluice.api.Middleware}, the value types they
 * speak ({@link dev.sluice.api.DataRate}, {@link dev.sluice.api.DataSize}, requests, responses,
 * credentials), and the provider interfaces that {@link java.util.ServiceLoader} finds.
 * Depends on the JDK only.
 */
module dev.sluice.api {
    exports dev.sluice.api;
    exports dev.sluice.api.spi;
}
