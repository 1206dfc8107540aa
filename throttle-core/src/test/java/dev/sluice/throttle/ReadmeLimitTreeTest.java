package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.throttle.tree.DirectionalRate;
import dev.sluice.throttle.tree.LimitTree;
import dev.sluice.throttle.tree.NodeLimits;
import dev.sluice.throttle.tree.TreeTransfer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's limit tree example, line for line, on a file small enough to fit the 16 KiB leaf burst, so
 * that it runs on the real clock without waiting. If this stops compiling, the README is wrong.
 */
class ReadmeLimitTreeTest {

    @TempDir
    Path dir;

    @Test
    void limitTreeExampleRunsAsWritten() throws IOException {
        byte[] log = "log line\n".repeat(1000).getBytes();
        Files.write(dir.resolve("app.log"), log);
        ByteArrayOutputStream upload = new ByteArrayOutputStream();

        LimitTree tree = LimitTree.parse(
                "global=100KiB/s:1MiB/s; bucket:logs assured=20KiB/s weight=2; bucket:media ceil=50KiB/s:off");

        try (TreeTransfer transfer = tree.open("bucket:logs");
             InputStream in = new ThrottledInputStream(Files.newInputStream(dir.resolve("app.log")),
                     Pacer.of(transfer.upload()))) {
            in.transferTo(upload);
        }

        tree.setLimits("bucket:media", NodeLimits.DEFAULT.ceil(DirectionalRate.parse("80KiB/s:off")));
        tree.pause("bucket:logs");
        tree.resume("bucket:logs");

        assertArrayEquals(log, upload.toByteArray());
        assertEquals(6, tree.snapshot().size(), "global and two buckets, each way; the closed transfer is gone");
    }
}
