package dev.sluice.emulator;

import static dev.sluice.emulator.QosClient.assertError;
import static dev.sluice.emulator.QosClient.assertOk;
import static dev.sluice.emulator.QosClient.items;
import static dev.sluice.emulator.QosClient.qos;
import static dev.sluice.emulator.TestClient.BUCKET;
import static dev.sluice.emulator.TestClient.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reference 3.3 rules 8 and 9, hostile bodies, the 300-requester limit of 3.1 and bad paging parameters. */
class QosRequestValidationTest {

    private static final String UNLIMITED = qos(-1, -1, -1, -1, -1, -1);
    private static OssEmulator emulator;
    private static QosClient qos;

    @BeforeAll
    static void start() {
        emulator = TestClient.emulator().bucket("crowded-bucket").bucket("xxe-bucket")
                .resourcePool("pool-r", QosLimits.unlimited())
                .start();
        qos = new QosClient(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void rule8RefusesAMissingOrEmptyQosRequester() throws Exception {
        assertError(400, "InvalidArgument", "0004-00000101", qos.region("PUT", "requesterQosInfo&resourcePool=pool-r", UNLIMITED));
        assertError(400, "InvalidArgument", "0004-00000101",
                qos.region("GET", "requesterQosInfo&resourcePool=pool-r&qosRequester=", null));
        assertError(400, "InvalidArgument", "0004-00000101", qos.bucket("DELETE", BUCKET, "requesterQosInfo", null));
    }

    @Test
    void rule8RefusesAQosRequesterOver1024CharactersAndAccepts1024() throws Exception {
        HttpResponse<byte[]> refused = qos.bucket("PUT", BUCKET, "requesterQosInfo&qosRequester=" + "7".repeat(1025), UNLIMITED);

        assertError(400, "InvalidArgument", "0004-00000101", refused);
        assertEquals("qosRequester must be a requester UID of 1..1024 characters, was 1025 characters long", xml(refused, "Message"));
        assertOk(200, qos.bucket("PUT", BUCKET, "requesterQosInfo&qosRequester=" + "7".repeat(1024), UNLIMITED));
    }

    @Test
    void rule9RefusesABodyWhoseRootIsNotQosConfiguration() throws Exception {
        HttpResponse<byte[]> refused = qos.bucket("PUT", BUCKET, "qosInfo", "<QosConfiguration><TotalQps>1</TotalQps></QosConfiguration>");

        assertError(400, "MalformedXML", "0004-00000102", refused);
        assertEquals("the root element must be QoSConfiguration, was QosConfiguration", xml(refused, "Message"));
    }

    @Test
    void rule9RefusesAnItemThatIsNotAnInteger() throws Exception {
        HttpResponse<byte[]> refused = qos.bucket("PUT", BUCKET, "qosInfo",
                "<QoSConfiguration><TotalUploadBandwidth>1.5</TotalUploadBandwidth></QoSConfiguration>");

        assertError(400, "InvalidArgument", "0004-00000103", refused);
        assertEquals("TotalUploadBandwidth \"1.5\" is not an integer number of Gbit/s", xml(refused, "Message"));
    }

    @Test
    void rule9RefusesAnEmptyItem() throws Exception {
        assertError(400, "InvalidArgument", "0004-00000103", qos.region("PUT",
                "requesterQosInfo&resourcePool=pool-r&qosRequester=9", "<QoSConfiguration><IntranetQps/></QoSConfiguration>"));
    }

    @Test
    void refusesADoctypeWithAnExternalEntityAndKeepsTheQosItHad() throws Exception {
        assertOk(200, qos.bucket("PUT", "xxe-bucket", "qosInfo", qos(7, -1, -1, -1, -1, -1)));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE QoSConfiguration [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                + "<QoSConfiguration><TotalUploadBandwidth>&xxe;</TotalUploadBandwidth></QoSConfiguration>";

        HttpResponse<byte[]> refused = qos.bucket("PUT", "xxe-bucket", "qosInfo", xxe);

        assertError(400, "MalformedXML", "0042-00000201", refused);
        assertEquals("DOCTYPE is not allowed in QoSConfiguration", xml(refused, "Message"));
        assertEquals(List.of(7L, -1L, -1L, -1L, -1L, -1L), items(qos.bucket("GET", "xxe-bucket", "qosInfo", null)));
    }

    @Test
    void refusesABodyThatIsNotWellFormedXml() throws Exception {
        HttpResponse<byte[]> refused = qos.bucket("PUT", BUCKET, "qosInfo", "<QoSConfiguration><TotalQps>1</QoSConfiguration>");

        assertError(400, "MalformedXML", "0042-00000201", refused);
        assertTrue(xml(refused, "Message").startsWith("The XML you provided was not well-formed"), xml(refused, "Message"));
    }

    @Test
    void checksTheContentMd5OfAPutBodyWhenSent() throws Exception {
        String body = qos(20, -1, -1, -1, -1, -1);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));

        assertOk(200, qos.bucket("PUT", BUCKET, "qosInfo", body, "Content-MD5", md5));
        assertError(400, "InvalidDigest", "0016-00000101", qos.bucket("PUT", BUCKET, "qosInfo", qos(21, -1, -1, -1, -1, -1),
                "Content-MD5", md5));
    }

    @Test
    void refusesABodyOver64KiB() throws Exception {
        String body = "<QoSConfiguration>" + " ".repeat(64 * 1024) + "</QoSConfiguration>";

        HttpResponse<byte[]> refused = qos.bucket("PUT", BUCKET, "qosInfo", body);

        assertError(400, "MalformedXML", "0042-00000201", refused);
        assertEquals("a QoSConfiguration body is at most 65536 B", xml(refused, "Message"));
    }

    @Test
    void refusesThe301stRequesterOfABucketButStillReplacesAnExistingOne() throws Exception {
        for (int i = 0; i < 300; i++) {
            assertOk(200, qos.bucket("PUT", "crowded-bucket", "requesterQosInfo&qosRequester=" + (100_000 + i), UNLIMITED));
        }

        HttpResponse<byte[]> refused = qos.bucket("PUT", "crowded-bucket", "requesterQosInfo&qosRequester=999999", UNLIMITED);

        assertError(400, "InvalidArgument", "0004-00000120", refused);
        assertEquals("at most 300 requester QoS configurations are allowed per resource pool and per bucket", xml(refused, "Message"));
        assertOk(200, qos.bucket("PUT", "crowded-bucket", "requesterQosInfo&qosRequester=100299", qos(5, -1, -1, -1, -1, -1)));
        HttpResponse<byte[]> all = qos.bucket("GET", "crowded-bucket", "requesterQosInfo&max-keys=1000", null);
        assertEquals(300, QosClient.all(all, "Requester").size());
        assertFalse(QosClient.all(all, "Requester").contains("999999"));
    }

    @Test
    void refusesAMaxKeysThatIsNotAPositiveWholeNumber() throws Exception {
        for (String maxKeys : List.of("0", "-1", "ten")) {
            HttpResponse<byte[]> refused = qos.region("GET", "resourcePool&max-keys=" + maxKeys, null);
            assertError(400, "InvalidArgument", "0017-00000001", refused);
            assertEquals("max-keys \"" + maxKeys + "\" must be a whole number of entries from 1", xml(refused, "Message"));
        }
    }

    @Test
    void answersNotImplementedForTheAccountLevelQosInfo() throws Exception {
        assertError(501, "NotImplemented", "0000-00000501", qos.region("GET", "qosInfo", null));
    }
}
