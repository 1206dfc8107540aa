package dev.sluice.oss.internal;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.Request;
import dev.sluice.oss.OssResource;
import dev.sluice.oss.TrafficLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The checks both signers make before computing anything, so bad input never reaches the wire. */
public final class SigningChecks {

    private SigningChecks() {
    }

    /** Refuses null arguments, naming the one that is missing. */
    public static void requireInputs(Request request, OssResource resource, Credentials credentials, Instant now) {
        if (request == null) {
            throw new IllegalArgumentException("request to sign must not be null");
        }
        if (resource == null) {
            throw new IllegalArgumentException("OSS resource must not be null (use OssResource.region() for a region-level request)");
        }
        if (credentials == null) {
            throw new IllegalArgumentException("credentials must not be null: OSS requests are signed with an access key");
        }
        if (now == null) {
            throw new IllegalArgumentException("signing instant must not be null");
        }
    }

    /**
     * The whole seconds of {@code expiry}.
     *
     * @throws IllegalArgumentException if it is null, not whole seconds, or outside {@code min..max} s
     */
    public static long expirySeconds(Duration expiry, String what, long min, long max, String maxText) {
        if (expiry == null) {
            throw new IllegalArgumentException(what + " must not be null (" + min + ".." + max + " s" + maxText + ")");
        }
        if (expiry.getNano() != 0) {
            throw new IllegalArgumentException(what + " " + expiry.toMillis() + " ms is not a whole number of seconds ("
                    + min + ".." + max + " s" + maxText + ")");
        }
        long seconds = expiry.getSeconds();
        if (seconds < min || seconds > max) {
            throw new IllegalArgumentException(what + " " + seconds + " s is outside " + min + ".." + max + " s" + maxText);
        }
        return seconds;
    }

    /**
     * The whole seconds of {@code expiry}, at least one, no maximum.
     *
     * @throws IllegalArgumentException if it is null, not whole seconds, or under 1 s
     */
    public static long minimumExpirySeconds(Duration expiry, String what) {
        if (expiry == null) {
            throw new IllegalArgumentException(what + " must not be null (at least 1 s)");
        }
        if (expiry.getNano() != 0 || expiry.getSeconds() < 1) {
            String text = expiry.getNano() == 0 ? expiry.getSeconds() + " s" : expiry.toMillis() + " ms";
            throw new IllegalArgumentException(what + " " + text + " after signing is not a whole number of seconds of at least 1 s");
        }
        return expiry.getSeconds();
    }

    /**
     * Checks {@code x-oss-traffic-limit}: at most one of header and query parameter (OSS refuses both,
     * EC 0004-00000501), and a whole number of bit/s that {@link TrafficLimit} accepts.
     */
    public static void checkTrafficLimit(Request request, List<QueryParameter> query) {
        Optional<String> header = request.headers().first(TrafficLimit.NAME);
        Optional<String> parameter = query.stream().filter(p -> p.name().equals(TrafficLimit.NAME))
                .map(p -> p.value() == null ? "" : p.value()).findFirst();
        if (header.isPresent() && parameter.isPresent()) {
            throw new IllegalArgumentException(TrafficLimit.NAME + " is set both as a header (" + header.get().trim()
                    + " bit/s) and as a query parameter (" + parameter.get() + " bit/s); OSS refuses the request"
                    + " (EC 0004-00000501): never both on one request");
        }
        header.or(() -> parameter).ifPresent(SigningChecks::checkTrafficLimitValue);
    }

    private static void checkTrafficLimitValue(String value) {
        long bitsPerSecond;
        try {
            bitsPerSecond = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TrafficLimit.NAME + " \"" + value + "\" is not a whole number of bit/s ("
                    + TrafficLimit.MINIMUM.bitsPerSecond() + ".." + TrafficLimit.MAXIMUM.bitsPerSecond() + " bit/s)", e);
        }
        if (bitsPerSecond < 0) {
            throw new IllegalArgumentException(TrafficLimit.NAME + " " + bitsPerSecond + " bit/s is below the OSS minimum of "
                    + TrafficLimit.MINIMUM.bitsPerSecond() + " bit/s (" + TrafficLimit.MINIMUM + ")");
        }
        TrafficLimit.of(DataRate.ofBitsPerSecond(bitsPerSecond));
    }
}
