package dev.sluice.cli.internal;

import dev.sluice.qos.QoSConfiguration;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice qos bucket put|get|delete BUCKET}: the QoS of a bucket (PutBucketQoSInfo and its kin). */
@Command(name = "bucket", mixinStandardHelpOptions = true,
        description = "The QoS of a bucket: its own ceiling inside its resource pool.")
final class BucketQosCommand extends QosGroup {

    /** Made by picocli. */
    BucketQosCommand() {
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "PutBucketQoSInfo: sets the QoS of a bucket; items not given are unlimited.")
    int put(@Mixin OssOptions oss, @Mixin Output output, @Mixin QosValues values,
            @Option(names = "--preflight", description = "First read the bucket's resource pool and refuse a value"
                    + " over the pool's item (costs a few requests).") boolean preflight,
            @Parameters(paramLabel = "BUCKET", description = "The bucket.") String bucket) throws IOException {
        return call(oss, output, Integer.parseInt(PAGE_SIZE), preflight, (client, report) -> {
            QoSConfiguration qos = values.configuration(spec);
            client.putBucketQosInfo(bucket, qos);
            report.done("PutBucketQoSInfo", "set the QoS of bucket " + bucket + ":",
                    List.of(new QosReport.Field("Bucket", "bucket", bucket)), qos);
        });
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "GetBucketQoSInfo: the QoS of a bucket.")
    int get(@Mixin OssOptions oss, @Mixin Output output,
            @Parameters(paramLabel = "BUCKET", description = "The bucket.") String bucket) throws IOException {
        return call(oss, output, (client, report) -> report.single(
                List.of(new QosReport.Field("Bucket", "bucket", bucket)), client.getBucketQosInfo(bucket)));
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "DeleteBucketQoSInfo: removes the QoS of a bucket (every item unlimited again).")
    int delete(@Mixin OssOptions oss, @Mixin Output output,
            @Parameters(paramLabel = "BUCKET", description = "The bucket.") String bucket) throws IOException {
        return call(oss, output, (client, report) -> {
            client.deleteBucketQosInfo(bucket);
            report.done("DeleteBucketQoSInfo", "deleted the QoS of bucket " + bucket,
                    List.of(new QosReport.Field("Bucket", "bucket", bucket)), null);
        });
    }
}
