package dev.sluice.transport.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.oss.ObjectMetadata;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.OssClientBuilder;
import dev.sluice.oss.OssServiceException;
import dev.sluice.oss.TrafficLimit;
import dev.sluice.transport.testkit.Payloads.Drain;
import dev.sluice.transport.testkit.Payloads.Drained;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the end-to-end cases share: the {@link OssEmulator} on 127.0.0.1 (objects in a folder, faults cleared
 * after each case), the {@link TransportFactory} of the transport under test, clients of the emulator on
 * its transports, and the checks that say a transfer is intact or its failure clear.
 *
 * <p>Rates are checked against the wall clock, but only as generous lower bounds (a limit that is in force
 * cannot be beaten; how much slower a loaded machine is says nothing), so what the cases assert does not
 * depend on the machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class EndToEndFixture {

    /** The key pair the emulator accepts and the clients sign with. */
    protected static final Credentials KEY = Credentials.of("LTAI5tEndToEndKey0001", "end-to-end-secret/KEY+000000000");
    /** The one bucket of the suite. */
    protected static final String BUCKET = "e2e-bucket";
    /** 819,200 bit/s, the OSS minimum: 100 KiB/s, slow enough to measure. */
    protected static final DataRate SLOW = TrafficLimit.MINIMUM;
    /** 256 KiB at 100 KiB/s less the 16 KiB burst is 2.4 s; 1.5 s leaves room for coarse timers. */
    protected static final Duration SLOW_QUARTER_MIB_AT_LEAST = Duration.ofMillis(1_500);

    private final TransportFactory transports;
    /** The emulator, shared by the cases of one class; faults are cleared after each case. */
    protected OssEmulator emulator;
    /** Scratch files of the suite (the emulator stores its objects in a folder under it). */
    protected Path folder;

    /** A suite whose every client and raw request goes through transports made by {@code transports}. */
    protected EndToEndFixture(TransportFactory transports) {
        this.transports = transports;
    }

    /** Makes the transports under test; each client closes the one it was given. */
    public interface TransportFactory {

        /** A transport with its defaults. */
        Transport create();

        /**
         * A transport that fails a request whose response head takes longer than {@code timeout}, or whose
         * body, once the head has arrived, waits longer than {@code timeout} for its next bytes (an
         * {@link java.io.IOException} whose message says "timed out" or "timeout").
         */
        Transport withRequestTimeout(Duration timeout);
    }

    @BeforeAll
    void startEmulator(@TempDir Path scratch) throws IOException {
        folder = scratch;
        // objects in files, so that the 64 MiB one is never held in memory
        emulator = OssEmulator.builder().credentials(KEY).bucket(BUCKET)
                .storageDirectory(Files.createDirectories(folder.resolve("emulator"))).start();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @AfterAll
    void stopEmulator() {
        emulator.close();
    }

    // ---- for the cases ----

    /** The transports under test. */
    protected final TransportFactory transports() {
        return transports;
    }

    /** A client of the emulator on {@code transport}, path-style, V4, configured further by {@code settings}. */
    protected final OssClient client(Transport transport, UnaryOperator<OssClientBuilder> settings) {
        return settings.apply(OssClient.builder().endpoint(emulator.endpoint()).region(emulator.region())
                .credentials(KEY).transport(transport)).build();
    }

    /** Reads a response body to its end; a failed body rethrows its error as it is. */
    protected static Drained drain(Response response) throws Exception {
        Drain drain = new Drain();
        response.body().publisher().subscribe(drain);
        try {
            return drain.result().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /**
     * Asserts that {@code key} is either absent or holds exactly the bytes whose CRC-64 is {@code crc64}:
     * whatever failed, there is no short object.
     */
    protected final void assertAbsentOrWhole(OssClient oss, String key, long length, long crc64) throws IOException {
        ObjectMetadata metadata;
        try {
            metadata = oss.headObject(BUCKET, key);
        } catch (OssServiceException absent) {
            assertEquals(404, absent.status(), "HeadObject " + key + " failed otherwise than absent: " + absent);
            return;
        }
        assertEquals(length, metadata.contentLength(), key + " is there, but short");
        assertEquals(crc64, metadata.crc64().orElseThrow(), key + " is there, but not what was sent");
    }

    /** Asserts that {@code error} says what happened: an I/O error with a message. */
    protected static void assertClear(IOException error) {
        assertFalse(error.getMessage() == null || error.getMessage().isBlank(), "an error without a message: " + error);
    }
}
