package dev.sluice.cli.internal;

import dev.sluice.qos.ResourcePoolInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice qos pool list|get|buckets}: the resource pools of the region (created by Alibaba support). */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = "The resource pools of the region, their QoS and their buckets (read only: pools are made by"
                + " Alibaba Cloud support).")
final class PoolCommand extends QosGroup {

    /** Made by picocli. */
    PoolCommand() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "ListResourcePools: every resource pool of the account in the region, fetched page by page.")
    int list(@Mixin OssOptions oss, @Mixin Output output,
            @Option(names = "--page-size", paramLabel = "N", defaultValue = PAGE_SIZE,
                    description = "Entries per request (max-keys) (default: ${DEFAULT-VALUE}).") int pageSize)
            throws IOException {
        return call(oss, output, pageSize, false, (client, report) -> report.pools(client.listResourcePools()));
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "GetResourcePoolInfo: a resource pool and its QoS.")
    int get(@Mixin OssOptions oss, @Mixin Output output,
            @Parameters(paramLabel = "POOL", description = "The resource pool.") String pool) throws IOException {
        return call(oss, output, (client, report) -> {
            ResourcePoolInfo info = client.getResourcePoolInfo(pool);
            report.single(List.of(new QosReport.Field("ResourcePool", "name", info.name()),
                    new QosReport.Field("Region", "region", info.region().isEmpty() ? null : info.region()),
                    new QosReport.Field("Owner", "owner", info.owner().isEmpty() ? null : info.owner()),
                    new QosReport.Field("CreateTime", "createTime", info.createTime().map(Instant::toString).orElse(null))),
                    info.configuration());
        });
    }

    @Command(name = "buckets", mixinStandardHelpOptions = true,
            description = "ListResourcePoolBuckets: the buckets of a resource pool, fetched page by page.")
    int buckets(@Mixin OssOptions oss, @Mixin Output output,
            @Option(names = "--page-size", paramLabel = "N", defaultValue = PAGE_SIZE,
                    description = "Entries per request (max-keys) (default: ${DEFAULT-VALUE}).") int pageSize,
            @Parameters(paramLabel = "POOL", description = "The resource pool.") String pool) throws IOException {
        return call(oss, output, pageSize, false,
                (client, report) -> report.poolBuckets(client.listResourcePoolBuckets(pool)));
    }
}
