package dev.sluice.transport.testkit;

import static dev.sluice.transport.testkit.Payloads.KIB;
import static dev.sluice.transport.testkit.Payloads.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Transport;
import dev.sluice.emulator.Fault;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.OssServiceException;
import dev.sluice.transport.testkit.Payloads.Drain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end suite of issue 4 for any {@link Transport}: {@link OssClient} and raw presigned requests
 * against the {@link dev.sluice.emulator.OssEmulator} on 127.0.0.1 over real sockets, CRC-64 checked on
 * every transfer. The transfer cases are inherited from {@link TransferCases}; the fault cases are here:
 * every injected fault ends in a clear exception or in the whole object, and never in a short object or a
 * partial file under the final name.
 *
 * <p>A transport module runs the suite by extending this class with its own {@link TransportFactory}:
 * <pre>{@code
 * class MyTransportEndToEndTest extends TransportEndToEndSuite {
 *     MyTransportEndToEndTest() {
 *         super(new TransportFactory() {
 *             public Transport create() { return new MyTransport(); }
 *             public Transport withRequestTimeout(Duration timeout) { return new MyTransport(timeout); }
 *         });
 *     }
 * }
 * }</pre>
 * A transport that sends a failed request again by itself (a retrying one) says which faults it recovers
 * from by overriding {@link #recovers(RecoverableFault)}; those cases then expect the whole object instead
 * of the error, and that the fault was really injected. Timeouts are checked without naming a transport's
 * exception type: an {@link IOException} whose message says it timed out.
 */
public abstract class TransportEndToEndSuite extends TransferCases {

    private static final int OBJECT = MIB;

    /** The suite for the transports {@code transports} makes. */
    protected TransportEndToEndSuite(TransportFactory transports) {
        super(transports);
    }

    /** A fault injected before the response head, which a transport may recover from by sending again. */
    public enum RecoverableFault {
        /** The connection is reset while a (replayable, file) request body is being sent. */
        RESET_MID_UPLOAD,
        /** The server answers {@code 503 SlowDown}, as OSS does when it throttles. */
        SLOW_DOWN,
        /** The response head takes longer than the request timeout. */
        RESPONSE_HEAD_TIMEOUT
    }

    /**
     * Whether the transport under test recovers from {@code fault} by itself, so that the operation
     * succeeds with the whole object; by default none: a bare transport reports every fault to its caller.
     * Faults after the response head (a body cut or stalled midway) are never recovered: the caller has
     * the response by then.
     */
    protected boolean recovers(RecoverableFault fault) {
        return false;
    }

    @Test
    void anUploadCutMidBodyFailsClearlyOrIsSentAgainWholeAndNeverLeavesAShortObject() throws Exception {
        Path source = Payloads.file(folder.resolve("reset-up.bin"), OBJECT, 11);
        emulator.faults().add(Fault.on("PUT", BUCKET + "/faults/reset-up.bin").resetAfterRequestBytes(64 * KIB).times(1));
        try (OssClient oss = client(transports().create(), UnaryOperator.identity())) {
            if (recovers(RecoverableFault.RESET_MID_UPLOAD)) {
                assertEquals(Payloads.crc(source), oss.putObject(BUCKET, "faults/reset-up.bin", source).crc64());
            } else {
                IOException failure = assertThrows(IOException.class, () -> oss.putObject(BUCKET, "faults/reset-up.bin", source));
                assertFalse(failure instanceof OssServiceException, "a cut connection is not an OSS answer: " + failure);
                assertClear(failure);
            }

            assertEquals(List.of(), emulator.faults().active(), "the fault was not injected");
            assertAbsentOrWhole(oss, "faults/reset-up.bin", OBJECT, Payloads.crc(source));
        }
    }

    @Test
    void failsADownloadCutMidBodyWithAClearErrorAndLeavesNoPartialFile() throws Exception {
        Path source = Payloads.file(folder.resolve("reset-down.bin"), OBJECT, 12);
        Path target = folder.resolve("reset-down.out");
        try (OssClient oss = client(transports().create(), UnaryOperator.identity())) {
            oss.putObject(BUCKET, "faults/reset-down.bin", source);
            emulator.faults().add(Fault.on("GET", BUCKET + "/faults/reset-down.bin").resetAfterResponseBytes(100 * KIB).times(1));

            IOException failure = assertThrows(IOException.class, () -> oss.getObject(BUCKET, "faults/reset-down.bin", target));

            assertClear(failure);
            assertFalse(Files.exists(target), "a partial download was left under the final name");
            oss.getObject(BUCKET, "faults/reset-down.bin", target);
            assertEquals(Payloads.crc(source), Payloads.crc(target));
        }
    }

    @Test
    void failsAStreamedDownloadCutMidBodyInsteadOfEndingItShort() throws Exception {
        Path source = Payloads.file(folder.resolve("reset-stream.bin"), OBJECT, 13);
        try (OssClient oss = client(transports().create(), UnaryOperator.identity())) {
            oss.putObject(BUCKET, "faults/reset-stream.bin", source);
            emulator.faults().add(Fault.on("GET", BUCKET + "/faults/reset-stream.bin").resetAfterResponseBytes(100 * KIB).times(1));

            Drain drain = new Drain();
            oss.getObjectContent(BUCKET, "faults/reset-stream.bin", null).body().subscribe(drain);
            ExecutionException failure = assertThrows(ExecutionException.class, () -> drain.result().get());

            assertTrue(failure.getCause() instanceof IOException, "the body ended with " + failure.getCause());
            assertClear((IOException) failure.getCause());
        }
    }

    @Test
    void reportsSlowDownTwiceAsServiceErrorsOrRetriesItAndThenServesTheObjectIntact() throws Exception {
        Path source = Payloads.file(folder.resolve("slow-down.bin"), OBJECT, 14);
        Path target = folder.resolve("slow-down.out");
        try (OssClient oss = client(transports().create(), UnaryOperator.identity())) {
            oss.putObject(BUCKET, "faults/slow-down.bin", source);
            emulator.faults().add(Fault.on("GET", BUCKET + "/faults/slow-down.bin").respond(503, "SlowDown").times(2));

            if (!recovers(RecoverableFault.SLOW_DOWN)) {
                for (int attempt = 1; attempt <= 2; attempt++) {
                    OssServiceException failure = assertThrows(OssServiceException.class,
                            () -> oss.getObject(BUCKET, "faults/slow-down.bin", target));
                    assertEquals(503, failure.status());
                    assertEquals("SlowDown", failure.code());
                    assertFalse(Files.exists(target), "a failed download left a file under the final name");
                }
            }
            oss.getObject(BUCKET, "faults/slow-down.bin", target);

            assertEquals(List.of(), emulator.faults().active(), "the two SlowDown answers were not both given");
            assertEquals(Payloads.crc(source), Payloads.crc(target));
        }
    }

    @Test
    void reportsSlowDownOnAnUploadAndStoresNothingOrRetriesItAndStoresTheWholeObject() throws Exception {
        // Small on purpose: the emulator answers before reading the body, and its server resets a connection
        // whose unread request is larger than it drains (64 KiB); a reset while the client is still writing
        // can lose the error document the answer carried, leaving the status but no "SlowDown" code.
        int length = 16 * KIB;
        Path source = Payloads.file(folder.resolve("slow-down-up.bin"), length, 15);
        emulator.faults().add(Fault.on("PUT", BUCKET + "/faults/slow-down-up.bin").respond(503, "SlowDown").times(1));
        try (OssClient oss = client(transports().create(), UnaryOperator.identity())) {
            if (recovers(RecoverableFault.SLOW_DOWN)) {
                oss.putObject(BUCKET, "faults/slow-down-up.bin", source);

                assertEquals(List.of(), emulator.faults().active(), "the SlowDown answer was not given");
                assertAbsentOrWhole(oss, "faults/slow-down-up.bin", length, Payloads.crc(source));
                assertEquals(length, oss.headObject(BUCKET, "faults/slow-down-up.bin").contentLength());
                return;
            }
            OssServiceException failure = assertThrows(OssServiceException.class,
                    () -> oss.putObject(BUCKET, "faults/slow-down-up.bin", source));

            assertEquals(503, failure.status());
            assertEquals("SlowDown", failure.code());
            OssServiceException absent = assertThrows(OssServiceException.class, () -> oss.headObject(BUCKET, "faults/slow-down-up.bin"));
            assertEquals(404, absent.status());
        }
    }

    @Test
    void failsWithATimeoutWhenTheResponseHeadStallsBeyondTheRequestTimeoutOrSendsAgainAndArrivesIntact() throws Exception {
        Path source = Payloads.file(folder.resolve("stall-head.bin"), OBJECT, 16);
        Path target = folder.resolve("stall-head.out");
        try (OssClient plain = client(transports().create(), UnaryOperator.identity());
                OssClient oss = client(transports().withRequestTimeout(Duration.ofMillis(500)), UnaryOperator.identity())) {
            plain.putObject(BUCKET, "faults/stall-head.bin", source);
            emulator.faults().add(Fault.on("GET", BUCKET + "/faults/stall-head.bin").delayFirstByte(Duration.ofSeconds(3)).times(1));

            if (recovers(RecoverableFault.RESPONSE_HEAD_TIMEOUT)) {
                oss.getObject(BUCKET, "faults/stall-head.bin", target);

                assertEquals(List.of(), emulator.faults().active(), "the stall was not injected");
                assertEquals(Payloads.crc(source), Payloads.crc(target));
                return;
            }
            IOException failure = assertThrows(IOException.class, () -> oss.getObject(BUCKET, "faults/stall-head.bin", target));

            assertTimedOut(failure);
            assertFalse(Files.exists(target), "a timed-out download left a file under the final name");
        }
    }

    @Test
    void deliversABodyThatStallsAndResumesIntact() throws Exception {
        Path source = Payloads.file(folder.resolve("stall-resume.bin"), OBJECT, 18);
        Path target = folder.resolve("stall-resume.out");
        try (OssClient oss = client(transports().create(), UnaryOperator.identity())) {
            oss.putObject(BUCKET, "faults/stall-resume.bin", source);
            emulator.faults().add(Fault.on("GET", BUCKET + "/faults/stall-resume.bin").stallAfter(64 * KIB, Duration.ofMillis(700)).times(1));

            oss.getObject(BUCKET, "faults/stall-resume.bin", target);

            assertEquals(List.of(), emulator.faults().active());
            assertEquals(Payloads.crc(source), Payloads.crc(target));
        }
    }

    @Test
    void failsWithATimeoutAndLeavesNoFileWhenTheBodyStallsBeyondTheTimeout() throws Exception {
        Path source = Payloads.file(folder.resolve("stall-body.bin"), OBJECT, 17);
        Path target = folder.resolve("stall-body.out");
        try (OssClient plain = client(transports().create(), UnaryOperator.identity());
                OssClient oss = client(transports().withRequestTimeout(Duration.ofMillis(500)), UnaryOperator.identity())) {
            plain.putObject(BUCKET, "faults/stall-body.bin", source);
            emulator.faults().add(Fault.on("GET", BUCKET + "/faults/stall-body.bin").stallAfter(64 * KIB, Duration.ofSeconds(3)).times(1));

            IOException failure = assertThrows(IOException.class, () -> oss.getObject(BUCKET, "faults/stall-body.bin", target));

            assertTimedOut(failure);
            assertFalse(Files.exists(target), "a timed-out download left a file under the final name");
        }
    }

    /**
     * Asserts that {@code failure} is a timeout whatever the transport: an {@link IOException} whose
     * message, or a cause's, says "timed out" or "timeout".
     */
    protected static void assertTimedOut(IOException failure) {
        assertClear(failure);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("timed out") || message.contains("timeout")) {
                return;
            }
        }
        throw new AssertionError("not a timeout: " + failure, failure);
    }
}
