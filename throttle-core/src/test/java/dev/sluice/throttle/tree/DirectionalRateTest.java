package dev.sluice.throttle.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import org.junit.jupiter.api.Test;

/** The {@code UP:DOWN} value type. */
class DirectionalRateTest {

    @Test
    void readsUploadBeforeTheColonAndDownloadAfterIt() {
        DirectionalRate rates = DirectionalRate.parse("8MiB/s:1MiB/s");

        assertEquals(DataRate.ofMebibytesPerSecond(8), rates.upload());
        assertEquals(DataRate.ofMebibytesPerSecond(1), rates.download());
        assertEquals(DataRate.ofMebibytesPerSecond(1), rates.get(Direction.DOWNLOAD));
    }

    @Test
    void oneRateAppliesToBothDirections() {
        assertEquals(DirectionalRate.both(DataRate.ofBitsPerSecond(819_200)), DirectionalRate.parse("819200bit/s"));
    }

    @Test
    void offOnOneSideMeansThatSideIsNotLimited() {
        DirectionalRate rates = DirectionalRate.parse("off:1MiB/s");

        assertEquals(DataRate.UNLIMITED, rates.upload());
        assertEquals(DirectionalRate.OFF, DirectionalRate.parse("off"));
    }

    @Test
    void printsTheCompactFormThatParseReadsBack() {
        for (String text : new String[] {"8MiB/s:1MiB/s", "100KiB/s", "off:1MiB/s", "8Mbit/s:off", "off"}) {
            assertEquals(text, DirectionalRate.parse(text).toString());
            assertEquals(DirectionalRate.parse(text), DirectionalRate.parse(DirectionalRate.parse(text).toString()));
        }
    }

    @Test
    void replacesOneSideWithWith() {
        assertEquals(DirectionalRate.parse("8MiB/s:2MiB/s"),
                DirectionalRate.parse("8MiB/s").with(Direction.DOWNLOAD, DataRate.ofMebibytesPerSecond(2)));
    }

    @Test
    void refusesASideThatIsNotARateNamingTheSideAndTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DirectionalRate.parse("8MiB/s:fast"));
        assertEquals("download rate \"fast\" in \"8MiB/s:fast\" is not a rate such as 8MiB/s, 819200bit/s or off: "
                + messageOf(() -> DataRate.parse("fast")), e.getMessage());
    }

    @Test
    void refusesMoreThanOneColon() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DirectionalRate.parse("1MiB/s:2MiB/s:3MiB/s"));
        assertEquals("directional rate \"1MiB/s:2MiB/s:3MiB/s\" has more than one ':'; write UP:DOWN,"
                + " e.g. \"8MiB/s:1MiB/s\"", e.getMessage());
    }

    @Test
    void refusesBlankAndNullText() {
        assertEquals("directional rate must be RATE or UP:DOWN (e.g. \"8MiB/s:1MiB/s\", a side may be off), was \" \"",
                messageOf(() -> DirectionalRate.parse(" ")));
        assertEquals("directional rate must be RATE or UP:DOWN (e.g. \"8MiB/s:1MiB/s\", a side may be off), was null",
                messageOf(() -> DirectionalRate.parse(null)));
    }

    @Test
    void refusesNullSides() {
        assertEquals("upload and download rates must not be null (use DataRate.UNLIMITED for no limit), were null and"
                + " 1 MiB/s", messageOf(() -> DirectionalRate.of(null, DataRate.ofMebibytesPerSecond(1))));
    }

    static String messageOf(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }
}
