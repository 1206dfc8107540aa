package dev.sluice.throttle.schedule;

import static dev.sluice.throttle.schedule.TimetableTest.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.tree.Direction;
import dev.sluice.throttle.tree.DirectionalRate;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timetables with rclone's {@code UP:DOWN} rates, and a lone rate as a constant limit. */
class DirectionalTimetableTest {

    private static final DataRate EIGHT_MIB = DataRate.ofMebibytesPerSecond(8);
    private static final DataRate ONE_MIB = DataRate.ofMebibytesPerSecond(1);

    @Test
    void anUpDownSlotLimitsEachDirectionOnItsOwnAndOffLiftsBoth() {
        Timetable week = Timetable.parse("Mon-08:00,8MiB/s:1MiB/s Mon-18:00,off"); // 2026-03-02 is a Monday

        assertTrue(week.split());
        assertEquals(EIGHT_MIB, week.rateAt(utc(2026, 3, 2, 8, 0, 0), Direction.UPLOAD));
        assertEquals(ONE_MIB, week.rateAt(utc(2026, 3, 2, 8, 0, 0), Direction.DOWNLOAD));
        assertEquals(DirectionalRate.of(EIGHT_MIB, ONE_MIB), week.ratesAt(utc(2026, 3, 2, 17, 59, 59)));
        assertEquals(DirectionalRate.OFF, week.ratesAt(utc(2026, 3, 2, 18, 0, 0)));
        assertEquals(DirectionalRate.OFF, week.ratesAt(utc(2026, 3, 2, 7, 59, 59)), "Monday 18:00 holds round the week");
    }

    @Test
    void aOneSidedSlotLeavesTheOtherDirectionUnlimited() {
        Timetable uploadsOnly = Timetable.parse("08:00,8MiB/s:off 23:00,off");

        assertEquals(EIGHT_MIB, uploadsOnly.rateAt(utc(2026, 3, 2, 12, 0, 0), Direction.UPLOAD));
        assertEquals(DataRate.UNLIMITED, uploadsOnly.rateAt(utc(2026, 3, 2, 12, 0, 0), Direction.DOWNLOAD));
    }

    @Test
    void aPlainRateLimitsBothDirectionsAndIsNotSplit() {
        Timetable daily = Timetable.parse("08:00,8MiB/s 23:00,off");

        assertFalse(daily.split());
        assertEquals(DirectionalRate.both(EIGHT_MIB), daily.ratesAt(utc(2026, 3, 2, 12, 0, 0)));
        assertEquals(EIGHT_MIB, daily.rateAt(utc(2026, 3, 2, 12, 0, 0), Direction.DOWNLOAD));
        assertEquals(EIGHT_MIB, daily.entries().get(0).rate());
    }

