package dev.sluice.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code sluice qos pool …} and {@code sluice qos pool-requester …} against the emulator: tables and JSON. */
class QosPoolCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final QosEmulator oss = new QosEmulator();

    @AfterEach
    void stopEmulator() {
        oss.close();
    }

    @Test
    void listsTheResourcePoolsAsATableAndAsAJsonArray() throws Exception {
        Run table = oss.qos("pool", "list");
        Run json = oss.qos("pool", "list", "--json");

        assertOk(table);
        assertEquals("RESOURCE-POOL  CREATED\npool-ai        <time>\npool-web       <time>\n",
                QosEmulator.timeless(table.out()));
        assertOk(json);
        JsonNode pools = JSON.readTree(json.out());
        assertEquals(2, pools.size());
        assertEquals("pool-ai", pools.get(0).get("name").asText());
        assertEquals("pool-web", pools.get(1).get("name").asText());
        assertTrue(pools.get(0).get("createTime").asText().matches("[0-9-]+T[0-9:.]+Z"), json::out);
    }

    @Test
    void getsAResourcePoolWithItsQosItemByItem() throws Exception {
        Run table = oss.qos("pool", "get", "pool-ai");
        Run json = oss.qos("pool", "get", "pool-ai", "--json");

        assertOk(table);
        assertEquals(String.join("\n",
                "FIELD                      VALUE",
                "ResourcePool               pool-ai",
                "Region                     oss-cn-hangzhou",
                "Owner                      1234567890123456",
                "CreateTime                 <time>",
                "TotalUploadBandwidth       100 Gbit/s",
                "IntranetUploadBandwidth    50 Gbit/s",
                "ExtranetUploadBandwidth    20 Gbit/s",
                "TotalDownloadBandwidth     80 Gbit/s",
                "IntranetDownloadBandwidth  unlimited",
                "ExtranetDownloadBandwidth  unlimited",
                "TotalQps                   unlimited",
                "IntranetQps                unlimited",
                "ExtranetQps                unlimited", ""), QosEmulator.timeless(table.out()));
        assertOk(json);
        assertEquals(JSON.readTree("{\"name\":\"pool-ai\",\"region\":\"oss-cn-hangzhou\",\"owner\":\"1234567890123456\","
                + "\"createTime\":\"<time>\",\"qos\":{\"TotalUploadBandwidth\":100,\"IntranetUploadBandwidth\":50,"
                + "\"ExtranetUploadBandwidth\":20,\"TotalDownloadBandwidth\":80,\"IntranetDownloadBandwidth\":-1,"
                + "\"ExtranetDownloadBandwidth\":-1,\"TotalQps\":-1,\"IntranetQps\":-1,\"ExtranetQps\":-1}}"),
                JSON.readTree(QosEmulator.timeless(json.out())));
    }

    @Test
    void listsTheBucketsOfAResourcePool() throws Exception {
        Run table = oss.qos("pool", "buckets", "pool-ai");
        Run json = oss.qos("pool", "buckets", "pool-ai", "--json");

        assertOk(table);
        assertEquals("BUCKET       GROUP  JOINED\nai-bucket-1  -      <time>\nai-bucket-2  -      <time>\n",
                QosEmulator.timeless(table.out()));
        assertOk(json);
        assertEquals(JSON.readTree("[{\"name\":\"ai-bucket-1\",\"group\":null,\"joinTime\":\"<time>\"},"
                + "{\"name\":\"ai-bucket-2\",\"group\":null,\"joinTime\":\"<time>\"}]"),
                JSON.readTree(QosEmulator.timeless(json.out())));
    }

    @Test
    void putsGetsListsAndDeletesARequesterQosInAPool() throws Exception {
        Run put = oss.qos("pool-requester", "put", "pool-ai", "203300000000", "--total-upload", "20",
                "--intranet-upload", "10", "--extranet-upload", "forbidden", "--total-download", "30");
        Run get = oss.qos("pool-requester", "get", "pool-ai", "203300000000");
        Run getJson = oss.qos("pool-requester", "get", "pool-ai", "203300000000", "--json");
        Run list = oss.qos("pool-requester", "list", "pool-ai");
        Run delete = oss.qos("pool-requester", "delete", "pool-ai", "203300000000");
        Run after = oss.qos("pool-requester", "list", "pool-ai", "--json");

        assertOk(put);
        assertEquals(String.join("\n",
                "set the QoS of requester 203300000000 in resource pool pool-ai:",
                "FIELD                      VALUE",
                "TotalUploadBandwidth       20 Gbit/s",
                "IntranetUploadBandwidth    10 Gbit/s",
                "ExtranetUploadBandwidth    forbidden",
                "TotalDownloadBandwidth     30 Gbit/s",
                "IntranetDownloadBandwidth  unlimited",
                "ExtranetDownloadBandwidth  unlimited",
                "TotalQps                   -",
                "IntranetQps                -",
                "ExtranetQps                -", ""), put.out());
        assertOk(get);
        assertEquals(List.of("FIELD                      VALUE", "ResourcePool               pool-ai",
                "Requester                  203300000000", "TotalUploadBandwidth       20 Gbit/s"),
                get.outLines().subList(0, 4));
        assertOk(getJson);
        assertEquals(JSON.readTree("{\"resourcePool\":\"pool-ai\",\"requester\":\"203300000000\",\"qos\":{"
                + "\"TotalUploadBandwidth\":20,\"IntranetUploadBandwidth\":10,\"ExtranetUploadBandwidth\":0,"
                + "\"TotalDownloadBandwidth\":30,\"IntranetDownloadBandwidth\":-1,\"ExtranetDownloadBandwidth\":-1,"
                + "\"TotalQps\":-1,\"IntranetQps\":-1,\"ExtranetQps\":-1}}"), JSON.readTree(getJson.out()));
        assertOk(list);
        assertEquals(List.of(
                "REQUESTER     TOTAL-UP   INTRANET-UP  EXTRANET-UP  TOTAL-DOWN  INTRANET-DOWN  EXTRANET-DOWN  TOTAL-QPS"
                        + "  INTRANET-QPS  EXTRANET-QPS",
                "203300000000  20 Gbit/s  10 Gbit/s    forbidden    30 Gbit/s   unlimited      unlimited      unlimited"
                        + "  unlimited     unlimited"), list.outLines());
        assertOk(delete);
        assertEquals("deleted the QoS of requester 203300000000 in resource pool pool-ai\n", delete.out());
        assertOk(after);
        assertEquals(0, JSON.readTree(after.out()).size(), after::out);
    }

    @Test
    void pagesThroughTheRequestersOfAPoolOneEntryPerRequest() throws Exception {
        for (String requester : new String[] {"2001", "2002", "2003"}) {
            assertOk(oss.qos("pool-requester", "put", "pool-ai", requester, "--total-upload", "5"));
        }

        Run table = oss.qos("pool-requester", "list", "pool-ai", "--page-size", "1");
        Run json = oss.qos("pool-requester", "list", "pool-ai", "--page-size", "1", "--json");

        assertOk(table);
        assertEquals(List.of("REQUESTER", "2001", "2002", "2003"),
                table.outLines().stream().map(line -> line.substring(0, line.indexOf(' '))).toList());
        // widths are fixed by the first page (one row): the later rows keep them
        assertEquals(table.outLines().get(1).indexOf("5 Gbit/s"), table.outLines().get(3).indexOf("5 Gbit/s"));
        assertOk(json);
        JsonNode entries = JSON.readTree(json.out());
        assertEquals(List.of("2001", "2002", "2003"), List.of(entries.get(0).get("requester").asText(),
                entries.get(1).get("requester").asText(), entries.get(2).get("requester").asText()));
    }

    @Test
    void putAndDeleteSayWhatTheyDidInJson() throws Exception {
        Run put = oss.qos("pool-requester", "put", "pool-web", "2001", "--total-download", "5", "--total-qps", "100",
                "--json");
        Run delete = oss.qos("pool-requester", "delete", "pool-web", "2001", "--json");

        assertOk(put);
        assertEquals(JSON.readTree("{\"operation\":\"PutResourcePoolRequesterQoSInfo\",\"resourcePool\":\"pool-web\","
                + "\"requester\":\"2001\",\"qos\":{\"TotalUploadBandwidth\":-1,\"IntranetUploadBandwidth\":-1,"
                + "\"ExtranetUploadBandwidth\":-1,\"TotalDownloadBandwidth\":5,\"IntranetDownloadBandwidth\":-1,"
                + "\"ExtranetDownloadBandwidth\":-1,\"TotalQps\":100}}"), JSON.readTree(put.out()));
        assertOk(delete);
        assertEquals(JSON.readTree("{\"operation\":\"DeleteResourcePoolRequesterQoSInfo\",\"resourcePool\":\"pool-web\","
                + "\"requester\":\"2001\"}"), JSON.readTree(delete.out()));
    }

    static void assertOk(Run run) {
        assertEquals(0, run.exitCode(), run::err);
        assertEquals("", run.err());
    }
}
