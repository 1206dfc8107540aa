package dev.sluice.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Credentials;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.ObjectMetadata;
import dev.sluice.oss.OssClient;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice cp --part-size} and {@code --multipart-threshold} in-process against an emulator. */
class CpMultipartTest {

    private static final String SECRET = "mp-s3cr3t";
    private static final Credentials KEY = Credentials.of("mp-id", SECRET);
    private static final Map<String, String> KEYS = Map.of(OssOptions.KEY_ID, "mp-id", OssOptions.KEY_SECRET, SECRET);
    /** 350 KiB: three parts of 100 KiB and a last one of 50 KiB. */
    private static final int SIZE = 350 * 1024;
    private static OssEmulator emulator;

    @TempDir
    Path folder;

    @BeforeAll
    static void startEmulator() {
        emulator = OssEmulator.builder().credentials(KEY).bucket("backups").start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void uploadsInFourPartsOfOneHundredKibPacedAndTrafficLimitedAndTheObjectIsIntact() throws IOException {
        byte[] bytes = random(SIZE);
        Path file = Files.write(folder.resolve("big.bin"), bytes);
        Path back = folder.resolve("back.bin");

        Run up = cp(file.toString(), "oss://backups/big.bin", "--part-size", "100KiB", "--limit", "8MiB/s",
                "--traffic-limit", "8MiB/s");
        Run down = cp("oss://backups/big.bin", back.toString());

        assertEquals(0, up.exitCode(), up::err);
        assertTrue(Pattern.matches(Pattern.quote("uploaded " + file + " to oss://backups/big.bin in 4 parts of 100.0 KiB:"
                + " 358,400 B in ") + "[0-9.]+ s, .*, CRC-64 " + Crc64.toDecimal(Crc64.of(bytes)) + " checked\n", up.out()),
                up::out);
        ObjectMetadata head = head("big.bin");
        assertTrue(head.etag().endsWith("-4\""), "a multipart ETag names its 4 parts: " + head.etag());
        assertEquals("Multipart", head.headers().first("x-oss-object-type").orElse(""));
        assertEquals(Crc64.of(bytes), head.crc64().getAsLong());
        assertEquals(0, down.exitCode(), down::err);
        assertArrayEquals(bytes, Files.readAllBytes(back));
        // the bar counts the parts' bytes only, not the XML of initiate and complete
        assertTrue(finalBar(up).startsWith("upload   [" + "#".repeat(30) + "] 100%  350.0 KiB / 350.0 KiB"), up::err);
    }

    @Test
    void aFileAboveTheMultipartThresholdGoesUpInPartsOfTenMib() throws IOException {
        Path file = Files.write(folder.resolve("over.bin"), random(SIZE));

        Run up = cp(file.toString(), "oss://backups/over.bin", "--multipart-threshold", "200KiB");

        assertEquals(0, up.exitCode(), up::err);
        assertTrue(up.out().startsWith("uploaded " + file + " to oss://backups/over.bin in 1 part of 350.0 KiB: "),
                up::out);
        assertEquals("Multipart", head("over.bin").headers().first("x-oss-object-type").orElse(""));
    }

    @Test
    void aFileUpToTheThresholdGoesUpInOnePut() throws IOException {
        Path file = Files.write(folder.resolve("small.bin"), random(SIZE));

        Run up = cp(file.toString(), "oss://backups/small.bin", "--multipart-threshold", "350KiB");

        assertEquals(0, up.exitCode(), up::err);
        assertTrue(up.out().startsWith("uploaded " + file + " to oss://backups/small.bin: 358,400 B in "), up::out);
        assertEquals("Normal", head("small.bin").headers().first("x-oss-object-type").orElse(""));
    }

    @Test
    void refusesAPartSizeBelowTheOssMinimumBeforeSendingAnything() throws IOException {
        Path file = Files.write(folder.resolve("tiny-parts.bin"), random(SIZE));

        Run up = cp(file.toString(), "oss://backups/tiny-parts.bin", "--part-size", "50KiB");

        assertEquals(2, up.exitCode(), up::err);
        assertEquals(List.of("sluice: --part-size 50 KiB: part size 51200 B is below the OSS minimum of 102400 B"
                + " (100 KiB)"), up.errLines());
        assertEquals("", up.out());
    }

    @Test
    void refusesAPartSizeAboveTheOssMaximum() throws IOException {
        Path file = Files.write(folder.resolve("huge-parts.bin"), random(16));

        Run up = cp(file.toString(), "oss://backups/huge-parts.bin", "--part-size", "6GiB");

        assertEquals(2, up.exitCode(), up::err);
        assertEquals(List.of("sluice: --part-size 6 GiB: part size 6442450944 B is above the OSS maximum of 5368709120 B"
                + " (5 GiB)"), up.errLines());
    }

    @Test
    void refusesAPartSizeForADownload() {
        Run down = cp("oss://backups/x.bin", folder.toString(), "--part-size", "1MiB");

        assertEquals(2, down.exitCode(), down::err);
        assertEquals(List.of("sluice: --part-size applies to uploads only"), down.errLines());
    }

    @Test
    void refusesAMultipartThresholdForADownloadEvenAtItsDefault() {
        Run down = cp("oss://backups/x.bin", folder.toString(), "--multipart-threshold", "100MiB");

        assertEquals(2, down.exitCode(), down::err);
        assertEquals(List.of("sluice: --multipart-threshold applies to uploads only"), down.errLines());
        assertEquals("", down.out());
    }

    private static Run cp(String... args) {
        return Run.in(KEYS, Stream.of(new String[] {"cp"}, args, new String[] {"--endpoint", emulator.endpoint().toString(),
            "--region", emulator.region()}).flatMap(Arrays::stream).toArray(String[]::new));
    }

    private static ObjectMetadata head(String key) throws IOException {
        try (OssClient client = OssClient.builder().endpoint(emulator.endpoint()).region(emulator.region()).credentials(KEY)
                .transport(JdkHttpTransport.create()).build()) {
            return client.headObject("backups", key);
        }
    }

    /** The final state of the progress bar: what follows the last {@code \r}. */
    private static String finalBar(Run run) {
        String err = run.err().strip();
        return err.substring(err.lastIndexOf('\r') + 1);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
