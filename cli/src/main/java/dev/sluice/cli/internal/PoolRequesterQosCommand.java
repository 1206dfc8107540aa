package dev.sluice.cli.internal;

import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.RequesterQosInfo;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice qos pool-requester put|get|list|delete}: requester QoS in a resource pool. */
@Command(name = "pool-requester", mixinStandardHelpOptions = true,
        description = "The QoS of a requester (RAM user or role, by UID) across a resource pool.")
final class PoolRequesterQosCommand extends QosGroup {

    /** Made by picocli. */
    PoolRequesterQosCommand() {
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "PutResourcePoolRequesterQoSInfo: sets the QoS of a requester in a resource pool; items not"
                    + " given are unlimited; a limited item is at least 5 Gbit/s.")
    int put(@Mixin OssOptions oss, @Mixin Output output, @Mixin QosValues values,
            @Option(names = "--preflight", description = "First read the pool and its requesters and refuse a value over"
                    + " the pool's item, or a sum over the requesters above it.") boolean preflight,
            @Parameters(index = "0", paramLabel = "POOL", description = "The resource pool.") String pool,
            @Parameters(index = "1", paramLabel = "REQUESTER", description = "The requester's UID.") String requester)
            throws IOException {
        return call(oss, output, Integer.parseInt(PAGE_SIZE), preflight, (client, report) -> {
            QoSConfiguration qos = values.configuration(spec);
            client.putResourcePoolRequesterQosInfo(pool, requester, qos);
            report.done("PutResourcePoolRequesterQoSInfo", "set the QoS of requester " + requester + " in resource pool "
                    + pool + ":", fields(pool, requester), qos);
        });
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "GetResourcePoolRequesterQoSInfo: the QoS of a requester in a resource pool.")
    int get(@Mixin OssOptions oss, @Mixin Output output,
            @Parameters(index = "0", paramLabel = "POOL", description = "The resource pool.") String pool,
            @Parameters(index = "1", paramLabel = "REQUESTER", description = "The requester's UID.") String requester)
            throws IOException {
        return call(oss, output, (client, report) -> {
            RequesterQosInfo info = client.getResourcePoolRequesterQosInfo(pool, requester);
            report.single(fields(pool, info.requester()), info.configuration());
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "ListResourcePoolRequesterQoSInfos: every requester QoS of a resource pool, page by page.")
    int list(@Mixin OssOptions oss, @Mixin Output output,
            @Option(names = "--page-size", paramLabel = "N", defaultValue = PAGE_SIZE,
                    description = "Entries per request (max-keys) (default: ${DEFAULT-VALUE}).") int pageSize,
            @Parameters(paramLabel = "POOL", description = "The resource pool.") String pool) throws IOException {
        return call(oss, output, pageSize, false,
                (client, report) -> report.requesters(client.listResourcePoolRequesterQosInfos(pool)));
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "DeleteResourcePoolRequesterQoSInfo: removes the QoS of a requester in a resource pool.")
    int delete(@Mixin OssOptions oss, @Mixin Output output,
            @Parameters(index = "0", paramLabel = "POOL", description = "The resource pool.") String pool,
            @Parameters(index = "1", paramLabel = "REQUESTER", description = "The requester's UID.") String requester)
            throws IOException {
        return call(oss, output, (client, report) -> {
            client.deleteResourcePoolRequesterQosInfo(pool, requester);
            report.done("DeleteResourcePoolRequesterQoSInfo", "deleted the QoS of requester " + requester
                    + " in resource pool " + pool, fields(pool, requester), null);
        });
    }

    private static List<QosReport.Field> fields(String pool, String requester) {
        return List.of(new QosReport.Field("ResourcePool", "resourcePool", pool),
                new QosReport.Field("Requester", "requester", requester));
    }
}
