package dev.sluice.throttle.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Boundaries on the two DST days of 2026 in {@code Europe/Berlin}: on 29 March 02:00 CET jumps to
 * 03:00 CEST (01:00 UTC); on 25 October 03:00 CEST falls back to 02:00 CET (01:00 UTC), so 02:00-02:59
 * happens twice.
 */
class TimetableDaylightSavingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DataRate ONE_MIB = DataRate.ofMebibytesPerSecond(1);
    private static final DataRate EIGHT_MIB = DataRate.ofMebibytesPerSecond(8);

    @Test
    void aStartInsideTheSpringForwardGapTakesEffectAtTheFirstInstantAfterIt() {
        Timetable daily = Timetable.parse("01:00,1MiB/s 02:30,8MiB/s 05:00,off");

        assertEquals(ONE_MIB, daily.rateAt(berlin("2026-03-29T00:59:59.999999999Z")));
        assertEquals(EIGHT_MIB, daily.rateAt(berlin("2026-03-29T01:00:00Z")));
        assertEquals(Optional.of(berlin("2026-03-29T01:00:00Z")), daily.nextChange(berlin("2026-03-29T00:30:00Z")));
        assertEquals("2026-03-29T03:00+02:00[Europe/Berlin]", daily.nextChange(berlin("2026-03-29T00:30:00Z")).get().toString());
    }

    @Test
    void theDayAfterTheGapTheStartIsAtItsLocalTimeAgain() {
        Timetable daily = Timetable.parse("01:00,1MiB/s 02:30,8MiB/s 05:00,off");

        assertEquals(Optional.of(berlin("2026-03-30T00:30:00Z")), daily.nextChange(berlin("2026-03-30T00:00:00Z")));
    }

    @Test
    void severalStartsInsideTheGapTakeEffectTogetherAndTheLatestWins() {
        Timetable daily = Timetable.parse("02:15,1MiB/s 02:45,8MiB/s 12:00,off");

        assertEquals(DataRate.UNLIMITED, daily.rateAt(berlin("2026-03-29T00:59:59Z")));
        assertEquals(EIGHT_MIB, daily.rateAt(berlin("2026-03-29T01:00:00Z")));
        assertEquals(Optional.of(berlin("2026-03-29T01:00:00Z")), daily.nextChange(berlin("2026-03-29T00:00:00Z")));
    }

    @Test
    void aStartInsideTheFallBackOverlapFiresOnceAtItsFirstOccurrence() {
        Timetable daily = Timetable.parse("00:00,off 02:30,8MiB/s 05:00,1MiB/s");

        assertEquals(DataRate.UNLIMITED, daily.rateAt(berlin("2026-10-25T00:29:59Z"))); // 02:29:59 CEST
        assertEquals(EIGHT_MIB, daily.rateAt(berlin("2026-10-25T00:30:00Z")));          // 02:30 CEST
        assertEquals(EIGHT_MIB, daily.rateAt(berlin("2026-10-25T01:15:00Z")));          // 02:15 CET, repeated hour
        assertEquals(EIGHT_MIB, daily.rateAt(berlin("2026-10-25T01:30:00Z")));          // 02:30 CET, no second start
        assertEquals("2026-10-25T02:30+02:00[Europe/Berlin]",
                daily.nextChange(berlin("2026-10-25T00:00:00Z")).get().toString());
        assertEquals("2026-10-25T05:00+01:00[Europe/Berlin]",
                daily.nextChange(berlin("2026-10-25T00:30:00Z")).get().toString());
    }

    @Test
    void theRepeatedHourDoesNotSwitchBackToTheEntryBefore() {
        Timetable daily = Timetable.parse("02:10,1MiB/s 02:50,8MiB/s 06:00,off");

        assertEquals(EIGHT_MIB, daily.rateAt(berlin("2026-10-25T00:55:00Z")));  // 02:55 CEST
        assertEquals(EIGHT_MIB, daily.rateAt(berlin("2026-10-25T01:20:00Z")));  // 02:20 CET, after 02:10 again
        assertEquals(Optional.of(berlin("2026-10-25T05:00:00Z")), daily.nextChange(berlin("2026-10-25T00:55:00Z")));
    }

    private static ZonedDateTime berlin(String instant) {
        return Instant.parse(instant).atZone(BERLIN);
    }
}
