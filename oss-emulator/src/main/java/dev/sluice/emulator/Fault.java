package dev.sluice.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A misbehaviour the emulator shows to requests that match a pattern, for reliability tests: the method
 * ({@code "*"} for any) and a glob over {@code bucket/key} ({@code *} any run of characters, {@code ?} one
 * character; a bucket-level request is {@code bucket/}). Faults are checked before authentication, so a
 * client sees them whatever it signs.
 *
 * <pre>{@code
 * Fault.on("GET", "photos/*").respond(503, "SlowDown").times(2);   // two 503s, then normal service
 * Fault.on("GET", "*").resetAfterResponseBytes(4096);              // connection dropped mid-download
 * Fault.on("PUT", "*").resetAfterRequestBytes(65536);              // connection dropped mid-upload
 * Fault.on("*", "*").delayFirstByte(Duration.ofMillis(500));       // slow first byte
 * Fault.on("GET", "*").stallAfter(8192, Duration.ofSeconds(2));    // body stops, then resumes
 * }</pre>
 *
 * <p>A fault applies to every matching request unless limited with {@link #times(int)}. Immutable.
 */
public final class Fault {

    /** What the emulator does to a matching request. */
    public enum Kind {
        /** Answer a status with an OSS error code instead of serving the request. */
        RESPOND,
        /** Close the connection after a number of response-body bytes. */
        RESET_AFTER_RESPONSE_BYTES,
        /** Close the connection after reading a number of request-body bytes. */
        RESET_AFTER_REQUEST_BYTES,
        /** Wait before sending the status line. */
        DELAY_FIRST_BYTE,
        /** Stop sending the response body for a while after a number of bytes. */
        STALL
    }

    private final String method;
    private final String glob;
    private final Pattern pattern;
    private final Kind kind;
    private final int status;
    private final String code;
    private final long bytes;
    private final Duration duration;
    private final int times;

    private Fault(String method, String glob, Kind kind, int status, String code, long bytes, Duration duration, int times) {
        this.method = method;
        this.glob = glob;
        this.pattern = compile(glob);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.bytes = bytes;
        this.duration = duration;
        this.times = times;
    }

    /**
     * The requests a fault will match: {@code method} ({@code GET}, {@code PUT}..., or {@code *}) and a glob
     * over {@code bucket/key}.
     *
     * @throws IllegalArgumentException if either is null or blank
     */
    public static Target on(String method, String bucketKeyGlob) {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("fault method must be an HTTP method or \"*\", was " + method);
        }
        if (bucketKeyGlob == null || bucketKeyGlob.isEmpty()) {
            throw new IllegalArgumentException("fault pattern must be a glob over bucket/key such as \"*\" or \"bucket/logs/*\", was "
                    + (bucketKeyGlob == null ? "null" : "empty"));
        }
        return new Target(method.toUpperCase(Locale.ROOT), bucketKeyGlob);
    }

    /**
     * This fault, applied to the next {@code count} matching requests only.
     *
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("fault count must be at least 1 request, was " + count);
        }
        return new Fault(method, glob, kind, status, code, bytes, duration, count);
    }

    /** Whether a request with this method on {@code bucket/key} matches. */
    public boolean matches(String requestMethod, String bucketAndKey) {
        return (method.equals("*") || method.equalsIgnoreCase(requestMethod)) && pattern.matcher(bucketAndKey).matches();
    }

    /** The method matched, or {@code *}. */
    public String method() {
        return method;
    }

    /** The glob over {@code bucket/key}. */
    public String glob() {
        return glob;
    }

    /** What happens. */
    public Kind kind() {
        return kind;
    }

    /** The status of a {@link Kind#RESPOND} fault, else 0. */
    public int status() {
        return status;
    }

    /** The OSS error code of a {@link Kind#RESPOND} fault, else empty. */
    public String code() {
        return code;
    }

    /** The byte count after which a reset or stall happens, else 0. */
    public long bytes() {
        return bytes;
    }

    /** How long a delay or stall lasts, else zero. */
    public Duration duration() {
        return duration;
    }

    /** How many matching requests it applies to; empty for all of them. */
    public OptionalInt times() {
        return times == 0 ? OptionalInt.empty() : OptionalInt.of(times);
    }

    /** For test reports: {@code Fault[GET photos/* RESPOND 503 SlowDown x2]}. */
    @Override
    public String toString() {
        String what;
        switch (kind) {
            case RESPOND:
                what = status + " " + code;
                break;
            case DELAY_FIRST_BYTE:
                what = duration.toString();
                break;
            case STALL:
                what = bytes + " B then " + duration;
                break;
            default:
                what = bytes + " B";
        }
        return "Fault[" + method + " " + glob + " " + kind + " " + what + (times == 0 ? "" : " x" + times) + "]";
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The requests a fault matches; pick what happens to them. */
    public static final class Target {

        private final String method;
        private final String glob;

        private Target(String method, String glob) {
            this.method = method;
            this.glob = glob;
        }

        /**
         * Answer {@code status} with an OSS error document carrying {@code code} ({@code 503 SlowDown},
         * {@code 500 InternalError}...).
         *
         * @throws IllegalArgumentException if the status is not 400..599 or the code is blank
         */
        public Fault respond(int status, String code) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("fault status must be an error status within 400..599, was " + status);
            }
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("fault error code must not be blank, e.g. SlowDown");
            }
            return new Fault(method, glob, Kind.RESPOND, status, code, 0, Duration.ZERO, 0);
        }

        /**
         * Send the status, headers and {@code bytes} bytes of the body, then close the connection.
         *
         * @throws IllegalArgumentException if {@code bytes} is negative
         */
        public Fault resetAfterResponseBytes(long bytes) {
            return new Fault(method, glob, Kind.RESET_AFTER_RESPONSE_BYTES, 0, "", requireBytes(bytes), Duration.ZERO, 0);
        }

        /**
         * Read {@code bytes} bytes of the request body, then close the connection without answering.
         *
         * @throws IllegalArgumentException if {@code bytes} is negative
         */
        public Fault resetAfterRequestBytes(long bytes) {
            return new Fault(method, glob, Kind.RESET_AFTER_REQUEST_BYTES, 0, "", requireBytes(bytes), Duration.ZERO, 0);
        }

        /**
         * Wait {@code delay} before sending the status line.
         *
         * @throws IllegalArgumentException if the delay is null or negative
         */
        public Fault delayFirstByte(Duration delay) {
            return new Fault(method, glob, Kind.DELAY_FIRST_BYTE, 0, "", 0, requireDuration(delay), 0);
        }

        /**
         * Send {@code bytes} bytes of the response body, stop for {@code stall}, then send the rest.
         *
         * @throws IllegalArgumentException if {@code bytes} is negative or the stall null or negative
         */
        public Fault stallAfter(long bytes, Duration stall) {
            return new Fault(method, glob, Kind.STALL, 0, "", requireBytes(bytes), requireDuration(stall), 0);
        }

        private static long requireBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("fault byte count must be at least 0 B, was " + bytes + " B");
            }
            return bytes;
        }

        private static Duration requireDuration(Duration duration) {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("fault duration must be zero or positive, was " + duration);
            }
            return Objects.requireNonNull(duration);
        }
    }
}
