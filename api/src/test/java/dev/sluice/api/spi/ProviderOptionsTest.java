package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The option values every transport provider reads alike, and the exact messages for bad ones. */
class ProviderOptionsTest {

    @Test
    void readsAnIso8601DurationOrWholeMillisecondsIgnoringBlanks() {
        assertEquals(Duration.ofSeconds(5), ProviderOptions.duration("connect-timeout", " PT5S "));
        assertEquals(Duration.ofMillis(1500), ProviderOptions.duration("connect-timeout", "1500"));
    }

    @Test
    void refusesADurationInNeitherFormNamingTheOptionAndTheValue() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ProviderOptions.duration("read-timeout", "5s"));

        assertEquals("read-timeout \"5s\" is neither an ISO-8601 duration (PT5S) nor a whole number of milliseconds",
                refused.getMessage());
    }

    @Test
    void refusesAnEmptyDurationAsNeitherForm() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ProviderOptions.duration("read-timeout", " "));

        assertEquals("read-timeout \" \" is neither an ISO-8601 duration (PT5S) nor a whole number of milliseconds",
                refused.getMessage());
    }

    @Test
    void refusesAZeroOrNegativeDurationNamingTheLeastAllowed() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ProviderOptions.duration("connect-timeout", "0"));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> ProviderOptions.duration("connect-timeout", "PT-1S"));

        assertEquals("connect-timeout \"0\" must be a positive duration, at least 1 ms", zero.getMessage());
        assertEquals("connect-timeout \"PT-1S\" must be a positive duration, at least 1 ms", negative.getMessage());
    }

    @Test
    void acceptsOneOfTheAllowedValuesTrimmedAndRefusesOthersListingThem() {
        assertEquals("HTTP_2", ProviderOptions.oneOf("http-version", " HTTP_2 ", "HTTP_1_1", "HTTP_2"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ProviderOptions.oneOf("http-version", "http_2", "HTTP_1_1", "HTTP_2"));

        assertEquals("http-version \"http_2\" is not one of HTTP_1_1, HTTP_2", refused.getMessage());
    }
}
