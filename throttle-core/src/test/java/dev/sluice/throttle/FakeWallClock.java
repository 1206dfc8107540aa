package dev.sluice.throttle;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A wall clock on {@link FakeTime}: it shows {@code start} when the fake time is at {@link FakeTime#START}
 * and moves with it, nanosecond for nanosecond, in a fixed zone.
 */
final class FakeWallClock extends Clock {

    private final FakeTime time;
    private final Instant start;
    private final ZoneId zone;

    FakeWallClock(FakeTime time, Instant start, ZoneId zone) {
        this.time = time;
        this.start = start;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new FakeWallClock(time, start, other);
    }

    @Override
    public Instant instant() {
        return start.plusNanos(time.read() - FakeTime.START);
    }
}
