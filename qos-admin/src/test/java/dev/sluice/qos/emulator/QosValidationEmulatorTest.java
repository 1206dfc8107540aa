package dev.sluice.qos.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.oss.OssResource;
import dev.sluice.qos.InvalidQosConfigurationException;
import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.QosAdminClient;
import dev.sluice.qos.QosBandwidth;
import dev.sluice.qos.QosQps;
import dev.sluice.qos.emulator.RawQosRequest.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Each validation rule of reference 3.3, twice: the client refuses the value with its message and sends no
 * Put; and, with client-side validation off, the emulator refuses it with its own status, code and EC.
 * Values the client cannot even express (below -1, a foreign root, a non-integer) go as raw signed Puts.
 * The rules that need server state (3, 4, 5) are refused client-side by pre-flight.
 */
class QosValidationEmulatorTest extends EmulatorQosFixture {

    private static final String UID = "203300000000";

    // ---- rule 1: Gbit/s integers, -1 unlimited, 0 forbidden, nothing below -1 ----

    @Test
    void aBandwidthBelowMinusOneCannotEvenBeBuiltOnTheClient() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gbps(-2));
        assertEquals("QoS bandwidth -2 Gbit/s is out of range (allowed: -1 = unlimited, 0 = forbidden, or >= 1)",
                e.getMessage());
    }

    @Test
    void theEmulatorRefusesABandwidthBelowMinusOne() throws Exception {
        Answer answer = putBucketQosRaw("<QoSConfiguration><TotalUploadBandwidth>-2</TotalUploadBandwidth></QoSConfiguration>");

        assertError(400, "InvalidArgument", "0004-00000111", answer);
    }

    @Test
    void zeroForbidsATrafficClassAndMinusOneLiftsTheLimitOnBothSides() throws Exception {
        QoSConfiguration qos = QoSConfiguration.builder().totalUploadBandwidth(gbps(10))
                .extranetUploadBandwidth(QosBandwidth.FORBIDDEN).intranetUploadBandwidth(QosBandwidth.UNLIMITED).build();
        try (QosAdminClient checked = client(true, true)) {
            checked.putBucketQosInfo(AI_BUCKET, qos);
            checked.putResourcePoolRequesterQosInfo(AI_POOL, UID, qos); // 0 for a requester: accepted by both (rule 6)

            assertEquals(withUnlimitedQps(qos), checked.getResourcePoolRequesterQosInfo(AI_POOL, UID).configuration());
        }
    }

    // ---- rule 2: intranet and extranet within the total of their direction ----

    private static final QoSConfiguration COMPONENT_OVER_TOTAL = QoSConfiguration.builder().totalUploadBandwidth(gbps(10))
            .intranetUploadBandwidth(gbps(12)).buildUnchecked();

    @Test
    void theClientRefusesAComponentAboveItsTotalAndSendsNothing() {
        try (QosAdminClient checked = client()) {
            assertRefused("IntranetUploadBandwidth 12 Gbit/s exceeds TotalUploadBandwidth 10 Gbit/s",
                    () -> checked.putBucketQosInfo(LONE_BUCKET, COMPONENT_OVER_TOTAL));
        }
    }

    @Test
    void theEmulatorRefusesAComponentAboveItsTotal() {
        try (QosAdminClient unchecked = unchecked()) {
            assertServerError(400, "InvalidArgument", "0004-00000114",
                    () -> unchecked.putBucketQosInfo(LONE_BUCKET, COMPONENT_OVER_TOTAL));
        }
    }

    // ---- rule 3: a bucket's items within its pool's ----

    private static final QoSConfiguration ABOVE_AI_POOL = QoSConfiguration.builder().totalUploadBandwidth(gbps(120)).build();

    @Test
    void preflightRefusesABucketQosAboveItsPoolAndSendsNoPut() {
        try (QosAdminClient checked = client(true, true)) {
            assertRefused("TotalUploadBandwidth 120 Gbit/s for bucket ai-bucket-1 exceeds TotalUploadBandwidth 100 Gbit/s"
                    + " of resource pool pool-ai", () -> checked.putBucketQosInfo(AI_BUCKET, ABOVE_AI_POOL));
        }
    }

    @Test
    void theEmulatorRefusesABucketQosAboveItsPool() {
        try (QosAdminClient unchecked = unchecked()) {
            assertServerError(400, "InvalidArgument", "0004-00000115", () -> unchecked.putBucketQosInfo(AI_BUCKET, ABOVE_AI_POOL));
        }
    }

    // ---- rule 4, each item: a pool-level requester within the pool (the sum: QosPreflightEmulatorTest) ----

    @Test
    void preflightRefusesAPoolRequesterAboveThePoolAndSendsNoPut() {
        try (QosAdminClient checked = client(true, true)) {
            assertRefused("TotalUploadBandwidth 120 Gbit/s for requester 203300000000 exceeds TotalUploadBandwidth"
                    + " 100 Gbit/s of resource pool pool-ai",
                    () -> checked.putResourcePoolRequesterQosInfo(AI_POOL, UID, ABOVE_AI_POOL));
        }
    }

    @Test
    void theEmulatorRefusesAPoolRequesterAboveThePool() {
        try (QosAdminClient unchecked = unchecked()) {
            assertServerError(400, "InvalidArgument", "0004-00000116",
                    () -> unchecked.putResourcePoolRequesterQosInfo(AI_POOL, UID, ABOVE_AI_POOL));
        }
    }

    // ---- rule 5: a bucket-level requester within the bucket ----

    private static final QoSConfiguration BUCKET_OF_20 = QoSConfiguration.builder().totalDownloadBandwidth(gbps(20)).build();
    private static final QoSConfiguration DOWNLOAD_OF_25 = QoSConfiguration.builder().totalDownloadBandwidth(gbps(25)).build();

    @Test
    void preflightRefusesABucketRequesterAboveTheBucketAndSendsNoPut() throws Exception {
        try (QosAdminClient checked = client(true, true)) {
            checked.putBucketQosInfo(LONE_BUCKET, BUCKET_OF_20);
            sent.clear();

            assertRefused("TotalDownloadBandwidth 25 Gbit/s for requester 203300000000 exceeds TotalDownloadBandwidth"
                    + " 20 Gbit/s of bucket lone-bucket", () -> checked.putBucketRequesterQosInfo(LONE_BUCKET, UID, DOWNLOAD_OF_25));
        }
    }

    @Test
    void theEmulatorRefusesABucketRequesterAboveTheBucket() throws Exception {
        try (QosAdminClient unchecked = unchecked()) {
            unchecked.putBucketQosInfo(LONE_BUCKET, BUCKET_OF_20);

            assertServerError(400, "InvalidArgument", "0004-00000118",
                    () -> unchecked.putBucketRequesterQosInfo(LONE_BUCKET, UID, DOWNLOAD_OF_25));
        }
    }

    // ---- rule 6: a limited requester item is at least 5 Gbit/s ----

    private static final QoSConfiguration FOUR_GBPS = QoSConfiguration.builder().totalUploadBandwidth(gbps(4)).build();

    @Test
    void theClientRefusesARequesterItemUnderFiveGbpsAndSendsNothing() {
        try (QosAdminClient checked = client()) {
            assertRefused("TotalUploadBandwidth 4 Gbit/s for requester 203300000000 is below the 5 Gbit/s minimum for a"
                    + " limited requester item (allowed: -1 = unlimited, 0 = forbidden, or >= 5)",
                    () -> checked.putBucketRequesterQosInfo(LONE_BUCKET, UID, FOUR_GBPS));
        }
    }

    @Test
    void theEmulatorRefusesARequesterItemUnderFiveGbpsAtBothLevels() {
        try (QosAdminClient unchecked = unchecked()) {
            assertServerError(400, "InvalidArgument", "0004-00000119",
                    () -> unchecked.putBucketRequesterQosInfo(LONE_BUCKET, UID, FOUR_GBPS));
            assertServerError(400, "InvalidArgument", "0004-00000119",
                    () -> unchecked.putResourcePoolRequesterQosInfo(AI_POOL, UID, FOUR_GBPS));
        }
    }

    // ---- rule 8: qosRequester is 1..1024 characters ----

    private static final String UID_OF_1025 = "7".repeat(1025);

    @Test
    void theClientRefusesAnEmptyOrOverlongRequesterAndSendsNothing() {
        try (QosAdminClient checked = client()) {
            assertRefused("qosRequester must not be empty (the UID of a RAM user or role)",
                    () -> checked.putResourcePoolRequesterQosInfo(AI_POOL, "", QoSConfiguration.unlimited()));
            assertRefused("qosRequester must be at most 1024 characters, was 1025 characters",
                    () -> checked.getBucketRequesterQosInfo(LONE_BUCKET, UID_OF_1025));
            assertEquals(0, sent.size(), () -> "requests sent: " + sent);
        }
    }

    @Test
    void theEmulatorRefusesAnEmptyOrOverlongRequester() {
        try (QosAdminClient unchecked = unchecked()) {
            assertServerError(400, "InvalidArgument", "0004-00000101",
                    () -> unchecked.putResourcePoolRequesterQosInfo(AI_POOL, "", QoSConfiguration.unlimited()));
            assertServerError(400, "InvalidArgument", "0004-00000101",
                    () -> unchecked.getBucketRequesterQosInfo(LONE_BUCKET, UID_OF_1025));
        }
    }

    @Test
    void aRequesterOfExactly1024CharactersIsAcceptedByBoth() throws Exception {
        String uid = "7".repeat(1024);
        try (QosAdminClient checked = client()) {
            checked.putBucketRequesterQosInfo(LONE_BUCKET, uid, QoSConfiguration.unlimited());

            assertEquals(uid, checked.getBucketRequesterQosInfo(LONE_BUCKET, uid).requester());
        }
    }

    // ---- rule 9: root QoSConfiguration, integer nodes, TotalQps valid ----

    @Test
    void aRequestRateBelowMinusOneCannotEvenBeBuiltOnTheClient() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QosQps.ofRequestsPerSecond(-2));
        assertEquals("QoS request rate -2 QPS is out of range (allowed: -1 = unlimited, or >= 0)", e.getMessage());
    }

    @Test
    void theEmulatorRefusesABodyWhoseRootIsNotQosConfiguration() throws Exception {
        assertError(400, "MalformedXML", "0004-00000102",
                putBucketQosRaw("<QosConfiguration><TotalUploadBandwidth>10</TotalUploadBandwidth></QosConfiguration>"));
    }

    @Test
    void theEmulatorRefusesAnItemThatIsNotAnInteger() throws Exception {
        assertError(400, "InvalidArgument", "0004-00000103",
                putBucketQosRaw("<QoSConfiguration><TotalUploadBandwidth>10.5</TotalUploadBandwidth></QoSConfiguration>"));
        assertError(400, "InvalidArgument", "0004-00000103",
                putBucketQosRaw("<QoSConfiguration><TotalUploadBandwidth></TotalUploadBandwidth></QoSConfiguration>"));
    }

    @Test
    void theEmulatorRefusesATotalQpsBelowMinusOne() throws Exception {
        assertError(400, "InvalidArgument", "0004-00000110",
                putBucketQosRaw("<QoSConfiguration><TotalQps>-2</TotalQps></QoSConfiguration>"));
    }

    // ---- rule 10: an unknown pool ----

    @Test
    void theEmulatorRefusesAPutIntoAnUnknownPoolWithNotFound() {
        try (QosAdminClient checked = client()) {
            assertServerError(404, "NoSuchResourcePool", "0004-00000121",
                    () -> checked.putResourcePoolRequesterQosInfo("no-such-pool", UID, QoSConfiguration.unlimited()));
        }
    }

    // ---- helpers ----

    private void assertRefused(String message, Executable put) {
        InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class, put);
        assertEquals(message, e.getMessage());
        assertNoPutSent();
    }

    private Answer putBucketQosRaw(String xml) throws Exception {
        return RawQosRequest.put(emulator.endpoint(), emulator.region(), KEY, "/" + LONE_BUCKET + "/?qosInfo",
                OssResource.bucket(LONE_BUCKET), xml);
    }

    private static void assertError(int status, String code, String ec, Answer answer) {
        assertEquals(status, answer.status(), answer::body);
        assertEquals(code, answer.element("Code"), answer::body);
        assertEquals(ec, answer.element("EC"), answer::body);
        assertEquals(ec, answer.ecHeader(), "x-oss-ec");
    }
}
