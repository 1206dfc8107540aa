package dev.sluice.cli.internal;

/** The exit codes scripts can rely on. */
final class ExitCode {

    /** Everything worked. */
    static final int OK = 0;
    /** A transfer failed, a CRC-64 did not match, or OSS refused a request (its error code in the message). */
    static final int FAILED = 1;
    /**
     * Bad usage: an option or argument was wrong, or a value broke a rule the client checks before sending
     * (a QoS rule, a part size); nothing was transferred or changed.
     */
    static final int USAGE = 2;

    private ExitCode() {
    }
}
