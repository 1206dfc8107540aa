package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.schedule.AppliedTimetable;
import dev.sluice.throttle.schedule.Timetable;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The README's timetable example, line for line, with what its comments claim. It starts and closes the
 * timetable on the real clock without waiting for any boundary. If this stops compiling, the README is wrong.
 */
class ReadmeTimetableTest {

    @Test
    void timetableExampleRunsAsWritten() {
        Timetable office = Timetable.parse("Mon-08:00,8MiB/s Mon-18:00,off Sat-00:00,1MiB/s");
        Timetable nightly = Timetable.parse("08:00,8MiB/s 23:00,off");       // daily entries
        Timetable built = Timetable.builder()
                .daily(LocalTime.of(8, 0), DataRate.parse("8MiB/s"))
                .daily(LocalTime.of(23, 0), DataRate.UNLIMITED)
                .build();                                                    // equals nightly
        assertEquals(nightly, built);
        assertEquals("08:00,8MiB/s 23:00,off", nightly.toString());

        LeakyBucket limit = LeakyBucket.of(DataRate.ofMebibytesPerSecond(8));
        try (AppliedTimetable applied = AppliedTimetable.start(office, limit,
                Clock.system(ZoneId.of("Europe/Berlin")), Scheduler.shared())) {
            // transfers paced by limit follow the timetable; nothing restarts at a boundary
            assertEquals(office, applied.timetable());
        }
    }

    @Test
    void theReadmesRefusalExampleIsTheRealMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Timetable.parse("08:00,8MiB/s 25:00,off"));
        assertEquals("timetable entry 2 \"25:00,off\": hour 25 is out of range 00 to 23", e.getMessage());
    }
}
