package dev.sluice.cli;

import dev.sluice.cli.internal.SluiceCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The entry point of the {@code sluice} command. Exit codes: 0 when everything worked, 1 when a transfer
 * failed, a CRC-64 did not match or OSS refused a request, 2 for bad usage (an option or argument that is
 * wrong, or a QoS value the client's rules refuse, with a one-line message on standard error).
 */
public final class Main {

    private Main() {
    }

    /** Runs {@code sluice} with {@code args} on the standard streams and exits with its exit code. */
    public static void main(String[] args) {
        Charset console = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, console), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, console), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs {@code sluice} with {@code args}, writing results to {@code out} and progress and errors to
     * {@code err}, and returns the exit code instead of exiting (for tests and embedding).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return SluiceCommand.commandLine(out, err).execute(args);
    }
}
