package dev.sluice.cli.internal;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice qos}: the fourteen QoS admin operations of OSS, in four groups. */
@Command(name = "qos", mixinStandardHelpOptions = true,
        description = {"Reads and changes the bandwidth and request-rate QoS of buckets, resource pools and their"
                + " requesters (RAM users and roles, by UID). Bandwidths are whole Gbit/s as OSS counts them: -1 (or"
                + " unlimited) for no limit of its own, 0 (or forbidden) to block that traffic; a limited requester"
                + " item is at least 5 Gbit/s. Credentials come from OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET.",
            ""},
        subcommands = {BucketQosCommand.class, BucketRequesterQosCommand.class, PoolCommand.class,
            PoolRequesterQosCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 OSS refused or failed (one line with its code, message and request id),"
                + " 2 bad usage or a value the QoS rules refuse (nothing was sent)."})
final class QosCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private SluiceCommand parent;

    /** Made by picocli. */
    QosCommand() {
    }

    /** The environment credentials are read from. */
    Map<String, String> environment() {
        return parent.environment();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: try 'sluice qos --help'");
    }
}
