package dev.sluice.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DataRate;
import dev.sluice.api.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An object that changes during its download (here: a transport hook gives every GET another ETag than the
 * HEAD) fails the download at once with {@link ObjectChangedException}: one GET, no retries, no file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransferObjectChangedTest {

    private Emulated oss;
    @TempDir
    Path folder;

    @BeforeAll
    void start() {
        oss = new Emulated();
    }

    @AfterAll
    void stop() {
        oss.close();
    }

    @Test
    void aRangeWithAnotherETagThanTheHeadFailsTheDownloadAfterOneGetWithoutRetrying() throws Exception {
        Path source = Emulated.randomFile(folder, "changing", 1000, 71);
        oss.oss.putObject(Emulated.BUCKET, "changed/etag", source);
        String etag = oss.oss.headObject(Emulated.BUCKET, "changed/etag").etag();
        UnaryOperator<Response> newVersion = response -> new Response(response.status(),
                response.headers().with("ETag", "\"a-new-version\""), response.body());
        Emulated.Hooked hooked = oss.hooked(request -> request.method().equals("GET"), request -> { }, newVersion);
        Path target = folder.resolve("changing-out");
        try (TransferManager transfers = oss.manager(oss.config(DataRate.UNLIMITED, 1).partAttempts(5).transport(hooked)
                .build())) {
            TransferFuture download = transfers.download(Emulated.BUCKET, "changed/etag", target);

            ObjectChangedException changed = assertThrows(ObjectChangedException.class, download::result);
            assertEquals("GetObject oss://transfer-bucket/changed/etag: the object changed during the download (its ETag"
                    + " went from " + etag + " to \"a-new-version\")", changed.getMessage());
            assertEquals(1, hooked.count("GET"), "not retried");
        }
        assertFalse(Files.exists(target));
    }
}
