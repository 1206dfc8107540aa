package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.schedule.AppliedTimetable;
import dev.sluice.throttle.schedule.Timetable;
import dev.sluice.throttle.schedule.TimetableTarget;
import dev.sluice.throttle.tree.DirectionalRate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A timetable with {@code UP:DOWN} slots applied to an upload and a download limiter, on virtual time. */
class AppliedDirectionalTimetableTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DataRate HUNDRED_KIB = DataRate.ofKibibytesPerSecond(100);
    private static final DataRate TEN_KIB = DataRate.ofKibibytesPerSecond(10);
    private static final DataRate ONE_MIB = DataRate.ofMebibytesPerSecond(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private final FakeTime time = new FakeTime();
    private final LeakyBucket upload = LeakyBucket.builder().rate(ONE_MIB).ticker(time).build();
    private final LeakyBucket download = LeakyBucket.builder().rate(ONE_MIB).ticker(time).build();
    private final FakeWallClock clock = new FakeWallClock(time, Instant.parse("2026-03-02T07:59:00Z"), UTC); // Monday

    @Test
    void eachLimiterFollowsItsOwnSideAcrossTheBoundaries() {
        AppliedTimetable applied = AppliedTimetable.start(
                Timetable.parse("Mon-08:00,100KiB/s:10KiB/s Mon-18:00,off"), upload, download, clock, time);
        assertEquals(DataRate.UNLIMITED, upload.rate());
        assertEquals(DataRate.UNLIMITED, download.rate());

        time.advance(MINUTE);
        assertEquals(HUNDRED_KIB, upload.rate());
        assertEquals(TEN_KIB, download.rate());
        assertEquals(Optional.of(DirectionalRate.of(HUNDRED_KIB, TEN_KIB)), applied.appliedRates());

        time.advance(10 * HOUR);
        assertEquals(DataRate.UNLIMITED, upload.rate());
        assertEquals(DataRate.UNLIMITED, download.rate());
    }

    @Test
    void aOneSidedSlotLimitsUploadsOnly() {
        AppliedTimetable.start(Timetable.parse("08:00,100KiB/s:off 23:00,off"), upload, download, clock, time);

        time.advance(MINUTE);
        assertEquals(HUNDRED_KIB, upload.rate());
        assertEquals(DataRate.UNLIMITED, download.rate());
    }

    @Test
    void aPlainRateSetsBothLimiters() {
        AppliedTimetable.start(Timetable.parse("08:00,100KiB/s 23:00,off"), upload, download, clock, time);

        time.advance(MINUTE);
        assertEquals(HUNDRED_KIB, upload.rate());
        assertEquals(HUNDRED_KIB, download.rate());
    }

    @Test
    void aConstantTimetableSetsItsRateOnceAndWakesOnlyToReadTheClock() {
        AppliedTimetable applied = AppliedTimetable.start(Timetable.parse("100KiB/s"), upload, clock, time);

        assertEquals(HUNDRED_KIB, upload.rate());
        assertEquals(Optional.empty(), applied.nextChange());
        time.advance(HOUR);
        assertEquals(HUNDRED_KIB, upload.rate());
        assertEquals(1, time.pendingTasks(), "the timer re-reads the clock every minute, in case it is set");
    }

    @Test
    void oneLimiterRefusesASplitTimetableUpFront() {
        Timetable split = Timetable.parse("Mon-08:00,100KiB/s:10KiB/s Mon-18:00,off");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppliedTimetable.start(split, upload, clock, time));
        assertEquals("timetable \"Mon-08:00,100KiB/s:10KiB/s Mon-18:00,off\" limits uploads and downloads"
                + " differently; apply it to an upload and a download limiter", e.getMessage());
        assertEquals(0, time.pendingTasks());
    }

    @Test
    void aTargetOfItsOwnGetsBothSides() {
        StringBuilder seen = new StringBuilder();
        TimetableTarget target = rates -> seen.append(rates).append(' ');
        AppliedTimetable.start(Timetable.parse("08:00,100KiB/s:off 23:00,off"), target, clock, time);

        time.advance(MINUTE);
        assertEquals("off 100KiB/s:off ", seen.toString());
    }
}
