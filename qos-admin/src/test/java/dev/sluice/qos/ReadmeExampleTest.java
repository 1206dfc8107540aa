package dev.sluice.qos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Credentials;
import dev.sluice.api.Transport;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The README's example, as written there, against a transport that keeps what was put and answers it back. */
class ReadmeExampleTest {

    @Test
    void putsAndGetsARequestersQos() throws IOException {
        String[] stored = {""};
        RecordingTransport recording = new RecordingTransport().answering(sent -> {
            if (sent.method().equals("PUT")) {
                stored[0] = XmlBodies.withoutDeclaration(sent.body());
                return RecordingTransport.ok("");
            }
            return RecordingTransport.ok("<RequesterQoSInfo><Requester>203300000000</Requester>" + stored[0]
                    + "</RequesterQoSInfo>");
        });
        Transport transport = recording;
        String accessKeyId = "LTAI-test-key";
        String accessKeySecret = "test-secret";

        // --- as in the README ---
        try (QosAdminClient qos = QosAdminClient.builder()
                .endpoint(URI.create("https://oss-cn-hangzhou.aliyuncs.com"))
                .region("cn-hangzhou")
                .credentials(Credentials.of(accessKeyId, accessKeySecret))
                .transport(transport) // any Transport, e.g. JdkHttpTransport.create()
                .build()) {
            QoSConfiguration limits = QoSConfiguration.builder()
                    .totalUploadBandwidth(QosBandwidth.ofGigabitsPerSecond(10))
                    .extranetUploadBandwidth(QosBandwidth.FORBIDDEN) // no uploads over the Internet
                    .totalDownloadBandwidth(QosBandwidth.ofGigabitsPerSecond(20))
                    .build(); // every item not set stays QosBandwidth.UNLIMITED (-1)
            qos.putResourcePoolRequesterQosInfo("resource-pool-for-ai", "203300000000", limits);

            RequesterQosInfo info = qos.getResourcePoolRequesterQosInfo("resource-pool-for-ai", "203300000000");
            // --- end of the README example ---

            assertEquals(limits, info.configuration());
            assertEquals("10 Gbit/s", info.configuration().totalUploadBandwidth().toString());
        }
        assertEquals(2, recording.sent.size());
    }

    /** Strips the XML declaration a Put body starts with. */
    static final class XmlBodies {
        private XmlBodies() {
        }

        static String withoutDeclaration(String xml) {
            return xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
        }
    }
}
