package dev.sluice.throttle.schedule.internal;

import dev.sluice.throttle.schedule.TimetableEntry;
import dev.sluice.throttle.tree.DirectionalRate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a timetable's local start times into instants in a zone, and answers which entry holds at an
 * instant and when the limit next changes.
 *
 * <p>Each entry's start is resolved per calendar date: a local time in a spring-forward gap becomes the
 * transition instant (the first instant after the gap); one in a fall-back overlap takes the earlier
 * offset, so it happens once. Comparing instants, not local times, is what keeps the repeated hour from
 * switching back to the entry before.
 */
public final class TimetableCalendar {

    /** A week and a day either way covers the latest start of every entry, whatever DST does. */
    private static final int DAYS_BACK = 8;
    private static final int DAYS_AHEAD = 9;

    private TimetableCalendar() {
    }

    /** The rates of the entry that started last at or before {@code time}. */
    public static DirectionalRate ratesAt(List<TimetableEntry> entries, ZonedDateTime time) {
        Instant now = time.toInstant();
        ZoneId zone = time.getZone();
        LocalDate today = time.toLocalDate();
        Instant bestInstant = null;
        LocalDateTime bestLocal = null;
        DirectionalRate best = null;
        for (LocalDate date = today.minusDays(DAYS_BACK); !date.isAfter(today.plusDays(1)); date = date.plusDays(1)) {
            for (TimetableEntry entry : entries) {
                if (!entry.startsOn(date.getDayOfWeek())) {
                    continue;
                }
                LocalDateTime local = date.atTime(entry.start());
                Instant start = startInstant(local, zone);
                if (start.isAfter(now)) {
                    continue;
                }
                // entries that a gap moves onto one instant: the later local time wins
                int order = bestInstant == null ? 1 : start.compareTo(bestInstant);
                if (order > 0 || order == 0 && local.isAfter(bestLocal)) {
                    bestInstant = start;
                    bestLocal = local;
                    best = entry.rates();
                }
            }
        }
        return best;
    }

    /** The first instant after {@code time} at which {@link #ratesAt} answers different rates (either side). */
    public static Optional<ZonedDateTime> nextChange(List<TimetableEntry> entries, ZonedDateTime time) {
        Instant now = time.toInstant();
        ZoneId zone = time.getZone();
        LocalDate today = time.toLocalDate();
        TreeSet<Instant> starts = new TreeSet<>();
        for (LocalDate date = today.minusDays(1); !date.isAfter(today.plusDays(DAYS_AHEAD)); date = date.plusDays(1)) {
            for (TimetableEntry entry : entries) {
                if (entry.startsOn(date.getDayOfWeek())) {
                    Instant start = startInstant(date.atTime(entry.start()), zone);
                    if (start.isAfter(now)) {
                        starts.add(start);
                    }
                }
            }
        }
        DirectionalRate current = ratesAt(entries, time);
        for (Instant start : starts) {
            ZonedDateTime then = start.atZone(zone);
            if (!ratesAt(entries, then).equals(current)) {
                return Optional.of(then);
            }
        }
        return Optional.empty();
    }

    /** The instant {@code local} happens in {@code zone}: the gap's end if it is skipped, the first if repeated. */
    static Instant startInstant(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant(); // in an overlap: the earlier offset
    }
}
