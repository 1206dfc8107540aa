package dev.sluice.throttle.schedule;

import dev.sluice.api.DataRate;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@link Timetable}: from a local time (every day, or on one weekday) on, the limit is a
 * rate. Its {@code toString} is its textual form, {@code "08:00,8MiB/s"} or {@code "Mon-08:00,off"},
 * which {@link Timetable#parse(String)} reads back. Start times have minute precision, like rclone's.
 */
public final class TimetableEntry {

    private final DayOfWeek day; // null: every day
    private final LocalTime start;
    private final DataRate rate;

    private TimetableEntry(DayOfWeek day, LocalTime start, DataRate rate) {
        if (start == null) {
            throw new IllegalArgumentException("timetable entry start time must not be null");
        }
        if (!start.truncatedTo(ChronoUnit.MINUTES).equals(start)) {
            throw new IllegalArgumentException("timetable entry start time " + start
                    + " must be a whole minute (00:00 to 23:59)");
        }
        if (rate == null) {
            throw new IllegalArgumentException("timetable entry rate must not be null (use DataRate.UNLIMITED for off)");
        }
        this.day = day;
        this.start = start;
        this.rate = rate;
    }

    /**
     * From {@code start} on, every day, the limit is {@code rate} ({@link DataRate#UNLIMITED} for off).
     *
     * @throws IllegalArgumentException if an argument is null or {@code start} is not a whole minute
     */
    public static TimetableEntry daily(LocalTime start, DataRate rate) {
        return new TimetableEntry(null, start, rate);
    }

    /**
     * From {@code start} on {@code day} on, the limit is {@code rate} ({@link DataRate#UNLIMITED} for off).
     *
     * @throws IllegalArgumentException if an argument is null or {@code start} is not a whole minute
     */
    public static TimetableEntry weekly(DayOfWeek day, LocalTime start, DataRate rate) {
        if (day == null) {
            throw new IllegalArgumentException("timetable entry day must not be null (use daily(...) for every day)");
        }
        return new TimetableEntry(day, start, rate);
    }

    /** The weekday this entry starts on; empty when it starts every day. */
    public Optional<DayOfWeek> day() {
        return Optional.ofNullable(day);
    }

    /** Whether this entry starts every day. */
    public boolean daily() {
        return day == null;
    }

    /** Whether this entry starts on {@code weekday} (always, for a daily entry). */
    public boolean startsOn(DayOfWeek weekday) {
        return day == null || day == weekday;
    }

    /** The local time, in the zone the timetable is read in, at which this entry starts. */
    public LocalTime start() {
        return start;
    }

    /** The limit from {@link #start()} on; {@link DataRate#UNLIMITED} for off. */
    public DataRate rate() {
        return rate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimetableEntry && ((TimetableEntry) o).day == day
                && ((TimetableEntry) o).start.equals(start) && ((TimetableEntry) o).rate.equals(rate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, start, rate);
    }

    /** The textual form: {@code "08:00,8MiB/s"}, {@code "Sat-00:00,off"}. */
    @Override
    public String toString() {
        return when() + "," + rateText(rate);
    }

    /** When this entry starts, as written: {@code "08:00"} or {@code "Mon-08:00"}. */
    String when() {
        return day == null ? timeText() : dayText(day) + "-" + timeText();
    }

    /** The start time as written: {@code "08:00"}. */
    String timeText() {
        return String.format(Locale.ROOT, "%02d:%02d", start.getHour(), start.getMinute());
    }

    /** {@code "Mon"} … {@code "Sun"}, the spelling the textual form uses. */
    static String dayText(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    /** The rate as the textual form writes it: no blank (entries are separated by blanks), off for unlimited. */
    static String rateText(DataRate rate) {
        return rate.isUnlimited() ? "off" : rate.toString().replace(" ", "");
    }
}
