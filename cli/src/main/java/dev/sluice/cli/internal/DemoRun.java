package dev.sluice.cli.internal;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.Request;
import dev.sluice.api.Ticker;
import dev.sluice.api.spi.RateLimiterSpec;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.OssClientBuilder;
import dev.sluice.oss.PutObjectResult;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.PacingMiddleware;
import dev.sluice.throttle.TransferListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Stream;

/**
 * One run of {@code sluice demo}: a generated file goes up to an emulator on loopback and comes back, each
 * way paced by its own client-side limiter and by {@code x-oss-traffic-limit}, with a progress bar, the
 * measured rates and a CRC-64 check. Temporary files are deleted afterwards.
 */
final class DemoRun {

    private static final String BUCKET = "sluice-demo";
    private static final String KEY = "demo.bin";
    private static final String WARM_UP_KEY = "warm-up.bin";
    private static final int BLOCK = 64 * 1024;

    private final DemoSettings settings;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Ticker ticker = Ticker.system();

    DemoRun(DemoSettings settings, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /** Runs the demo; returns {@link ExitCode#OK}, or {@link ExitCode#FAILED} if a CRC-64 differs. */
    int run() throws IOException {
        Path folder = Files.createTempDirectory("sluice-demo-");
        try {
            return run(folder);
        } finally {
            delete(folder);
        }
    }

    private int run(Path folder) throws IOException {
        long size = settings.size().bytes();
        Path source = folder.resolve("upload.bin");
        Path target = folder.resolve("download.bin");
        long sourceCrc = generate(source, size);
        // a fresh key pair per run: the emulator verifies every signature, and nothing outside this run needs it
        Credentials credentials = Credentials.of("sluice-demo", HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
        try (OssEmulator emulator = OssEmulator.builder().credentials(credentials).bucket(BUCKET)
                .storageDirectory(folder).start()) {
            // bytes within half a chunk's time of the first are the burst (see TransferProgress)
            long burstNanos = settings.rate().nanosToSend(Pacer.DEFAULT_CHUNK.bytes()) / 2;
            TransferProgress upload = new TransferProgress("upload", size, burstNanos, ticker);
            TransferProgress download = new TransferProgress("download", size, burstNanos, ticker);
            OssClientBuilder builder = OssClient.builder().endpoint(emulator.endpoint()).region(emulator.region())
                    .credentials(credentials).transport(pacing(upload, download).around(settings.transport().create(Map.of())));
            settings.trafficLimit().ifPresent(builder::trafficLimit);
            describe(emulator);
            try (OssClient client = builder.build()) {
                warmUp(client, folder.resolve(WARM_UP_KEY));
                PutObjectResult put;
                try (ProgressBar bar = ProgressBar.show(upload, err)) {
                    put = client.putObject(BUCKET, KEY, source);
                    upload.lastByteArrivedNow();
                }
                try (ProgressBar bar = ProgressBar.show(download, err)) {
                    client.getObject(BUCKET, KEY, target);
                }
                out.println(result(upload));
                out.println(result(download));
                return checkCrc(sourceCrc, put.crc64(), crcOf(target));
            }
        } finally {
            out.flush();
        }
    }

    /** Each direction paced by a limiter of its own, reporting into its progress. */
    private PacingMiddleware pacing(TransferProgress upload, TransferProgress download) {
        return PacingMiddleware.builder()
                .uploads(Pacer.of(settings.limiter().create(RateLimiterSpec.of(settings.rate()))))
                .downloads(Pacer.of(settings.limiter().create(RateLimiterSpec.of(settings.rate()))))
                // only the object's PUT and GET are the transfers the bars show
                .uploadListener(request -> isDemoObject(request, "PUT") ? upload : TransferListener.none())
                .downloadListener(request -> isDemoObject(request, "GET") ? download : TransferListener.none())
                .build();
    }

    private static boolean isDemoObject(Request request, String method) {
        return method.equals(request.method()) && request.uri().getPath().endsWith("/" + KEY);
    }

    /**
     * A 1 KiB round trip, not measured, so that connecting and the first use of the request path (class
     * loading, a cold JIT) do not delay the measured transfers' first bytes.
     */
    private static void warmUp(OssClient client, Path target) throws IOException {
        client.putObject(BUCKET, WARM_UP_KEY, new byte[1024]);
        client.getObject(BUCKET, WARM_UP_KEY, target);
        client.deleteObject(BUCKET, WARM_UP_KEY);
        Files.delete(target);
    }

    private void describe(OssEmulator emulator) {
        DataRate rate = settings.rate();
        out.printf(Locale.ROOT, "OSS emulator on %s (region %s), bucket %s%n", emulator.endpoint(), emulator.region(),
                BUCKET);
        out.printf(Locale.ROOT, "%s up and back down at %s (%s bit/s): client pacing by %s, %s, transport %s%n",
                Figures.size(settings.size().bytes()), rate, Figures.grouped(rate.bitsPerSecond()),
                settings.limiter().name(),
                settings.trafficLimit().map(limit -> "x-oss-traffic-limit " + limit.headerValue() + " bit/s")
                        .orElse("no x-oss-traffic-limit"),
                settings.transport().name());
        out.flush();
    }

    /** The final line of one direction: the measured rate, how it was computed, and its error. */
    private String result(TransferProgress progress) {
        double target = settings.rate().bytesPerSecond();
        OptionalDouble measured = progress.measuredBytesPerSecond();
        String head = String.format(Locale.ROOT, "%-9s", progress.label() + ":");
        if (measured.isEmpty()) {
            return head + Figures.grouped(progress.bytes()) + " B arrived in the initial burst: too fast"
                    + " to measure; try a larger --size or a lower --rate";
        }
        double rate = measured.getAsDouble();
        // rounded before printing so that a tiny negative error reads +0.00, not -0.00
        double error = Math.round((rate - target) / target * 10_000) / 100.0 + 0.0;
        return String.format(Locale.ROOT, "%s measured %s (%s bit/s) = (%s - %s) B / %.4f s; target %s (%s bit/s);"
                        + " error %+.2f %%",
                head, Figures.rate(rate), Figures.grouped(Math.round(rate * 8)), Figures.grouped(progress.bytes()),
                Figures.grouped(progress.bytesAtT0()), progress.elapsedNanos() / 1e9, Figures.rate(target),
                Figures.grouped(settings.rate().bitsPerSecond()), error);
    }

    private int checkCrc(long source, long uploaded, long downloaded) {
        if (source == uploaded && source == downloaded) {
            out.println("CRC-64:  " + Crc64.toDecimal(source) + " matches (generated file, OSS after upload,"
                    + " downloaded file)");
            return ExitCode.OK;
        }
        err.println("sluice demo: CRC-64 mismatch: generated " + Crc64.toDecimal(source) + ", OSS after upload "
                + Crc64.toDecimal(uploaded) + ", downloaded " + Crc64.toDecimal(downloaded));
        err.flush();
        return ExitCode.FAILED;
    }

    /** Writes {@code size} pseudo-random bytes (the same for every run) to {@code file}; returns their CRC-64. */
    private static long generate(Path file, long size) throws IOException {
        Random random = new Random(819_200);
        byte[] block = new byte[BLOCK];
        Crc64 crc = new Crc64();
        try (OutputStream stream = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= BLOCK) {
                random.nextBytes(block);
                int length = (int) Math.min(BLOCK, left);
                crc.update(block, 0, length);
                stream.write(block, 0, length);
            }
        }
        return crc.getValue();
    }

    private static long crcOf(Path file) throws IOException {
        Crc64 crc = new Crc64();
        byte[] block = new byte[BLOCK];
        try (InputStream stream = Files.newInputStream(file)) {
            for (int read = stream.read(block); read >= 0; read = stream.read(block)) {
                crc.update(block, 0, read);
            }
        }
        return crc.getValue();
    }

    private static void delete(Path folder) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
