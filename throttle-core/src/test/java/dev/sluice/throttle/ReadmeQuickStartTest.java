package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DataRate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, line for line, on files small enough to fit the 16 KiB burst, so that it
 * runs on the real clock without waiting. If this stops compiling, the README is wrong.
 */
class ReadmeQuickStartTest {

    @TempDir
    Path dir;

    @Test
    void quickStartRunsAsWritten() throws IOException {
        byte[] backup = "backup".repeat(1000).getBytes();
        Files.write(dir.resolve("backup.tar"), backup);
        Files.write(dir.resolve("a.bin"), new byte[1000]);
        ByteArrayOutputStream upload = new ByteArrayOutputStream();

        LeakyBucket limit = LeakyBucket.of(DataRate.ofBitsPerSecond(819_200));   // 100 KiB/s, 16 KiB burst
        Pacer pacer = Pacer.of(limit);

        // one stream at 100 KiB/s
        try (InputStream in = new ThrottledInputStream(Files.newInputStream(dir.resolve("backup.tar")), pacer)) {
            in.transferTo(upload);
        }

        // two streams sharing the same 100 KiB/s: each gets about half, together never more than the limit
        InputStream a = new ThrottledInputStream(Files.newInputStream(dir.resolve("a.bin")), pacer);
        OutputStream b = new ThrottledOutputStream(Files.newOutputStream(dir.resolve("b.bin")), pacer);
        a.transferTo(b);
        a.close();
        b.close();

        limit.setRate(DataRate.parse("8MiB/s"));   // at runtime; waiting reads are re-timed at once
        limit.setRate(DataRate.UNLIMITED);         // limiting off; a later setRate turns it on again

        assertArrayEquals(backup, upload.toByteArray());
        assertEquals(1000, Files.size(dir.resolve("b.bin")));
        assertEquals(DataRate.UNLIMITED, limit.rate());
    }
}
