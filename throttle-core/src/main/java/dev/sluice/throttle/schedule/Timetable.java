package dev.sluice.throttle.schedule;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.schedule.internal.TimetableCalendar;
import dev.sluice.throttle.schedule.internal.TimetableText;
import dev.sluice.throttle.tree.Direction;
import dev.sluice.throttle.tree.DirectionalRate;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A limit that changes by local time of day and weekday, like rclone's {@code --bwlimit} timetable.
 *
 * <p><b>Textual form.</b> Entries separated by blanks, each {@code TIME,RATE} (every day) or
 * {@code DAY-TIME,RATE} (one weekday, {@code Mon} … {@code Sun}); {@code TIME} is {@code HH:MM} (00:00 to
 * 23:59), {@code RATE} anything {@link DataRate#parse} reads, or {@code off} for no limit:
 * <pre>{@code
 * Timetable office = Timetable.parse("08:00,8MiB/s 23:00,off");                      // daily
 * Timetable week = Timetable.parse("Mon-08:00,8MiB/s Mon-18:00,off Sat-00:00,1MiB/s"); // weekly
 * office.rateAt(ZonedDateTime.of(2026, 3, 2, 12, 0, 0, 0, ZoneId.of("Europe/Berlin"))); // 8 MiB/s
 * }</pre>
 * A rate may be {@code UP:DOWN} as in rclone ({@link DirectionalRate}): {@code "Mon-08:00,8MiB/s:1MiB/s"}
 * limits uploads to 8 MiB/s and downloads to 1 MiB/s, {@code "8MiB/s:off"} uploads only; a single rate
 * limits both directions. Such a timetable is read per direction ({@link #rateAt(ZonedDateTime, Direction)},
 * {@link #ratesAt}) and applied to an upload and a download limiter, or to a {@code LimitTree} node. A lone
 * rate with no time, {@code "8MiB/s"} or {@code "8MiB/s:1MiB/s"}, is a constant limit (an entry from 00:00
 * every day).
 * Each entry holds from its start until the next entry starts, wrapping round the week (Sunday's last
 * entry holds into Monday). Daily and weekly entries may be mixed: a daily entry starts on every day.
 * Two entries that start at the same time of the same day are refused: "duplicates" when both are daily
 * or both name the day, "overlaps" when a daily entry meets a weekly one. {@link #toString()} gives the
 * textual form in canonical order (daily entries by time, then weekly ones by day and time), which
 * {@link #parse} reads back into an equal timetable.
 *
 * <p><b>Time zones and daylight saving.</b> A timetable holds local times only; it is read in the zone of
 * the {@link ZonedDateTime} it is asked about. A start time that does not exist on a spring-forward day
 * (in {@code Europe/Berlin}, 02:30 on the last Sunday of March) takes effect at the first instant after
 * the gap (03:00 local, 01:00 UTC); several entries falling into one gap take effect together, the latest
 * one winning. A start time that exists twice on a fall-back day (02:30 on the last Sunday of October)
 * takes effect once, at its first occurrence (02:30 summer time, 00:30 UTC), and holds through the
 * repeated hour.
 *
 * <p>Instances are immutable and thread-safe. {@link AppliedTimetable} applies one to a limiter.
 */
public final class Timetable {

    private static final Comparator<TimetableEntry> CANONICAL = Comparator
            .comparing((TimetableEntry entry) -> entry.day().map(day -> day.getValue()).orElse(0))
            .thenComparing(TimetableEntry::start);

    private final List<TimetableEntry> entries;

    private Timetable(List<TimetableEntry> entries) {
        this.entries = entries;
    }

    /**
     * Reads the textual form, e.g. {@code "08:00,8MiB/s 23:00,off"}.
     *
     * @throws IllegalArgumentException naming the entry (its position from 1, and its text) and what is
     *     wrong with it, e.g. {@code timetable entry 2 "25:00,off": hour 25 is out of range 00 to 23}
     */
    public static Timetable parse(String text) {
        Builder builder = builder();
        for (TimetableEntry entry : TimetableText.parse(text)) {
            builder.entry(entry);
        }
        return builder.build();
    }

    /** A builder; at least one entry is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The entries, in canonical order: daily ones by start time, then weekly ones by day and time. */
    public List<TimetableEntry> entries() {
        return entries;
    }

    /**
     * The limit at {@code time}, both ways, read in {@code time}'s zone; {@link DataRate#UNLIMITED} for off.
     *
     * @throws IllegalStateException if this timetable limits uploads and downloads differently ({@link #split()});
     *     read {@link #rateAt(ZonedDateTime, Direction)} or {@link #ratesAt} then
     */
    public DataRate rateAt(ZonedDateTime time) {
        if (split()) {
            throw new IllegalStateException("timetable \"" + this + "\" limits uploads and downloads differently;"
                    + " read rateAt(time, direction) or ratesAt(time)");
        }
        return ratesAt(time).upload();
    }

    /** The limit of {@code direction} at {@code time}, read in {@code time}'s zone; {@link DataRate#UNLIMITED} for off. */
    public DataRate rateAt(ZonedDateTime time, Direction direction) {
        if (direction == null) {
            throw new IllegalArgumentException("direction must not be null");
        }
        return ratesAt(time).get(direction);
    }

    /** The upload and download limits at {@code time}, read in {@code time}'s zone. */
    public DirectionalRate ratesAt(ZonedDateTime time) {
        requireTime(time);
        return TimetableCalendar.ratesAt(entries, time);
    }

    /** Whether some entry limits uploads and downloads differently (is written {@code UP:DOWN}). */
    public boolean split() {
        return entries.stream().anyMatch(TimetableEntry::split);
    }

    /**
     * The first instant after {@code time} at which the limit (of either direction) differs from the one at
     * {@code time}, in {@code time}'s zone; empty if every entry has the same rates. An entry whose rates
     * equal the ones before it is no change and is skipped.
     */
    public Optional<ZonedDateTime> nextChange(ZonedDateTime time) {
        requireTime(time);
        return TimetableCalendar.nextChange(entries, time);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Timetable && ((Timetable) o).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /**
     * The textual form in canonical order, e.g. {@code "08:00,8MiB/s 23:00,off"}; a constant limit (one
     * daily entry from 00:00) is written as its rate alone, {@code "8MiB/s"}.
     */
    @Override
    public String toString() {
        if (entries.size() == 1 && entries.get(0).daily() && entries.get(0).start().equals(LocalTime.MIDNIGHT)) {
            return entries.get(0).rates().toString();
        }
        return entries.stream().map(TimetableEntry::toString).collect(Collectors.joining(" "));
    }

    private static void requireTime(ZonedDateTime time) {
        if (time == null) {
            throw new IllegalArgumentException("time must not be null");
        }
    }

    /** Collects entries, in any order, into a {@link Timetable}. */
    public static final class Builder {

        private final List<TimetableEntry> entries = new ArrayList<>();

        private Builder() {
        }

        /** Adds: from {@code start} on, every day, the limit is {@code rate} ({@link DataRate#UNLIMITED}: off). */
        public Builder daily(LocalTime start, DataRate rate) {
            return entry(TimetableEntry.daily(start, rate));
        }

        /** Adds: from {@code start} on {@code day} on, the limit is {@code rate} ({@link DataRate#UNLIMITED}: off). */
        public Builder weekly(DayOfWeek day, LocalTime start, DataRate rate) {
            return entry(TimetableEntry.weekly(day, start, rate));
        }

        /** Adds: from {@code start} on, every day, uploads and downloads are limited to {@code rates}. */
        public Builder daily(LocalTime start, DirectionalRate rates) {
            return entry(TimetableEntry.daily(start, rates));
        }

        /** Adds: from {@code start} on {@code day} on, uploads and downloads are limited to {@code rates}. */
        public Builder weekly(DayOfWeek day, LocalTime start, DirectionalRate rates) {
            return entry(TimetableEntry.weekly(day, start, rates));
        }

        /**
         * Adds {@code entry}.
         *
         * @throws IllegalArgumentException if {@code entry} is null
         */
        public Builder entry(TimetableEntry entry) {
            if (entry == null) {
                throw new IllegalArgumentException("timetable entry must not be null");
            }
            entries.add(entry);
            return this;
        }

        /**
         * The timetable.
         *
         * @throws IllegalArgumentException if there is no entry, or two entries start at the same time of
         *     the same day; the message names both, by position from 1 and textual form
         */
        public Timetable build() {
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("a timetable needs at least one entry, e.g. \"08:00,8MiB/s 23:00,off\"");
            }
            refuseCollisions();
            List<TimetableEntry> sorted = new ArrayList<>(entries);
            sorted.sort(CANONICAL);
            return new Timetable(List.copyOf(sorted));
        }

        private void refuseCollisions() {
            Map<String, Integer> slots = new HashMap<>(); // "Mon-08:00" -> index of the entry starting then
            for (int index = 0; index < entries.size(); index++) {
                TimetableEntry entry = entries.get(index);
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (!entry.startsOn(day)) {
                        continue;
                    }
                    String slot = TimetableEntry.dayText(day) + "-" + entry.timeText();
                    Integer earlier = slots.putIfAbsent(slot, index);
                    if (earlier != null) {
                        throw collision(earlier, index, slot);
                    }
                }
            }
        }

        private IllegalArgumentException collision(int earlierIndex, int laterIndex, String slot) {
            TimetableEntry earlier = entries.get(earlierIndex);
            TimetableEntry later = entries.get(laterIndex);
            boolean sameKind = earlier.daily() == later.daily();
            String at = later.daily() && earlier.daily() ? later.when() : slot;
            return new IllegalArgumentException("timetable entry " + (laterIndex + 1) + " \"" + later + "\" "
                    + (sameKind ? "duplicates" : "overlaps") + " entry " + (earlierIndex + 1) + " \"" + earlier
                    + "\": both start at " + at);
        }
    }
}
