package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.schedule.AppliedTimetable;
import dev.sluice.throttle.schedule.Timetable;
import dev.sluice.throttle.schedule.TimetableTarget;
import dev.sluice.throttle.tree.DirectionalRate;
import dev.sluice.throttle.tree.LimitTree;
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
    void upDownAndLimitTreeExampleRunsAsWritten() {
        Timetable split = Timetable.parse("Mon-08:00,8MiB/s:1MiB/s Mon-18:00,off Sat-00:00,8MiB/s:off");
        LeakyBucket uploads = LeakyBucket.of(DataRate.ofMebibytesPerSecond(8));
        LeakyBucket downloads = LeakyBucket.of(DataRate.ofMebibytesPerSecond(8));
        try (AppliedTimetable applied = AppliedTimetable.start(split, uploads, downloads,
                Clock.system(ZoneId.of("Europe/Berlin")), Scheduler.shared())) {
            // uploads follow the left side of each slot, downloads the right
            assertEquals(applied.appliedRates().orElseThrow().upload(), uploads.rate());
            assertEquals(applied.appliedRates().orElseThrow().download(), downloads.rate());
        }

        LimitTree tree = LimitTree.parse("global=off; bucket:logs; bucket:media");
        try (AppliedTimetable officeHours = AppliedTimetable.start(Timetable.parse("08:00,8MiB/s 18:00,off"),
                TimetableTarget.ceilingOf(tree, LimitTree.ROOT), Clock.systemDefaultZone(), Scheduler.shared())) {
            // 8 MiB/s for the whole tree during office hours, shared by its transfers; unlimited at night
            DirectionalRate due = officeHours.appliedRates().orElseThrow();
            assertEquals(due, tree.limits(LimitTree.ROOT).ceil());
        }
    }

    @Test
    void theReadmesRefusalExampleIsTheRealMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Timetable.parse("08:00,8MiB/s 25:00,off"));
        assertEquals("timetable entry 2 \"25:00,off\": hour 25 is out of range 00 to 23", e.getMessage());
    }
}
