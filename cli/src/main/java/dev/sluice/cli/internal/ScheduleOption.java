package dev.sluice.cli.internal;

import dev.sluice.api.DataRate;
import dev.sluice.throttle.schedule.Timetable;
import dev.sluice.throttle.tree.Direction;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * cp's {@code --schedule} and {@code --zone}: the timetable is read here, refused in one line before
 * anything is sent, and described as the line cp prints before the transfer ({@code upload limit 8MiB/s
 * (schedule: until 23:00 Europe/Berlin)}).
 */
final class ScheduleOption {

    /** Later than the last change a weekly timetable can have, seen from any time: a week and a day. */
    private static final int DAYS_AHEAD = 8;

    private ScheduleOption() {
    }

    /**
     * The timetable of {@code --schedule} (null: none).
     *
     * @throws ParameterException if it is given with {@code --limit}, or does not parse
     */
    static Optional<Timetable> parse(CommandSpec spec, String schedule, DataRate limit) {
        if (schedule == null) {
            return Optional.empty();
        }
        if (limit != null) {
            throw new ParameterException(spec.commandLine(), "--limit and --schedule cannot be combined: --schedule"
                    + " sets the limit by time of day (a slot such as 08:00,8MiB/s)");
        }
        try {
            return Optional.of(Timetable.parse(schedule));
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), "--schedule \"" + schedule + "\": " + refused.getMessage());
        }
    }

    /**
     * The zone of {@code --zone} (null: the system's).
     *
     * @throws ParameterException if it is no zone, or is given without a schedule
     */
    static ZoneId zone(CommandSpec spec, String zone, boolean scheduled) {
        if (zone == null) {
            return ZoneId.systemDefault();
        }
        if (!scheduled) {
            throw new ParameterException(spec.commandLine(), "--zone applies to --schedule only");
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException refused) {
            throw new ParameterException(spec.commandLine(), "--zone \"" + zone + "\" is not a time zone: give a region"
                    + " such as Europe/Berlin, or UTC or +01:00");
        }
    }

    /**
     * {@code "upload limit 8MiB/s (schedule: until 23:00 UTC)"}: the rate due at {@code now} one way, and
     * when it next changes that way ({@code "until Tue 08:00 UTC"} when not today; {@code "no change"} if
     * never within a week).
     */
    static String describe(Timetable timetable, Direction direction, ZonedDateTime now) {
        DataRate rate = timetable.rateAt(now, direction);
        String side = direction.name().toLowerCase(Locale.ROOT);
        String limit = rate.isUnlimited() ? side + ": no limit" : side + " limit " + rate;
        return limit + " (schedule: " + nextChange(timetable, direction, now)
                .map(then -> "until " + when(then, now)).orElse("no change") + ")";
    }

    /** The first change of {@code direction}'s rate after {@code now}; changes of the other side are skipped. */
    private static Optional<ZonedDateTime> nextChange(Timetable timetable, Direction direction, ZonedDateTime now) {
        DataRate current = timetable.rateAt(now, direction);
        ZonedDateTime horizon = now.plusDays(DAYS_AHEAD);
        Optional<ZonedDateTime> next = timetable.nextChange(now);
        while (next.isPresent() && next.get().isBefore(horizon)) {
            if (!timetable.rateAt(next.get(), direction).equals(current)) {
                return next;
            }
            next = timetable.nextChange(next.get());
        }
        return Optional.empty();
    }

    private static String when(ZonedDateTime then, ZonedDateTime now) {
        String time = String.format(Locale.ROOT, "%02d:%02d", then.getHour(), then.getMinute());
        String day = then.toLocalDate().equals(now.toLocalDate()) ? ""
                : then.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " ";
        return day + time + " " + now.getZone().getId();
    }
}
