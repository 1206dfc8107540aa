package dev.sluice.cli.internal;

import dev.sluice.qos.QosAdminClient;
import dev.sluice.qos.QosAdminClientBuilder;
import java.io.IOException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the four {@code qos} groups share: the client for a subcommand's options, and the rule that a value
 * refused by the client's own checks ({@code InvalidQosConfigurationException}, a bad bucket name) is bad
 * usage, exit code 2, since nothing was sent; OSS's refusals stay failures, exit code 1.
 */
abstract class QosGroup implements Runnable {

    /** The default {@code --page-size}, as the official SDKs ask for. */
    static final String PAGE_SIZE = "100";

    @Spec
    CommandSpec spec;

    @ParentCommand
    private QosCommand qos;

    /** One operation on an open client, writing to {@code report}. */
    @FunctionalInterface
    interface Operation {
        /** Runs the operation. */
        void run(QosAdminClient client, QosReport report) throws IOException;
    }

    /** {@code --json}, shared by every leaf command. */
    static final class Output {

        @Option(names = "--json", description = "Print JSON instead of a table (bandwidths as OSS writes them:"
                + " whole Gbit/s, -1 unlimited, 0 forbidden).")
        boolean json;

        /** Made by picocli. */
        Output() {
        }
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: try 'sluice qos " + spec.name() + " --help'");
    }

    /** Runs {@code operation} with a client for {@code oss}, listing {@code pageSize} entries per request. */
    int call(OssOptions oss, Output output, int pageSize, boolean preflight, Operation operation) throws IOException {
        if (pageSize < 1) { // OSS documents no maximum
            throw new ParameterException(spec.commandLine(), "--page-size " + pageSize + " is below the minimum of 1 entry");
        }
        QosAdminClientBuilder builder = oss.qosClient(spec, qos.environment()).pageSize(pageSize).preflight(preflight);
        QosReport report = new QosReport(spec.commandLine().getOut(), output.json, pageSize);
        try (QosAdminClient client = builder.build()) {
            operation.run(client, report);
        } catch (IllegalArgumentException refusedBeforeSending) {
            // InvalidQosConfigurationException names the item, the value and the allowed range
            throw new ParameterException(spec.commandLine(), refusedBeforeSending.getMessage(), refusedBeforeSending);
        }
        return ExitCode.OK;
    }

    /** As {@link #call(OssOptions, Output, int, boolean, Operation)} for an operation that lists nothing. */
    int call(OssOptions oss, Output output, Operation operation) throws IOException {
        return call(oss, output, Integer.parseInt(PAGE_SIZE), false, operation);
    }
}
