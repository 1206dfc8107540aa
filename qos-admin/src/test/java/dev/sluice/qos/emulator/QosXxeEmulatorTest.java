package dev.sluice.qos.emulator;

import static java.util.stream.Collectors.toList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.oss.OssResource;
import dev.sluice.oss.OssV4Signer;
import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.QosAdminClient;
import dev.sluice.qos.emulator.RawQosRequest.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile XML sent to the emulator: raw Puts whose {@code QoSConfiguration} carries a DOCTYPE (an external
 * entity, an entity expansion), signed with {@link OssV4Signer} so that only the body is wrong. The
 * emulator refuses each with 400 {@code MalformedXML} and keeps the QoS it had.
 */
class QosXxeEmulatorTest extends EmulatorQosFixture {

    private static final String EXTERNAL_ENTITY = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE QoSConfiguration [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
            + "<QoSConfiguration><TotalUploadBandwidth>&x;</TotalUploadBandwidth></QoSConfiguration>";
    private static final String ENTITY_EXPANSION = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE QoSConfiguration [<!ENTITY a \"1111111111\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
            + "<QoSConfiguration><TotalUploadBandwidth>&c;</TotalUploadBandwidth></QoSConfiguration>";

    @Test
    void theEmulatorRefusesABucketQosWithAnExternalEntityAndKeepsTheQosItHad() throws Exception {
        Answer answer = RawQosRequest.put(emulator.endpoint(), emulator.region(), KEY, "/" + LONE_BUCKET + "/?qosInfo",
                OssResource.bucket(LONE_BUCKET), EXTERNAL_ENTITY);

        assertMalformed(answer);
        try (QosAdminClient qos = client()) {
            assertEquals(withUnlimitedQps(QoSConfiguration.unlimited()), qos.getBucketQosInfo(LONE_BUCKET));
        }
    }

    @Test
    void theEmulatorRefusesAPoolRequesterQosWithAnEntityExpansionAndStoresNothing() throws Exception {
        Answer answer = RawQosRequest.put(emulator.endpoint(), emulator.region(), KEY,
                "/?requesterQosInfo&resourcePool=" + AI_POOL + "&qosRequester=203300000000", OssResource.region(),
                ENTITY_EXPANSION);

        assertMalformed(answer);
        try (QosAdminClient qos = client()) {
            assertEquals(List.of(), qos.listResourcePoolRequesterQosInfos(AI_POOL).collect(toList()));
        }
    }

    private static void assertMalformed(Answer answer) {
        assertEquals(400, answer.status(), answer::body);
        assertEquals("MalformedXML", answer.element("Code"), answer::body);
        assertEquals("0042-00000201", answer.element("EC"), answer::body);
        assertTrue(answer.element("Message").contains("DOCTYPE"), answer::body);
    }
}
