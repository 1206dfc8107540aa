package dev.sluice.throttle.schedule;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.tree.Direction;
import dev.sluice.throttle.tree.DirectionalRate;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@link Timetable}: from a local time (every day, or on one weekday) on, the limit is a
 * rate, or an upload and a download rate ({@link DirectionalRate}, written {@code UP:DOWN} as rclone does).
 * Its {@code toString} is its textual form, {@code "08:00,8MiB/s"}, {@code "Mon-08:00,off"} or
 * {@code "Mon-08:00,8MiB/s:1MiB/s"}, which {@link Timetable#parse(String)} reads back. Start times have
 * minute precision, like rclone's.
 */
public final class TimetableEntry {

    private final DayOfWeek day; // null: every day
    private final LocalTime start;
    private final DirectionalRate rates;

    private TimetableEntry(DayOfWeek day, LocalTime start, DirectionalRate rates) {
        if (start == null) {
            throw new IllegalArgumentException("timetable entry start time must not be null");
        }
        if (!start.truncatedTo(ChronoUnit.MINUTES).equals(start)) {
            throw new IllegalArgumentException("timetable entry start time " + start
                    + " must be a whole minute (00:00 to 23:59)");
        }
        if (rates == null) {
            throw new IllegalArgumentException("timetable entry rate must not be null (use DataRate.UNLIMITED for off)");
        }
        this.day = day;
        this.start = start;
        this.rates = rates;
    }

    /**
     * From {@code start} on, every day, the limit is {@code rate} ({@link DataRate#UNLIMITED} for off).
     *
     * @throws IllegalArgumentException if an argument is null or {@code start} is not a whole minute
     */
    public static TimetableEntry daily(LocalTime start, DataRate rate) {
        return new TimetableEntry(null, start, both(rate));
    }

    /**
     * From {@code start} on, every day, uploads are limited to {@code rates.upload()} and downloads to
     * {@code rates.download()}.
     *
     * @throws IllegalArgumentException if an argument is null or {@code start} is not a whole minute
     */
    public static TimetableEntry daily(LocalTime start, DirectionalRate rates) {
        return new TimetableEntry(null, start, rates);
    }

    /**
     * From {@code start} on {@code day} on, the limit is {@code rate} ({@link DataRate#UNLIMITED} for off).
     *
     * @throws IllegalArgumentException if an argument is null or {@code start} is not a whole minute
     */
    public static TimetableEntry weekly(DayOfWeek day, LocalTime start, DataRate rate) {
        return weekly(day, start, both(rate));
    }

    /**
     * From {@code start} on {@code day} on, uploads are limited to {@code rates.upload()} and downloads to
     * {@code rates.download()}.
     *
     * @throws IllegalArgumentException if an argument is null or {@code start} is not a whole minute
     */
    public static TimetableEntry weekly(DayOfWeek day, LocalTime start, DirectionalRate rates) {
        if (day == null) {
            throw new IllegalArgumentException("timetable entry day must not be null (use daily(...) for every day)");
        }
        return new TimetableEntry(day, start, rates);
    }

    /** Null stays null, so that the constructor names it. */
    private static DirectionalRate both(DataRate rate) {
        return rate == null ? null : DirectionalRate.both(rate);
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

    /**
     * The limit both ways from {@link #start()} on; {@link DataRate#UNLIMITED} for off.
     *
     * @throws IllegalStateException if this entry limits uploads and downloads differently; read
     *     {@link #rates()} or {@link #rate(Direction)} then
     */
    public DataRate rate() {
        if (split()) {
            throw new IllegalStateException("timetable entry \"" + this + "\" limits uploads and downloads"
                    + " differently; read rates() or rate(Direction)");
        }
        return rates.upload();
    }

    /** The limit of {@code direction} from {@link #start()} on; {@link DataRate#UNLIMITED} for off. */
    public DataRate rate(Direction direction) {
        return rates.get(direction);
    }

    /** The upload and download limits from {@link #start()} on. */
    public DirectionalRate rates() {
        return rates;
    }

    /** Whether this entry limits uploads and downloads differently (written {@code UP:DOWN}). */
    public boolean split() {
        return !rates.upload().equals(rates.download());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimetableEntry && ((TimetableEntry) o).day == day
                && ((TimetableEntry) o).start.equals(start) && ((TimetableEntry) o).rates.equals(rates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, start, rates);
    }

    /** The textual form: {@code "08:00,8MiB/s"}, {@code "Sat-00:00,off"}, {@code "Mon-08:00,8MiB/s:off"}. */
    @Override
    public String toString() {
        return when() + "," + rates; // DirectionalRate writes one side when both are equal, off for unlimited
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
}
