package dev.sluice.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.throttle.LeakyBucket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad configuration is refused with a message naming the value, its unit and the valid range. */
class TransferConfigTest {

    private static final Transport NOWHERE = new Transport() {
        @Override
        public CompletableFuture<Response> send(Request request) {
            return CompletableFuture.failedFuture(new IllegalStateException("no request is sent in these tests"));
        }
    };

    @Test
    void refusesAChunkSizeBelowTheOssMinimumPartOfOneHundredKib() {
        assertMessage("multipart chunk size 102399 B is below the OSS minimum part of 102400 B (100 KiB)",
                () -> TransferConfig.builder().multipartChunkSize(DataSize.ofBytes(102_399)));
    }

    @Test
    void refusesAChunkSizeAboveTheOssMaximumPartOfFiveGib() {
        assertMessage("multipart chunk size 5368709121 B is above the OSS maximum part of 5368709120 B (5 GiB)",
                () -> TransferConfig.builder().multipartChunkSize(DataSize.ofBytes(5_368_709_121L)));
    }

    @Test
    void refusesAThresholdOfZeroBytes() {
        assertMessage("multipart threshold must be at least 1 B, was 0 B",
                () -> TransferConfig.builder().multipartThreshold(DataSize.ZERO));
    }

    @Test
    void refusesAConcurrencyOutsideOneToTenTwentyFourParts() {
        assertMessage("max concurrency must be within 1..1024 parts, was 0", () -> TransferConfig.builder().maxConcurrency(0));
        assertMessage("max concurrency must be within 1..1024 parts, was 1025",
                () -> TransferConfig.builder().maxConcurrency(1025));
    }

    @Test
    void refusesPartAttemptsOutsideOneToTen() {
        assertMessage("part attempts must be within 1..10, was 0", () -> TransferConfig.builder().partAttempts(0));
        assertMessage("part attempts must be within 1..10, was 11", () -> TransferConfig.builder().partAttempts(11));
    }

    @Test
    void refusesANegativeOrOverlongRetryBackoff() {
        assertMessage("retry backoff must be within 0 ms..60000 ms, was -1 ms",
                () -> TransferConfig.builder().retryBackoff(Duration.ofMillis(-1)));
        assertMessage("retry backoff must be within 0 ms..60000 ms, was 60001 ms",
                () -> TransferConfig.builder().retryBackoff(Duration.ofMillis(60_001)));
    }

    @Test
    void refusesANullBandwidthAndPointsToUnlimited() {
        assertMessage("max upload bandwidth must not be null (use DataRate.UNLIMITED for no cap)",
                () -> TransferConfig.builder().maxBandwidth(null));
    }

    @Test
    void refusesABlankLimiterOrTransportName() {
        assertMessage("limiter provider name must not be blank", () -> TransferConfig.builder().limiterProvider(" "));
        assertMessage("transport provider name must not be blank", () -> TransferConfig.builder().transport(""));
    }

    @Test
    void refusesAConfigWithoutTransport() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TransferConfig.builder().build());
        assertEquals("a transfer config needs a transport: call transport(Transport) or transport(String) on the builder",
                e.getMessage());
    }

    @Test
    void refusesABandwidthAndALimiterInstanceForTheSameDirection() {
        TransferConfig.Builder builder = TransferConfig.builder().transport(NOWHERE)
                .maxUploadBandwidth(DataRate.ofBitsPerSecond(819_200))
                .uploadLimiter(LeakyBucket.of(DataRate.ofBitsPerSecond(819_200)));
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("uploads have both a max bandwidth of 819200 bit/s (100 KiB/s) and a limiter instance;"
                + " set one of them", e.getMessage());
    }

    @Test
    void namesTheKnownProvidersWhenALimiterOrTransportNameIsUnknown() {
        TransferManager.Builder limiter = manager(TransferConfig.builder().transport(NOWHERE).limiterProvider("no-such").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, limiter::build);
        assertEquals("no RateLimiterProvider named \"no-such\"; available: leaky-bucket", e.getMessage());

        TransferManager.Builder transport = manager(TransferConfig.builder().transport("no-such").build());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, transport::build);
        assertEquals("no TransportProvider named \"no-such\"; available: jdk", t.getMessage());
    }

    @Test
    void refusesAManagerWithoutRegionOrSigner() {
        TransferManager.Builder builder = TransferManager.builder().endpoint(URI.create("http://127.0.0.1:9"))
                .credentials(Credentials.of("id", "secret")).config(TransferConfig.builder().transport(NOWHERE).build());
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("a transfer manager needs a signer: call signer(Signer), or region(String) for the default V4 signer,"
                + " on the builder", e.getMessage());
    }

    @Test
    void sharesOneLimiterPerDirectionAtTheConfiguredRates() {
        TransferConfig config = TransferConfig.builder().transport(NOWHERE).maxUploadBandwidth(DataRate.ofBitsPerSecond(819_200))
                .maxDownloadBandwidth(DataRate.ofMebibytesPerSecond(100)).build();
        try (TransferManager manager = manager(config).build()) {
            assertEquals(DataRate.ofBitsPerSecond(819_200), manager.uploadLimiter().rate());
            assertEquals(DataRate.ofMebibytesPerSecond(100), manager.downloadLimiter().rate());
        }
    }

    private static TransferManager.Builder manager(TransferConfig config) {
        return TransferManager.builder().endpoint(URI.create("http://127.0.0.1:9")).region("cn-hangzhou")
                .credentials(Credentials.of("id", "secret")).config(config);
    }

    private static void assertMessage(String expected, Executable executable) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, executable).getMessage());
    }
}
