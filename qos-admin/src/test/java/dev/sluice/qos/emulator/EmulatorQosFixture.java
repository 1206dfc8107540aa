package dev.sluice.qos.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Credentials;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.emulator.QosLimits;
import dev.sluice.oss.OssServiceException;
import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.QosAdminClient;
import dev.sluice.qos.QosBandwidth;
import dev.sluice.qos.QosQps;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * What the emulator cases share: a fresh {@link OssEmulator} on 127.0.0.1 per case (so that no case sees
 * another's QoS state), declaring three resource pools and one bucket outside any pool, and
 * {@link QosAdminClient}s on a {@link JdkHttpTransport} that counts the requests it sends.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
abstract class EmulatorQosFixture {

    /** The key pair the emulator accepts and the clients sign with. */
    static final Credentials KEY = Credentials.of("LTAI5tQosEmulatorKey01", "qos-emulator-secret/KEY+0000000");
    /** 100 Gbit/s up (intranet 50, extranet 20), 80 Gbit/s down, components of the download unlimited. */
    static final String AI_POOL = "pool-ai";
    static final String AI_BUCKET = "ai-bucket-1";
    static final String AI_BUCKET_2 = "ai-bucket-2";
    /** Every item unlimited. */
    static final String BATCH_POOL = "pool-batch";
    static final String BATCH_BUCKET = "batch-bucket";
    /** 10 Gbit/s both ways: the smallest pool, where two requesters at the minimum fill it. */
    static final String WEB_POOL = "pool-web";
    static final String WEB_BUCKET = "web-bucket";
    /** A bucket in no resource pool. */
    static final String LONE_BUCKET = "lone-bucket";
    /** Bandwidth unlimited, but at most 1000 requests per second in all. */
    static final String API_POOL = "pool-api";
    static final String API_BUCKET = "api-bucket";

    /** The emulator of the current case. */
    OssEmulator emulator;
    /** The method of each request the clients of the current case sent, over every transport {@link #transport()} made. */
    final List<String> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEmulator() {
        emulator = OssEmulator.builder().credentials(KEY)
                .resourcePool(AI_POOL, QosLimits.bandwidth(100, 50, 20, 80, -1, -1), AI_BUCKET, AI_BUCKET_2)
                .resourcePool(BATCH_POOL, QosLimits.unlimited(), BATCH_BUCKET)
                .resourcePool(WEB_POOL, QosLimits.bandwidth(10, -1, -1, 10, -1, -1), WEB_BUCKET)
                .resourcePool(API_POOL, new QosLimits(-1, -1, -1, -1, -1, -1, 1000, -1, -1), API_BUCKET)
                .bucket(LONE_BUCKET)
                .start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    /** A client of the emulator with client-side validation on and pre-flight off (the defaults). */
    QosAdminClient client() {
        return client(true, false);
    }

    /** A client of the emulator with client-side {@code validation} and {@code preflight} as given. */
    QosAdminClient client(boolean validation, boolean preflight) {
        return QosAdminClient.builder().endpoint(emulator.endpoint()).region(emulator.region()).credentials(KEY)
                .transport(transport()).validation(validation).preflight(preflight).build();
    }

    /** A client of the emulator with every check left to the emulator: what a broken client would send. */
    QosAdminClient unchecked() {
        return client(false, false);
    }

    /** A JDK transport that notes in {@link #sent} each request it sends. */
    Transport transport() {
        Transport jdk = JdkHttpTransport.create();
        return new Transport() {
            @Override
            public CompletableFuture<Response> send(Request request) {
                sent.add(request.method());
                return jdk.send(request);
            }

            @Override
            public void close() {
                jdk.close();
            }
        };
    }

    static QosBandwidth gbps(int gigabitsPerSecond) {
        return QosBandwidth.ofGigabitsPerSecond(gigabitsPerSecond);
    }

    /**
     * {@code qos} as the emulator reads it back: it writes all nine items (reference 3.2: "six (or nine)"),
     * so QPS items the client never set come back as -1.
     */
    static QoSConfiguration withUnlimitedQps(QoSConfiguration qos) {
        return qos.toBuilder().totalQps(qos.totalQps().orElse(QosQps.UNLIMITED))
                .intranetQps(qos.intranetQps().orElse(QosQps.UNLIMITED))
                .extranetQps(qos.extranetQps().orElse(QosQps.UNLIMITED)).build();
    }

    /** Asserts that the client sent no PUT: what it refused never reached the emulator. */
    void assertNoPutSent() {
        assertFalse(sent.contains("PUT"), () -> "requests sent: " + sent);
    }

    /** Runs {@code call}, expects the emulator's error with {@code status}, {@code code} and {@code ec}, and returns it. */
    static OssServiceException assertServerError(int status, String code, String ec, Executable call) {
        OssServiceException error = assertThrows(OssServiceException.class, call);
        assertEquals(status, error.status(), () -> "status of " + error);
        assertEquals(code, error.code(), () -> "code of " + error);
        assertEquals(ec, error.ec(), () -> "EC of " + error);
        return error;
    }
}
