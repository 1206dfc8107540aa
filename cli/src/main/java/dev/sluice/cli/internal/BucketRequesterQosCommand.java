package dev.sluice.cli.internal;

import dev.sluice.qos.QoSConfiguration;
import dev.sluice.qos.RequesterQosInfo;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice qos bucket-requester put|get|list|delete}: requester QoS in a bucket. */
@Command(name = "bucket-requester", mixinStandardHelpOptions = true,
        description = "The QoS of a requester (RAM user or role, by UID) in one bucket.")
final class BucketRequesterQosCommand extends QosGroup {

    /** Made by picocli. */
    BucketRequesterQosCommand() {
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "PutBucketRequesterQoSInfo: sets the QoS of a requester in a bucket; items not given are"
                    + " unlimited; a limited item is at least 5 Gbit/s.")
    int put(@Mixin OssOptions oss, @Mixin Output output, @Mixin QosValues values,
            @Option(names = "--preflight", description = "First read the bucket's QoS and refuse a value over its item.")
            boolean preflight,
            @Parameters(index = "0", paramLabel = "BUCKET", description = "The bucket.") String bucket,
            @Parameters(index = "1", paramLabel = "REQUESTER", description = "The requester's UID.") String requester)
            throws IOException {
        return call(oss, output, Integer.parseInt(PAGE_SIZE), preflight, (client, report) -> {
            QoSConfiguration qos = values.configuration(spec);
            client.putBucketRequesterQosInfo(bucket, requester, qos);
            report.done("PutBucketRequesterQoSInfo", "set the QoS of requester " + requester + " in bucket " + bucket + ":",
                    fields(bucket, requester), qos);
        });
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "GetBucketRequesterQoSInfo: the QoS of a requester in a bucket.")
    int get(@Mixin OssOptions oss, @Mixin Output output,
            @Parameters(index = "0", paramLabel = "BUCKET", description = "The bucket.") String bucket,
            @Parameters(index = "1", paramLabel = "REQUESTER", description = "The requester's UID.") String requester)
            throws IOException {
        return call(oss, output, (client, report) -> {
            RequesterQosInfo info = client.getBucketRequesterQosInfo(bucket, requester);
            report.single(fields(bucket, info.requester()), info.configuration());
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "ListBucketRequesterQoSInfos: every requester QoS of a bucket, fetched page by page.")
    int list(@Mixin OssOptions oss, @Mixin Output output,
            @Option(names = "--page-size", paramLabel = "N", defaultValue = PAGE_SIZE,
                    description = "Entries per request (max-keys) (default: ${DEFAULT-VALUE}).") int pageSize,
            @Parameters(paramLabel = "BUCKET", description = "The bucket.") String bucket) throws IOException {
        return call(oss, output, pageSize, false,
                (client, report) -> report.requesters(client.listBucketRequesterQosInfos(bucket)));
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "DeleteBucketRequesterQoSInfo: removes the QoS of a requester in a bucket.")
    int delete(@Mixin OssOptions oss, @Mixin Output output,
            @Parameters(index = "0", paramLabel = "BUCKET", description = "The bucket.") String bucket,
            @Parameters(index = "1", paramLabel = "REQUESTER", description = "The requester's UID.") String requester)
            throws IOException {
        return call(oss, output, (client, report) -> {
            client.deleteBucketRequesterQosInfo(bucket, requester);
            report.done("DeleteBucketRequesterQoSInfo", "deleted the QoS of requester " + requester + " in bucket " + bucket,
                    fields(bucket, requester), null);
        });
    }

    private static List<QosReport.Field> fields(String bucket, String requester) {
        return List.of(new QosReport.Field("Bucket", "bucket", bucket),
                new QosReport.Field("Requester", "requester", requester));
    }
}
