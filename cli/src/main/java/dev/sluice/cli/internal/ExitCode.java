package dev.sluice.cli.internal;

/** The exit codes scripts can rely on. */
final class ExitCode {

    /** Everything worked. */
    static final int OK = 0;
    /** A transfer failed, or a CRC-64 did not match. */
    static final int FAILED = 1;
    /** Bad usage: an option or argument was wrong; nothing was transferred. */
    static final int USAGE = 2;

    private ExitCode() {
    }
}
