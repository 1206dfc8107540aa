package dev.sluice.throttle.schedule.internal;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.schedule.TimetableEntry;
import dev.sluice.throttle.tree.DirectionalRate;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the textual form of a timetable, entry by entry; each refusal names the entry (position from 1
 * and text as written) and what is wrong with it. Collisions between entries are the builder's to find.
 * A rate is one {@link DataRate} for both directions or {@code UP:DOWN}, which {@link DirectionalRate}
 * reads; a lone rate with no time (rclone's {@code --bwlimit 10M}) is a constant limit, an entry from 00:00.
 */
public final class TimetableText {

    private static final String EXAMPLE = "e.g. \"08:00,8MiB/s\" or \"Mon-08:00,off\"";
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "Mon", DayOfWeek.MONDAY, "Tue", DayOfWeek.TUESDAY, "Wed", DayOfWeek.WEDNESDAY,
            "Thu", DayOfWeek.THURSDAY, "Fri", DayOfWeek.FRIDAY, "Sat", DayOfWeek.SATURDAY, "Sun", DayOfWeek.SUNDAY);

    private TimetableText() {
    }

    /**
     * The entries of {@code text}, in the order written.
     *
     * @throws IllegalArgumentException if {@code text} is null or blank, or an entry is malformed
     */
    public static List<TimetableEntry> parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("timetable text must not be null");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("timetable \"" + text + "\" has no entries, e.g. \"08:00,8MiB/s 23:00,off\"");
        }
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length == 1 && tokens[0].indexOf(',') < 0) {
            return List.of(constant(tokens[0]));
        }
        List<TimetableEntry> entries = new ArrayList<>(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            entries.add(entry(i + 1, tokens[i]));
        }
        return entries;
    }

    /** A lone token without a comma: a constant limit, or a refusal that says both readings. */
    private static TimetableEntry constant(String token) {
        try {
            return TimetableEntry.daily(LocalTime.MIDNIGHT, rates(token));
        } catch (IllegalArgumentException e) {
            throw refused(1, token, "expected one RATE, or TIME,RATE or DAY-TIME,RATE entries, e.g. \"8MiB/s\","
                    + " \"8MiB/s:1MiB/s\" or \"08:00,8MiB/s 23:00,off\"; as a rate: " + e.getMessage());
        }
    }

    private static TimetableEntry entry(int position, String token) {
        int comma = token.indexOf(',');
        if (comma < 0) {
            throw refused(position, token, "expected TIME,RATE or DAY-TIME,RATE, " + EXAMPLE);
        }
        String when = token.substring(0, comma);
        DirectionalRate rate = rates(position, token, token.substring(comma + 1));
        int dash = when.indexOf('-');
        if (dash < 0) {
            return TimetableEntry.daily(time(position, token, when), rate);
        }
        String dayText = when.substring(0, dash);
        DayOfWeek day = DAYS.get(dayText);
        if (day == null) {
            throw refused(position, token, "unknown day \"" + dayText + "\" (expected Mon, Tue, Wed, Thu, Fri, Sat or Sun)");
        }
        return TimetableEntry.weekly(day, time(position, token, when.substring(dash + 1)), rate);
    }

    private static LocalTime time(int position, String token, String text) {
        if (!text.matches("[0-9]{2}:[0-9]{2}")) {
            throw refused(position, token, "time \"" + text + "\" is not HH:MM (00:00 to 23:59)");
        }
        int hour = Integer.parseInt(text.substring(0, 2));
        int minute = Integer.parseInt(text.substring(3));
        if (hour > 23) {
            throw refused(position, token, "hour " + hour + " is out of range 00 to 23");
        }
        if (minute > 59) {
            throw refused(position, token, "minute " + minute + " is out of range 00 to 59");
        }
        return LocalTime.of(hour, minute);
    }

    private static DirectionalRate rates(int position, String token, String text) {
        if (text.isEmpty()) {
            throw refused(position, token, "the rate is missing (a rate such as 8MiB/s, or off)");
        }
        try {
            return rates(text);
        } catch (IllegalArgumentException e) {
            throw refused(position, token, e.getMessage());
        }
    }

    /** {@code UP:DOWN} through DirectionalRate, whose message names the wrong side; else one rate or off. */
    private static DirectionalRate rates(String text) {
        if (text.indexOf(':') >= 0) {
            return DirectionalRate.parse(text);
        }
        return text.equals("off") ? DirectionalRate.OFF : DirectionalRate.both(DataRate.parse(text));
    }

    private static IllegalArgumentException refused(int position, String token, String what) {
        return new IllegalArgumentException("timetable entry " + position + " \"" + token + "\": " + what);
    }
}
