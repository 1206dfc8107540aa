package dev.sluice.api.spi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads the text values of provider options ({@link TransportProvider#create}'s map), so that every
 * provider accepts the same forms and refuses a bad value with the same message.
 */
public final class ProviderOptions {

    private ProviderOptions() {
    }

    /**
     * {@code value} of option {@code option} as a positive duration: an ISO-8601 duration ({@code PT5S}) or
     * a whole number of milliseconds ({@code 5000}), surrounding blanks ignored.
     *
     * @throws IllegalArgumentException naming the option and the value if it is neither form, or not at
     *     least 1 ms
     */
    public static Duration duration(String option, String value) {
        String text = value.trim();
        Duration duration;
        try {
            duration = !text.isEmpty() && text.chars().allMatch(Character::isDigit)
                    ? Duration.ofMillis(Long.parseLong(text))
                    : Duration.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(option + " \"" + value + "\" is neither an ISO-8601 duration (PT5S)"
                    + " nor a whole number of milliseconds", e);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(option + " \"" + value + "\" must be a positive duration, at least 1 ms");
        }
        return duration;
    }

    /**
     * {@code value} of option {@code option}, surrounding blanks removed, if it is exactly one of
     * {@code allowed}; the provider maps it to its own type.
     *
     * @throws IllegalArgumentException naming the option, the value and the allowed values otherwise
     */
    public static String oneOf(String option, String value, String... allowed) {
        String text = value.trim();
        if (!List.of(allowed).contains(text)) {
            throw new IllegalArgumentException(option + " \"" + value + "\" is not one of " + String.join(", ", allowed));
        }
        return text;
    }
}
