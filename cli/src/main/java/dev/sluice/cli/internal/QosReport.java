package dev.sluice.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.QosBandwidth;
import dev.sluice.qos.QosBandwidthItem;
import dev.sluice.qos.QosQps;
import dev.sluice.qos.RequesterQosInfo;
import dev.sluice.qos.ResourcePool;
import dev.sluice.qos.ResourcePoolBucket;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a {@code qos} subcommand prints on standard output: aligned tables for people, or with {@code --json}
 * JSON for scripts (bandwidths as the wire integers in Gbit/s, -1 unlimited, 0 forbidden, under their OSS
 * names). Listings are written entry by entry as the pages arrive, in both forms.
 */
final class QosReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    private static final List<String> REQUESTER_COLUMNS = List.of("REQUESTER", "TOTAL-UP", "INTRANET-UP", "EXTRANET-UP",
            "TOTAL-DOWN", "INTRANET-DOWN", "EXTRANET-DOWN", "TOTAL-QPS", "INTRANET-QPS", "EXTRANET-QPS");

    /**
     * One line of a single thing's report: its table label, its JSON name and its value (null: none).
     *
     * @param label the table's name for it, e.g. {@code Requester}
     * @param json the JSON member name, e.g. {@code requester}
     * @param value its text, or null when OSS did not say (table "-", JSON null)
     */
    record Field(String label, String json, String value) {
    }

    private final PrintWriter out;
    private final boolean json;
    private final int batch;

    /** A report on {@code out}, as JSON or tables; tables of listings fix their widths on {@code batch} rows. */
    QosReport(PrintWriter out, boolean json, int batch) {
        this.out = out;
        this.json = json;
        this.batch = batch;
    }

    /** One bucket, requester or pool: its fields, then its QoS items. */
    void single(List<Field> fields, QoSConfiguration qos) throws IOException {
        if (json) {
            ObjectNode node = fields(fields);
            node.set("qos", qosNode(qos));
            writeJson(node);
            return;
        }
        try (Table table = new Table(out, List.of("FIELD", "VALUE"), Integer.MAX_VALUE)) {
            for (Field field : fields) {
                table.row(List.of(field.label(), field.value() == null ? "-" : field.value()));
            }
            for (QosBandwidthItem item : QosBandwidthItem.values()) {
                table.row(List.of(item.xmlName(), text(qos.bandwidth(item))));
            }
            table.row(List.of("TotalQps", text(qos.totalQps())));
            table.row(List.of("IntranetQps", text(qos.intranetQps())));
            table.row(List.of("ExtranetQps", text(qos.extranetQps())));
        }
    }

    /** A change that went through: a sentence for people, the fields (and the QoS set, if any) for scripts. */
    void done(String operation, String sentence, List<Field> fields, QoSConfiguration qos) throws IOException {
        if (json) {
            ObjectNode node = JSON.createObjectNode().put("operation", operation);
            node.setAll(fields(fields));
            if (qos != null) {
                node.set("qos", qosNode(qos));
            }
            writeJson(node);
            return;
        }
        out.println(sentence);
        if (qos != null) {
            single(List.of(), qos);
        }
        out.flush();
    }

    /** The requester QoS entries of a bucket or pool, one row each. */
    void requesters(Stream<RequesterQosInfo> infos) throws IOException {
        list(infos, REQUESTER_COLUMNS, info -> {
            List<String> row = new ArrayList<>();
            row.add(info.requester());
            QoSConfiguration qos = info.configuration();
            for (QosBandwidthItem item : QosBandwidthItem.values()) {
                row.add(text(qos.bandwidth(item)));
            }
            row.add(text(qos.totalQps()));
            row.add(text(qos.intranetQps()));
            row.add(text(qos.extranetQps()));
            return row;
        }, info -> {
            ObjectNode node = JSON.createObjectNode().put("requester", info.requester());
            node.set("qos", qosNode(info.configuration()));
            return node;
        });
    }

    /** The resource pools of the region. */
    void pools(Stream<ResourcePool> pools) throws IOException {
        list(pools, List.of("RESOURCE-POOL", "CREATED"), pool -> List.of(pool.name(), time(pool.createTime())),
                pool -> JSON.createObjectNode().put("name", pool.name()).put("createTime", instant(pool.createTime())));
    }

    /** The buckets of a resource pool. */
    void poolBuckets(Stream<ResourcePoolBucket> buckets) throws IOException {
        list(buckets, List.of("BUCKET", "GROUP", "JOINED"),
                bucket -> List.of(bucket.name(), bucket.group().orElse("-"), time(bucket.joinTime())),
                bucket -> JSON.createObjectNode().put("name", bucket.name()).put("group", bucket.group().orElse(null))
                        .put("joinTime", instant(bucket.joinTime())));
    }

    private <T> void list(Stream<T> entries, List<String> columns, Function<T, List<String>> row,
            Function<T, ObjectNode> node) throws IOException {
        try (entries) {
            Iterator<T> each = entries.iterator();
            if (!json) {
                try (Table table = new Table(out, columns, batch)) {
                    while (each.hasNext()) {
                        table.row(row.apply(each.next()));
                    }
                }
                return;
            }
            each.hasNext(); // the first page before the first character: a refused listing prints nothing
            try (JsonGenerator array = JSON.createGenerator(out)) {
                array.writeStartArray();
                while (each.hasNext()) {
                    array.writeTree(node.apply(each.next()));
                    array.flush(); // each entry as its page arrives
                }
                array.writeEndArray();
            }
            out.println();
            out.flush();
        }
    }

    private void writeJson(ObjectNode node) throws IOException {
        out.println(JSON.writeValueAsString(node));
        out.flush();
    }

    private static ObjectNode fields(List<Field> fields) {
        ObjectNode node = JSON.createObjectNode();
        fields.forEach(field -> node.put(field.json(), field.value()));
        return node;
    }

    /** The configuration under the OSS item names, as wire integers; absent request-rate items left out. */
    static ObjectNode qosNode(QoSConfiguration qos) {
        ObjectNode node = JSON.createObjectNode();
        for (QosBandwidthItem item : QosBandwidthItem.values()) {
            node.put(item.xmlName(), qos.bandwidth(item).gigabitsPerSecond());
        }
        qos.totalQps().ifPresent(qps -> node.put("TotalQps", qps.requestsPerSecond()));
        qos.intranetQps().ifPresent(qps -> node.put("IntranetQps", qps.requestsPerSecond()));
        qos.extranetQps().ifPresent(qps -> node.put("ExtranetQps", qps.requestsPerSecond()));
        return node;
    }

    /** {@code 10 Gbit/s}, {@code unlimited} or {@code forbidden}. */
    static String text(QosBandwidth bandwidth) {
        return bandwidth.isUnlimited() ? "unlimited" : bandwidth.isForbidden() ? "forbidden" : bandwidth.toString();
    }

    private static String text(Optional<QosQps> qps) {
        return qps.map(value -> value.isUnlimited() ? "unlimited" : value.toString()).orElse("-");
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse("-");
    }

    private static String instant(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
