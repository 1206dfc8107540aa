package dev.sluice.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.throttle.schedule.Timetable;
import dev.sluice.throttle.tree.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice cp --schedule} in-process against an emulator. The runs read the real clock, so each
 * schedule gives the copy's direction one rate all week (the other side changes); the wording of a change
 * to come is checked on fixed times through {@link ScheduleOption#describe}.
 */
class CpScheduleTest {

    private static final String SECRET = "s3cr3t-never-printed";
    private static final Map<String, String> KEYS = Map.of(OssOptions.KEY_ID, "test-id", OssOptions.KEY_SECRET, SECRET);
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static OssEmulator emulator;

    @TempDir
    Path folder;

    @BeforeAll
    static void startEmulator() {
        emulator = OssEmulator.builder().credentials(Credentials.of("test-id", SECRET)).bucket("backups").start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void anUploadIsPacedAtTheUploadSideOfTheSlotDueNowAndSaysSo() throws IOException {
        byte[] bytes = new byte[48 * 1024];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(folder.resolve("day1.tar"), bytes);

        Run run = cp(file.toString(), "oss://backups/", "--schedule", "08:00,8MiB/s:1MiB/s 20:00,8MiB/s:off",
                "--zone", "UTC");

        assertEquals(0, run.exitCode(), run::err);
        assertEquals("upload limit 8 MiB/s (schedule: no change)", run.errLines().get(0), run::err);
        assertTrue(run.out().startsWith("uploaded " + file + " to oss://backups/day1.tar: 49,152 B in "), run::out);
    }

    @Test
    void aDownloadIsPacedAtTheDownloadSideAndAConstantRateNeedsNoTime() throws IOException {
        byte[] bytes = new byte[16 * 1024];
        new Random(8).nextBytes(bytes);
        Path file = Files.write(folder.resolve("day2.tar"), bytes);
        Path back = Files.createDirectory(folder.resolve("back"));
        Run up = cp(file.toString(), "oss://backups/", "--schedule", "8MiB/s");

        Run down = cp("oss://backups/day2.tar", back.toString(), "--schedule", "Mon-00:00,1MiB/s:8MiB/s Thu-00:00,off:8MiB/s");

        assertEquals(0, up.exitCode(), up::err);
        assertEquals("upload limit 8 MiB/s (schedule: no change)", up.errLines().get(0), up::err);
        assertEquals(0, down.exitCode(), down::err);
        assertEquals("download limit 8 MiB/s (schedule: no change)", down.errLines().get(0), down::err);
        assertArrayEquals(bytes, Files.readAllBytes(back.resolve("day2.tar")));
    }

    @Test
    void refusesALimitAndAScheduleTogether() {
        assertUsage("sluice: --limit and --schedule cannot be combined: --schedule sets the limit by time of day"
                + " (a slot such as 08:00,8MiB/s)", cp("a.bin", "oss://backups/a.bin", "--limit", "8MiB/s",
                "--schedule", "08:00,8MiB/s 23:00,off"));
    }

    @Test
    void refusesAnUnparseableScheduleWithTheTimetablesOwnMessage() {
        assertUsage("sluice: --schedule \"08:00,8MiB/s 25:00,off\": timetable entry 2 \"25:00,off\": hour 25 is out of"
                + " range 00 to 23", cp("a.bin", "oss://backups/a.bin", "--schedule", "08:00,8MiB/s 25:00,off"));
    }

    @Test
    void refusesABadDownloadSideOfASlot() {
        assertUsage("sluice: --schedule \"08:00,8MiB/s:1MiB/s:off\": timetable entry 1 \"08:00,8MiB/s:1MiB/s:off\":"
                + " directional rate \"8MiB/s:1MiB/s:off\" has more than one ':'; write UP:DOWN, e.g. \"8MiB/s:1MiB/s\"",
                cp("a.bin", "oss://backups/a.bin", "--schedule", "08:00,8MiB/s:1MiB/s:off"));
    }

    @Test
    void aMissingSourceIsStillOneLineWithASchedule() {
        Path missing = folder.resolve("missing.bin");

        assertUsage("sluice: SRC " + missing + " is not a file",
                cp(missing.toString(), "oss://backups/x", "--schedule", "8MiB/s"));
    }

    @Test
    void refusesAnUnknownZone() {
        assertUsage("sluice: --zone \"Mars/Olympus\" is not a time zone: give a region such as Europe/Berlin, or UTC"
                + " or +01:00", cp("a.bin", "oss://backups/a.bin", "--schedule", "8MiB/s", "--zone", "Mars/Olympus"));
    }

    @Test
    void refusesAZoneWithoutASchedule() {
        assertUsage("sluice: --zone applies to --schedule only", cp("a.bin", "oss://backups/a.bin", "--zone", "UTC"));
    }

    @Test
    void describesTheRateDueNowAndWhenItChangesToday() {
        Timetable office = Timetable.parse("08:00,8MiB/s 23:00,off");

        assertEquals("upload limit 8 MiB/s (schedule: until 23:00 UTC)",
                ScheduleOption.describe(office, Direction.UPLOAD, at("2026-03-02T12:00:00")));
        assertEquals("download: no limit (schedule: until 08:00 UTC)",
                ScheduleOption.describe(office, Direction.DOWNLOAD, at("2026-03-02T07:00:00")));
    }

    @Test
    void namesTheDayOfAChangeThatIsNotTodayAndSkipsChangesOfTheOtherSide() {
        Timetable week = Timetable.parse("Mon-08:00,8MiB/s:1MiB/s Mon-18:00,8MiB/s:off Sat-00:00,off");

        assertEquals("upload limit 8 MiB/s (schedule: until Sat 00:00 UTC)",
                ScheduleOption.describe(week, Direction.UPLOAD, at("2026-03-02T09:00:00")));
        assertEquals("download limit 1 MiB/s (schedule: until 18:00 UTC)",
                ScheduleOption.describe(week, Direction.DOWNLOAD, at("2026-03-02T09:00:00")));
    }

    private static ZonedDateTime at(String localTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localTime), UTC);
    }

    private static Run cp(String... args) {
        String[] full = new String[args.length + 5];
        full[0] = "cp";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--endpoint";
        full[args.length + 2] = emulator.endpoint().toString();
        full[args.length + 3] = "--region";
        full[args.length + 4] = emulator.region();
        return Run.in(KEYS, full);
    }

    private static void assertUsage(String message, Run run) {
        assertEquals(2, run.exitCode(), run::err);
        assertEquals(List.of(message), run.errLines());
        assertEquals("", run.out());
    }
}