    @Test
    void theSingleRateViewOfASplitTimetableSaysWhichViewToUse() {
        Timetable week = Timetable.parse("Mon-08:00,8MiB/s:1MiB/s Mon-18:00,off");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> week.rateAt(utc(2026, 3, 2, 9, 0, 0)));
        assertEquals("timetable \"Mon-08:00,8MiB/s:1MiB/s Mon-18:00,off\" limits uploads and downloads differently;"
                + " read rateAt(time, direction) or ratesAt(time)", e.getMessage());
        IllegalStateException entry = assertThrows(IllegalStateException.class, () -> week.entries().get(0).rate());
        assertEquals("timetable entry \"Mon-08:00,8MiB/s:1MiB/s\" limits uploads and downloads differently;"
                + " read rates() or rate(Direction)", entry.getMessage());
    }

    @Test
    void theTextualFormRoundTripsWithBothSidesWrittenOnceWhenEqual() {
        String text = "08:00,8MiB/s:1MiB/s 12:00,2MiB/s 23:00,off:1MiB/s Sat-00:00,8MiB/s:off";
        Timetable timetable = Timetable.parse(text);

        assertEquals(text, timetable.toString());
        assertEquals(timetable, Timetable.parse(timetable.toString()));
        assertEquals("08:00,8MiB/s", Timetable.parse("08:00,8MiB/s:8MiB/s").toString());
    }

    @Test
    void theBuilderTakesDirectionalRatesAndPlainOnesMeanBoth() {
        Timetable built = Timetable.builder()
                .weekly(DayOfWeek.MONDAY, LocalTime.of(8, 0), DirectionalRate.of(EIGHT_MIB, ONE_MIB))
                .weekly(DayOfWeek.MONDAY, LocalTime.of(18, 0), DataRate.UNLIMITED)
                .build();

        assertEquals(Timetable.parse("Mon-08:00,8MiB/s:1MiB/s Mon-18:00,off"), built);
    }

    @Test
    void aChangeOnOneSideOnlyIsANextChange() {
        Timetable timetable = Timetable.parse("08:00,8MiB/s 12:00,8MiB/s:1MiB/s 13:00,8MiB/s:1MiB/s 23:00,off");

        assertEquals(utc(2026, 3, 2, 12, 0, 0), timetable.nextChange(utc(2026, 3, 2, 9, 0, 0)).orElseThrow());
        assertEquals(utc(2026, 3, 2, 23, 0, 0), timetable.nextChange(utc(2026, 3, 2, 12, 0, 0)).orElseThrow(),
                "13:00 repeats 12:00's rates, so it is no change");
    }

    @Test
    void aLoneRateIsAConstantLimitWrittenAsTheRateAlone() {
        Timetable constant = Timetable.parse("10MiB/s:1MiB/s");

        assertEquals(List.of(TimetableEntry.daily(LocalTime.MIDNIGHT,
                DirectionalRate.of(DataRate.ofMebibytesPerSecond(10), ONE_MIB))), constant.entries());
        assertEquals(DirectionalRate.of(DataRate.ofMebibytesPerSecond(10), ONE_MIB), constant.ratesAt(utc(2026, 3, 2, 3, 0, 0)));
        assertTrue(constant.nextChange(utc(2026, 3, 2, 3, 0, 0)).isEmpty());
        assertEquals("10MiB/s:1MiB/s", constant.toString());
        assertEquals("8MiB/s", Timetable.parse("00:00,8MiB/s").toString());
        assertEquals(DataRate.UNLIMITED, Timetable.parse("off").rateAt(utc(2026, 3, 2, 3, 0, 0)));
    }

    @Test
    void aBadUploadSideIsNamedWithItsEntry() {
        assertRefused("08:00,8MiB/x:1MiB/s 23:00,off", "timetable entry 1 \"08:00,8MiB/x:1MiB/s\": upload rate"
                + " \"8MiB/x\" in \"8MiB/x:1MiB/s\" is not a rate such as 8MiB/s, 819200bit/s or off: "
                + message(() -> DataRate.parse("8MiB/x")));
    }

    @Test
    void aSlotWithTwoColonsIsRefused() {
        assertRefused("08:00,8MiB/s:1MiB/s:off", "timetable entry 1 \"08:00,8MiB/s:1MiB/s:off\": directional rate"
                + " \"8MiB/s:1MiB/s:off\" has more than one ':'; write UP:DOWN, e.g. \"8MiB/s:1MiB/s\"");
    }

    @Test
    void aLoneWordThatIsNoRateSaysBothReadings() {
        assertRefused("soon", "timetable entry 1 \"soon\": expected one RATE, or TIME,RATE or DAY-TIME,RATE"
                + " entries, e.g. \"8MiB/s\", \"8MiB/s:1MiB/s\" or \"08:00,8MiB/s 23:00,off\"; as a rate: "
                + message(() -> DataRate.parse("soon")));
    }

    @Test
    void aLoneRateAmongEntriesIsStillAnEntryWithoutATime() {
        assertRefused("8MiB/s 23:00,off", "timetable entry 1 \"8MiB/s\": expected TIME,RATE or DAY-TIME,RATE,"
                + " e.g. \"08:00,8MiB/s\" or \"Mon-08:00,off\"");
    }

    private static String message(Runnable refused) {
        return assertThrows(IllegalArgumentException.class, refused::run).getMessage();
    }

    private static void assertRefused(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timetable.parse(text));
        assertEquals(message, e.getMessage());
    }
}
