package dev.sluice.throttle.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The textual form, the builder, and which rate holds when, in one zone without DST (UTC). */
class TimetableTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DataRate EIGHT_MIB = DataRate.ofMebibytesPerSecond(8);
    private static final DataRate ONE_MIB = DataRate.ofMebibytesPerSecond(1);

    @Test
    void readsADailyTimetableAndWritesItBackUnchanged() {
        Timetable daily = Timetable.parse("08:00,8MiB/s 23:00,off");

        assertEquals(List.of(TimetableEntry.daily(LocalTime.of(8, 0), EIGHT_MIB),
                TimetableEntry.daily(LocalTime.of(23, 0), DataRate.UNLIMITED)), daily.entries());
        assertEquals("08:00,8MiB/s 23:00,off", daily.toString());
        assertEquals(daily, Timetable.parse(daily.toString()));
    }

    @Test
    void readsAWeeklyTimetableAndWritesItBackUnchanged() {
        String text = "Mon-08:00,8MiB/s Mon-18:00,off Sat-00:00,1MiB/s";

        Timetable weekly = Timetable.parse(text);

        assertEquals(TimetableEntry.weekly(DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, ONE_MIB), weekly.entries().get(2));
        assertEquals(text, weekly.toString());
        assertEquals(weekly, Timetable.parse(weekly.toString()));
    }

    @Test
    void writesEntriesInCanonicalOrderWithCanonicalRates() {
        Timetable mixed = Timetable.parse("  Sat-00:00,unlimited 12:00,10240KiB/s\t08:00,819200bit/s ");

        assertEquals("08:00,100KiB/s 12:00,10MiB/s Sat-00:00,off", mixed.toString());
        assertEquals(mixed, Timetable.parse(mixed.toString()));
    }

    @Test
    void theBuilderMakesTheSameTimetableAsTheText() {
        Timetable built = Timetable.builder()
                .weekly(DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, ONE_MIB)
                .weekly(DayOfWeek.MONDAY, LocalTime.of(18, 0), DataRate.UNLIMITED)
                .weekly(DayOfWeek.MONDAY, LocalTime.of(8, 0), EIGHT_MIB)
                .build();

        assertEquals(Timetable.parse("Mon-08:00,8MiB/s Mon-18:00,off Sat-00:00,1MiB/s"), built);
    }

    @Test
    void eachDailyEntryHoldsUntilTheNextAndTheLastHoldsOverMidnight() {
        Timetable daily = Timetable.parse("08:00,8MiB/s 23:00,off");

        assertEquals(DataRate.UNLIMITED, daily.rateAt(utc(2026, 3, 2, 7, 59, 59)));
        assertEquals(EIGHT_MIB, daily.rateAt(utc(2026, 3, 2, 8, 0, 0)));
        assertEquals(EIGHT_MIB, daily.rateAt(utc(2026, 3, 2, 22, 59, 59)));
        assertEquals(DataRate.UNLIMITED, daily.rateAt(utc(2026, 3, 2, 23, 0, 0)));
        assertEquals(DataRate.UNLIMITED, daily.rateAt(utc(2026, 3, 3, 0, 30, 0)));
    }

    @Test
    void theNextChangeOfADailyTimetableRollsOverToTheNextDay() {
        Timetable daily = Timetable.parse("08:00,8MiB/s 23:00,off");

        assertEquals(Optional.of(utc(2026, 3, 2, 23, 0, 0)), daily.nextChange(utc(2026, 3, 2, 8, 0, 0)));
        assertEquals(Optional.of(utc(2026, 3, 3, 8, 0, 0)), daily.nextChange(utc(2026, 3, 2, 23, 0, 0)));
    }

    @Test
    void aWeeklyTimetableWrapsFromSundayIntoMonday() {
        // 2026-03-08 is a Sunday, 2026-03-09 a Monday
        Timetable weekly = Timetable.parse("Mon-08:00,8MiB/s Fri-18:00,off Sun-22:00,1MiB/s");

        assertEquals(DataRate.UNLIMITED, weekly.rateAt(utc(2026, 3, 8, 21, 59, 59)));
        assertEquals(ONE_MIB, weekly.rateAt(utc(2026, 3, 8, 22, 0, 0)));
        assertEquals(ONE_MIB, weekly.rateAt(utc(2026, 3, 9, 7, 59, 59)));
        assertEquals(EIGHT_MIB, weekly.rateAt(utc(2026, 3, 9, 8, 0, 0)));
        assertEquals(Optional.of(utc(2026, 3, 9, 8, 0, 0)), weekly.nextChange(utc(2026, 3, 8, 23, 0, 0)));
        assertEquals(Optional.of(utc(2026, 3, 8, 22, 0, 0)), weekly.nextChange(utc(2026, 3, 6, 18, 0, 0)));
    }

    @Test
    void aDailyEntryAlsoStartsOnDaysWithWeeklyEntries() {
        Timetable mixed = Timetable.parse("08:00,8MiB/s 12:00,10MiB/s Sat-00:00,off");

        assertEquals(DataRate.UNLIMITED, mixed.rateAt(utc(2026, 3, 7, 7, 0, 0)));
        assertEquals(EIGHT_MIB, mixed.rateAt(utc(2026, 3, 7, 8, 0, 0)));
        assertEquals(DataRate.ofMebibytesPerSecond(10), mixed.rateAt(utc(2026, 3, 8, 1, 0, 0)));
    }

    @Test
    void anEntryThatRepeatsTheRateBeforeItIsNoChange() {
        Timetable repeating = Timetable.parse("08:00,8MiB/s 12:00,8MiB/s 23:00,off");

        assertEquals(Optional.of(utc(2026, 3, 2, 23, 0, 0)), repeating.nextChange(utc(2026, 3, 2, 9, 0, 0)));
        assertEquals(Optional.empty(), Timetable.parse("08:00,8MiB/s 20:00,8MiB/s").nextChange(utc(2026, 3, 2, 9, 0, 0)));
    }

    @Test
    void aTimetableIsReadInTheZoneOfTheTimeItIsAskedAbout() {
        Timetable daily = Timetable.parse("08:00,8MiB/s 23:00,off");
        ZonedDateTime sevenUtc = utc(2026, 3, 2, 7, 0, 0);

        assertEquals(DataRate.UNLIMITED, daily.rateAt(sevenUtc));
        assertEquals(EIGHT_MIB, daily.rateAt(sevenUtc.withZoneSameInstant(ZoneId.of("Asia/Shanghai"))));
    }

    @Test
    void refusesAnEntryWithoutAComma() {
        assertRefused("08:00,8MiB/s 23:00", "timetable entry 2 \"23:00\": expected TIME,RATE or DAY-TIME,RATE,"
                + " e.g. \"08:00,8MiB/s\" or \"Mon-08:00,off\"");
    }

    @Test
    void refusesAnHourOutOfRange() {
        assertRefused("08:00,8MiB/s 25:00,off", "timetable entry 2 \"25:00,off\": hour 25 is out of range 00 to 23");
    }

    @Test
    void refusesAMinuteOutOfRange() {
        assertRefused("08:60,8MiB/s", "timetable entry 1 \"08:60,8MiB/s\": minute 60 is out of range 00 to 59");
    }

    @Test
    void refusesATimeThatIsNotTwoDigitsColonTwoDigits() {
        assertRefused("8:00,8MiB/s", "timetable entry 1 \"8:00,8MiB/s\": time \"8:00\" is not HH:MM (00:00 to 23:59)");
    }

    @Test
    void refusesAnUnknownDay() {
        assertRefused("Mon-08:00,8MiB/s Mox-18:00,off", "timetable entry 2 \"Mox-18:00,off\": unknown day \"Mox\""
                + " (expected Mon, Tue, Wed, Thu, Fri, Sat or Sun)");
    }

    @Test
    void refusesAMissingRate() {
        assertRefused("08:00,", "timetable entry 1 \"08:00,\": the rate is missing (a rate such as 8MiB/s, or off)");
    }

    @Test
    void refusesABadRateWithTheDataRateReason() {
        assertRefused("08:00,8KB/s 23:00,off", "timetable entry 1 \"08:00,8KB/s\": \"8KB/s\" is not a data rate:"
                + " \"KB/s\" is ambiguous; use kB/s (1000) or KiB/s (1024)");
    }

    @Test
    void refusesAnEmptyTimetable() {
        assertRefused(" ", "timetable \" \" has no entries, e.g. \"08:00,8MiB/s 23:00,off\"");
    }

    @Test
    void refusesTwoDailyEntriesAtTheSameTime() {
        assertRefused("08:00,8MiB/s 23:00,off 08:00,1MiB/s",
                "timetable entry 3 \"08:00,1MiB/s\" duplicates entry 1 \"08:00,8MiB/s\": both start at 08:00");
    }

    @Test
    void refusesTwoWeeklyEntriesAtTheSameDayAndTime() {
        assertRefused("Mon-08:00,8MiB/s Mon-08:00,off",
                "timetable entry 2 \"Mon-08:00,off\" duplicates entry 1 \"Mon-08:00,8MiB/s\": both start at Mon-08:00");
    }

    @Test
    void refusesAWeeklyEntryThatOverlapsADailyOne() {
        assertRefused("08:00,8MiB/s Tue-08:00,off",
                "timetable entry 2 \"Tue-08:00,off\" overlaps entry 1 \"08:00,8MiB/s\": both start at Tue-08:00");
    }

    @Test
    void theBuilderRefusesNoEntries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timetable.builder().build());
        assertEquals("a timetable needs at least one entry, e.g. \"08:00,8MiB/s 23:00,off\"", e.getMessage());
    }

    @Test
    void anEntryStartsOnWholeMinutesOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimetableEntry.daily(LocalTime.of(8, 0, 30), EIGHT_MIB));
        assertEquals("timetable entry start time 08:00:30 must be a whole minute (00:00 to 23:59)", e.getMessage());
    }

    private static void assertRefused(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timetable.parse(text));
        assertEquals(message, e.getMessage());
    }

    static ZonedDateTime utc(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(UTC);
    }
}
