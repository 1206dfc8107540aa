package dev.sluice.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.emulator.OssEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice cp} and {@code sluice presign} in-process against an emulator. */
class CpCommandTest {

    private static final String SECRET = "s3cr3t-never-printed";
    private static final Map<String, String> KEYS = Map.of(OssOptions.KEY_ID, "test-id", OssOptions.KEY_SECRET, SECRET);
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
    void uploadsAFileWithALimitAndATrafficLimitAndDownloadsTheSameBytesBack() throws IOException {
        byte[] bytes = new byte[48 * 1024];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(folder.resolve("day1.tar"), bytes);
        Path back = Files.createDirectory(folder.resolve("back"));

        Run up = cp(file.toString(), "oss://backups/", "--limit", "8MiB/s", "--traffic-limit", "8MiB/s");
        Run down = cp("oss://backups/day1.tar", back.toString(), "--limit", "8MiB/s", "--limiter", "bucket4j");

        assertEquals(0, up.exitCode(), up::err);
        assertTrue(up.out().startsWith("uploaded " + file + " to oss://backups/day1.tar: 49,152 B in "), up::out);
        assertTrue(up.out().strip().endsWith(" checked"), up::out);
        assertEquals(0, down.exitCode(), down::err);
        assertTrue(down.out().startsWith("downloaded oss://backups/day1.tar to " + back.resolve("day1.tar") + ": 49,152 B"),
                down::out);
        assertArrayEquals(bytes, Files.readAllBytes(back.resolve("day1.tar")));
        assertTrue(up.err().contains("upload   [" + "#".repeat(30) + "] 100%"), up::err);
    }

    @Test
    void refusesToRunWithoutCredentialsInTheEnvironment() throws IOException {
        Path file = Files.write(folder.resolve("a.bin"), new byte[10]);

        Run run = Run.in(Map.of(OssOptions.KEY_ID, "test-id"), "cp", file.toString(), "oss://backups/a.bin",
                "--endpoint", emulator.endpoint().toString(), "--region", emulator.region());

        assertEquals(2, run.exitCode());
        assertEquals(List.of("sluice: missing credentials: set OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET in the"
                + " environment"), run.errLines());
    }

    @Test
    void anUnknownBucketFailsWithExitCodeOneInOneLineWithoutTheSecret() throws IOException {
        Path file = Files.write(folder.resolve("a.bin"), new byte[10]);

        Run run = cp(file.toString(), "oss://no-such-bucket/a.bin");

        assertEquals(1, run.exitCode(), run::err);
        List<String> err = run.errLines();
        assertEquals(1, err.stream().filter(line -> line.startsWith("sluice cp: failed: ")).count(), run::err);
        assertTrue(run.err().contains("NoSuchBucket"), run::err);
        assertTrue(err.get(err.size() - 1).endsWith("(add --verbose for the stack trace)"), run::err);
        assertFalse(run.err().contains(SECRET) || run.out().contains(SECRET));
    }

    @Test
    void verboseFailuresDoNotPrintTheSecretEither() throws IOException {
        Path file = Files.write(folder.resolve("a.bin"), new byte[10]);

        Run run = cp(file.toString(), "oss://no-such-bucket/a.bin", "--verbose");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("\tat "), "a stack trace");
        assertFalse(run.err().contains(SECRET) || run.out().contains(SECRET));
    }

    @Test
    void refusesATrafficLimitBelowTheOssMinimum() throws IOException {
        Path file = Files.write(folder.resolve("a.bin"), new byte[10]);

        assertUsage("sluice: --traffic-limit 50 KiB/s: x-oss-traffic-limit 409600 bit/s is below the OSS minimum of"
                + " 819200 bit/s (100 KiB/s)", cp(file.toString(), "oss://backups/a.bin", "--traffic-limit", "50KiB/s"));
    }

    @Test
    void refusesTwoLocalPaths() {
        assertUsage("sluice: cp copies between a local path and oss://bucket/key; got two local paths",
                cp("a.bin", "b.bin"));
    }

    @Test
    void refusesAMissingSourceFile() {
        Path missing = folder.resolve("missing.bin");

        assertUsage("sluice: SRC " + missing + " is not a file", cp(missing.toString(), "oss://backups/x"));
    }

    @Test
    void refusesAnEndpointWhoseRegionCannotBeInferred() {
        Run run = Run.in(KEYS, "cp", "a.bin", "oss://backups/a.bin", "--endpoint", "http://127.0.0.1:9");

        assertUsage("sluice: missing --region: it cannot be read from --endpoint http://127.0.0.1:9; give it, e.g."
                + " --region cn-hangzhou", run);
    }

    @Test
    void presignsAGetWithTheTrafficLimitInTheUrlThatTheEmulatorServes() throws Exception {
        Path file = Files.write(folder.resolve("small.bin"), new byte[] {1, 2, 3});
        assertEquals(0, cp(file.toString(), "oss://backups/small.bin").exitCode());

        Run run = Run.in(KEYS, "presign", "oss://backups/small.bin", "--traffic-limit", "819200bit/s", "--expires", "60",
                "--endpoint", emulator.endpoint().toString(), "--region", emulator.region());

        assertEquals(0, run.exitCode(), run::err);
        URI url = URI.create(run.out().strip());
        assertTrue(url.getRawQuery().contains("x-oss-traffic-limit=819200"), url::toString);
        HttpResponse<byte[]> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        assertArrayEquals(new byte[] {1, 2, 3}, got.body());
    }

    @Test
    void refusesToPresignAnExpiryBeyondSevenDays() {
        assertUsage("sluice: --expires 604801 s is outside 1..604800 s (7 days)", Run.in(KEYS, "presign",
                "oss://backups/x", "--expires", "604801", "--region", "cn-hangzhou"));
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
