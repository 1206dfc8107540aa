package dev.sluice.cli.internal;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code sluice} command: its subcommands, exit codes and error handling. */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "sluice 0.1.0-SNAPSHOT",
        description = "Paces object-storage transfers to a bandwidth budget.",
        subcommands = {DemoCommand.class, CpCommand.class, PresignCommand.class, QosCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything worked",
            "1:a transfer failed, a CRC-64 did not match, or OSS refused a request",
            "2:bad usage: an option or argument was wrong (one line on stderr says which)"})
public final class SluiceCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    // read from the raw arguments by the error handlers; declared here so that every subcommand accepts it
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error, not just its one-line message.")
    private boolean verbose;

    private final Map<String, String> environment;

    private SluiceCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * The command line of {@code sluice}, writing results to {@code out} and progress and errors to
     * {@code err}.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, System.getenv());
    }

    /** As {@link #commandLine(PrintWriter, PrintWriter)}, reading credentials from {@code environment}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new SluiceCommand(environment));
        QuantityConverters.register(commandLine);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(SluiceCommand::usageError);
        commandLine.setExecutionExceptionHandler(SluiceCommand::failure);
        return commandLine;
    }

    /** The environment the subcommands read credentials from. */
    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: try 'sluice demo' or 'sluice --help'");
    }

    /** Bad usage: one line naming what was wrong, the stack trace only with --verbose; exit code 2. */
    private static int usageError(ParameterException wrong, String[] args) {
        PrintWriter err = wrong.getCommandLine().getErr();
        err.println("sluice: " + wrong.getMessage());
        if (List.of(args).contains("--verbose")) {
            wrong.printStackTrace(err);
        }
        err.flush();
        return ExitCode.USAGE;
    }

    /**
     * A failed run: one line naming the command, what failed and, for the OSS errors that have one, what to
     * do; the stack trace only with --verbose; exit code 1.
     */
    private static int failure(Exception thrown, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parsed.originalArgs().contains("--verbose");
        // a lazily paged listing fails inside its stream, which wraps the OSS error
        Throwable failed = thrown instanceof UncheckedIOException && thrown.getCause() != null ? thrown.getCause() : thrown;
        err.println(commandLine.getCommandSpec().qualifiedName(" ") + ": failed: " + describe(failed)
                + Remedies.of(failed).map(remedy -> "; " + remedy).orElse("")
                + (verbose ? "" : " (add --verbose for the stack trace)"));
        if (verbose) {
            failed.printStackTrace(err);
        }
        err.flush();
        return ExitCode.FAILED;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName() + (failure.getCause() == null ? "" : ": " + describe(failure.getCause()));
        }
        return message.strip().replace('\n', ' ');
    }
}
