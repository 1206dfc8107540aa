package dev.sluice.cli.internal;

import static dev.sluice.cli.internal.QosPoolCommandTest.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice qos bucket …} and {@code sluice qos bucket-requester …} against the emulator: tables and JSON. */
class QosBucketCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final QosEmulator oss = new QosEmulator();

    @TempDir
    Path folder;

    @AfterEach
    void stopEmulator() {
        oss.close();
    }

    @Test
    void putsGetsAndDeletesTheQosOfABucket() throws Exception {
        Run put = oss.qos("bucket", "put", "ai-bucket-1", "--total-upload", "60", "--intranet-upload", "50",
                "--extranet-download", "0", "--total-qps", "2000", "--intranet-qps", "1500");
        Run get = oss.qos("bucket", "get", "ai-bucket-1");
        Run delete = oss.qos("bucket", "delete", "ai-bucket-1");
        Run after = oss.qos("bucket", "get", "ai-bucket-1", "--json");

        assertOk(put);
        assertEquals("set the QoS of bucket ai-bucket-1:", put.outLines().get(0));
        assertOk(get);
        assertEquals(String.join("\n",
                "FIELD                      VALUE",
                "Bucket                     ai-bucket-1",
                "TotalUploadBandwidth       60 Gbit/s",
                "IntranetUploadBandwidth    50 Gbit/s",
                "ExtranetUploadBandwidth    unlimited",
                "TotalDownloadBandwidth     unlimited",
                "IntranetDownloadBandwidth  unlimited",
                "ExtranetDownloadBandwidth  forbidden",
                "TotalQps                   2000 QPS",
                "IntranetQps                1500 QPS",
                "ExtranetQps                unlimited", ""), get.out());
        assertOk(delete);
        assertEquals("deleted the QoS of bucket ai-bucket-1\n", delete.out());
        assertOk(after);
        assertEquals(JSON.readTree("{\"bucket\":\"ai-bucket-1\",\"qos\":{\"TotalUploadBandwidth\":-1,"
                + "\"IntranetUploadBandwidth\":-1,\"ExtranetUploadBandwidth\":-1,\"TotalDownloadBandwidth\":-1,"
                + "\"IntranetDownloadBandwidth\":-1,\"ExtranetDownloadBandwidth\":-1,\"TotalQps\":-1,\"IntranetQps\":-1,"
                + "\"ExtranetQps\":-1}}"), JSON.readTree(after.out()));
    }

    @Test
    void putsGetsListsAndDeletesARequesterQosInABucket() throws Exception {
        Run put = oss.qos("bucket-requester", "put", "lone-bucket", "203300000001", "--total-upload", "unlimited",
                "--extranet-upload", "5", "--json");
        Run get = oss.qos("bucket-requester", "get", "lone-bucket", "203300000001");
        Run list = oss.qos("bucket-requester", "list", "lone-bucket", "--json");
        Run delete = oss.qos("bucket-requester", "delete", "lone-bucket", "203300000001");
        Run after = oss.qos("bucket-requester", "list", "lone-bucket");

        assertOk(put);
        assertEquals("PutBucketRequesterQoSInfo", JSON.readTree(put.out()).get("operation").asText());
        assertOk(get);
        assertEquals(List.of("FIELD                      VALUE", "Bucket                     lone-bucket",
                "Requester                  203300000001", "TotalUploadBandwidth       unlimited",
                "IntranetUploadBandwidth    unlimited", "ExtranetUploadBandwidth    5 Gbit/s"),
                get.outLines().subList(0, 6));
        assertOk(list);
        JsonNode entries = JSON.readTree(list.out());
        assertEquals(1, entries.size(), list::out);
        assertEquals("203300000001", entries.get(0).get("requester").asText());
        assertEquals(5, entries.get(0).get("qos").get("ExtranetUploadBandwidth").asInt());
        assertOk(delete);
        assertEquals("deleted the QoS of requester 203300000001 in bucket lone-bucket\n", delete.out());
        assertOk(after);
        assertEquals("REQUESTER  TOTAL-UP  INTRANET-UP  EXTRANET-UP  TOTAL-DOWN  INTRANET-DOWN  EXTRANET-DOWN  TOTAL-QPS"
                + "  INTRANET-QPS  EXTRANET-QPS\n", after.out(), "an empty listing is its header");
    }

    @Test
    void putsTheQosOfAnXmlFileWithAnOptionReplacingOneOfItsItems() throws Exception {
        Path file = Files.writeString(folder.resolve("qos.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<QoSConfiguration>\n  <TotalUploadBandwidth>40</TotalUploadBandwidth>\n"
                + "  <IntranetUploadBandwidth>-1</IntranetUploadBandwidth>\n"
                + "  <ExtranetUploadBandwidth>10</ExtranetUploadBandwidth>\n"
                + "  <TotalDownloadBandwidth>30</TotalDownloadBandwidth>\n</QoSConfiguration>\n");

        Run put = oss.qos("bucket", "put", "ai-bucket-2", "--file", file.toString(), "--extranet-upload", "0");
        Run get = oss.qos("bucket", "get", "ai-bucket-2", "--json");

        assertOk(put);
        assertOk(get);
        assertEquals(JSON.readTree("{\"TotalUploadBandwidth\":40,\"IntranetUploadBandwidth\":-1,"
                + "\"ExtranetUploadBandwidth\":0,\"TotalDownloadBandwidth\":30,\"IntranetDownloadBandwidth\":-1,"
                + "\"ExtranetDownloadBandwidth\":-1,\"TotalQps\":-1,\"IntranetQps\":-1,\"ExtranetQps\":-1}"),
                JSON.readTree(get.out()).get("qos"));
    }
}
