package dev.sluice.cli.internal;

import dev.sluice.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** One in-process run of {@code sluice}: its exit code and what it wrote to each stream. */
record Run(int exitCode, String out, String err) {

    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** A run that reads {@code environment} instead of the process's. */
    static Run in(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SluiceCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), environment)
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    /** Standard error as lines, each progress-bar redraw ({@code \r}) counted as a line of its own. */
    List<String> errLines() {
        return err.lines().filter(line -> !line.isEmpty()).toList(); // String.lines() ends a line at \r too
    }
}
