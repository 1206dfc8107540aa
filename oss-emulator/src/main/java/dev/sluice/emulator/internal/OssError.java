package dev.sluice.emulator.internal;

/**
 * An OSS error answer, thrown by an operation and written by the handler as OSS error XML. The EC values
 * named in the protocol reference are used where it names one; the others are the emulator's best
 * knowledge and marked in {@link ErrorCodes}.
 */
final class OssError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String ec;

    OssError(int status, String code, String message, String ec) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.ec = ec;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String ec() {
        return ec;
    }
}
