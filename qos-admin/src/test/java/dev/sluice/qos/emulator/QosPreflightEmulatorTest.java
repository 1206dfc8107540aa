package dev.sluice.qos.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.qos.InvalidQosConfigurationException;
import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.QosAdminClient;
import dev.sluice.qos.QosBandwidth;
import dev.sluice.qos.QosQps;
import org.junit.jupiter.api.Test;

/**
 * Reference 3.3 rule 4, the sum: the requesters of a pool together within each limited item of the pool,
 * checked by the client's pre-flight against what the emulator really holds, and by the emulator itself.
 */
class QosPreflightEmulatorTest extends EmulatorQosFixture {

    private static QoSConfiguration upload(int gigabitsPerSecond) {
        return QoSConfiguration.builder().totalUploadBandwidth(gbps(gigabitsPerSecond)).build();
    }

    @Test
    void preflightRefusesARequesterThatWouldBringTheSumOverThePoolAndSendsNoPut() throws Exception {
        try (QosAdminClient other = client(); QosAdminClient checked = client(true, true)) {
            other.putResourcePoolRequesterQosInfo(WEB_POOL, "203300000001", upload(5)); // state the pre-flight must read
            sent.clear();

            InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class,
                    () -> checked.putResourcePoolRequesterQosInfo(WEB_POOL, "203300000002", upload(6)));
            assertEquals("TotalUploadBandwidth 6 Gbit/s for requester 203300000002 would bring the sum over the requesters"
                    + " of resource pool pool-web to 11 Gbit/s, over the pool's TotalUploadBandwidth 10 Gbit/s", e.getMessage());
            assertNoPutSent();
        }
    }

    @Test
    void theEmulatorRefusesARequesterThatWouldBringTheSumOverThePool() throws Exception {
        try (QosAdminClient unchecked = unchecked()) {
            unchecked.putResourcePoolRequesterQosInfo(WEB_POOL, "203300000001", upload(5));

            assertServerError(400, "InvalidArgument", "0004-00000117",
                    () -> unchecked.putResourcePoolRequesterQosInfo(WEB_POOL, "203300000002", upload(6)));
        }
    }

    @Test
    void aSumExactlyAtThePoolsItemIsAcceptedByPreflightAndEmulator() throws Exception {
        try (QosAdminClient checked = client(true, true)) {
            checked.putResourcePoolRequesterQosInfo(WEB_POOL, "203300000001", upload(5));
            checked.putResourcePoolRequesterQosInfo(WEB_POOL, "203300000002", upload(5));

            assertEquals(2, checked.listResourcePoolRequesterQosInfos(WEB_POOL).count());
        }
    }

    @Test
    void aPutReplacesTheRequestersOwnValueInTheSumOnBothSides() throws Exception {
        try (QosAdminClient checked = client(true, true)) {
            checked.putResourcePoolRequesterQosInfo(WEB_POOL, "203300000001", upload(5));
            checked.putResourcePoolRequesterQosInfo(WEB_POOL, "203300000001", upload(10)); // 10, not 5 + 10

            assertEquals(gbps(10), checked.getResourcePoolRequesterQosInfo(WEB_POOL, "203300000001").configuration()
                    .totalUploadBandwidth());
        }
    }

    @Test
    void unlimitedAndForbiddenRequestersAddNothingToTheSumOnBothSides() throws Exception {
        try (QosAdminClient checked = client(true, true)) {
            checked.putResourcePoolRequesterQosInfo(WEB_POOL, "203300000001", upload(10));
            checked.putResourcePoolRequesterQosInfo(WEB_POOL, "203300000002",
                    QoSConfiguration.builder().totalUploadBandwidth(QosBandwidth.UNLIMITED).build());
            checked.putResourcePoolRequesterQosInfo(WEB_POOL, "203300000003",
                    QoSConfiguration.builder().totalUploadBandwidth(QosBandwidth.FORBIDDEN).build());

            assertEquals(3, checked.listResourcePoolRequesterQosInfos(WEB_POOL).count());
        }
    }

    @Test
    void preflightSumsTheRequestersOfEveryPageOfTheListing() throws Exception {
        try (QosAdminClient checked = QosAdminClient.builder().endpoint(emulator.endpoint()).region(emulator.region())
                .credentials(KEY).transport(transport()).preflight(true).pageSize(2).build()) {
            for (int i = 1; i <= 5; i++) { // 5 x 19 = 95 of the pool's 100, over three pages
                checked.putResourcePoolRequesterQosInfo(AI_POOL, "20330000000" + i, upload(19));
            }
            sent.clear();

            InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class,
                    () -> checked.putResourcePoolRequesterQosInfo(AI_POOL, "203300000006", upload(6)));
            assertEquals("TotalUploadBandwidth 6 Gbit/s for requester 203300000006 would bring the sum over the requesters"
                    + " of resource pool pool-ai to 101 Gbit/s, over the pool's TotalUploadBandwidth 100 Gbit/s", e.getMessage());
            assertNoPutSent();
            checked.putResourcePoolRequesterQosInfo(AI_POOL, "203300000006", upload(5)); // exactly 100
        }
    }

    /**
     * Rule 4 says "each item" and the sum "of an item"; section 3.2 makes the three QPS elements items of the
     * same {@code QoSConfiguration}. The emulator checks them (EC 0004-00000116); the client's pre-flight
     * compares only the six bandwidth items, so it lets the Put go and the emulator refuses it.
     */
    @Test
    void preflightRefusesARequesterRequestRateAboveThePoolsAndSendsNoPut() throws Exception {
        QoSConfiguration rate = QoSConfiguration.builder().totalQps(QosQps.ofRequestsPerSecond(2000)).build();
        try (QosAdminClient checked = client(true, true)) {
            InvalidQosConfigurationException e = assertThrows(InvalidQosConfigurationException.class,
                    () -> checked.putResourcePoolRequesterQosInfo(API_POOL, "203300000001", rate));
            assertEquals("TotalQps 2000 QPS for requester 203300000001 exceeds TotalQps 1000 QPS of resource pool "
                    + API_POOL, e.getMessage());
            assertNoPutSent();
        }
    }

    @Test
    void theEmulatorRefusesARequesterRequestRateAboveThePools() {
        QoSConfiguration rate = QoSConfiguration.builder().totalQps(QosQps.ofRequestsPerSecond(2000)).build();
        try (QosAdminClient unchecked = unchecked()) {
            assertServerError(400, "InvalidArgument", "0004-00000116",
                    () -> unchecked.putResourcePoolRequesterQosInfo(API_POOL, "203300000001", rate));
        }
    }
}
