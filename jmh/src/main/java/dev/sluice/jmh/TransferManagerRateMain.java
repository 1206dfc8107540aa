package dev.sluice.jmh;

import static dev.sluice.jmh.CheckExits.FAILED;
import static dev.sluice.jmh.CheckExits.optionsOrExit;
import static dev.sluice.jmh.CheckExits.writeReport;

import dev.sluice.api.Credentials;
import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.Ticker;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.oss.Crc64;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.transfer.TransferConfig;
import dev.sluice.transfer.TransferFuture;
import dev.sluice.transfer.TransferManager;
import dev.sluice.transfer.TransferResult;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The aggregate rate of concurrent multipart transfers under one {@code TransferManager} cap, against the
 * OSS emulator on loopback, with its error against the cap: 8 uploads, then 8 ranged downloads of the same
 * objects, under 819,200 bit/s (100 KiB/s) and under 100 MiB/s. Parts are a quarter of an object (at least
 * the OSS minimum of 100 KiB), and every part of every transfer runs at once, so at the defaults 32 parts share
 * the one budget of their direction. Every object is checked by CRC-64. Wall-clock, so never a unit test.
 *
 * <pre>{@code
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.TransferManagerRateMain
 * java -cp jmh/target/benchmarks.jar dev.sluice.jmh.TransferManagerRateMain --slow-size 100KiB --fast-size 4MiB \
 *     --json jmh/target/transfer-manager-rate.json
 * }</pre>
 *
 * <p>The rate is the bytes of all transfers over the time from the first submit to the last result, so it
 * includes the requests that carry no object bytes (HEAD, initiate, complete) and the manager's 16 KiB start
 * burst; the "plain" rate leaves the burst out. At the defaults (400 KiB per transfer under 100 KiB/s, 32 MiB
 * per transfer under 100 MiB/s) a run takes about 70 s. At 100 MiB/s on a loaded machine the emulator and the
 * JDK client may be the bottleneck: a rate below the cap there says so, and is not a pacing error.
 */
public final class TransferManagerRateMain {

    private static final Credentials KEY = Credentials.of("LTAI5tBenchmarkKey001", "benchmark-secret/KEY+0000000000");
    private static final String BUCKET = "rate-bucket";
    private static final int PARTS_PER_TRANSFER = 4;
    private static final DataSize BURST = LeakyBucket.DEFAULT_BURST;

    private TransferManagerRateMain() {
    }

    /** Options: {@code --transfers n}, {@code --slow-size}, {@code --fast-size}, {@code --json}. */
    static final class Options {
        int transfers = 8;
        DataSize slowSize = DataSize.ofKibibytes(400);
        DataSize fastSize = DataSize.ofMebibytes(32);
        Path json = Path.of("jmh/target/transfer-manager-rate.json");

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i++]) {
                    case "--transfers":
                        options.transfers = Integer.parseInt(value);
                        if (options.transfers < 1 || options.transfers > 64) {
                            throw new IllegalArgumentException("--transfers must be within 1..64, was " + value);
                        }
                        break;
                    case "--slow-size":
                        options.slowSize = partable(DataSize.parse(value), "--slow-size");
                        break;
                    case "--fast-size":
                        options.fastSize = partable(DataSize.parse(value), "--fast-size");
                        break;
                    case "--json":
                        options.json = Path.of(value);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + args[i - 1]
                                + "; known: --transfers, --slow-size, --fast-size, --json");
                }
            }
            return options;
        }

        /** More than one part of the OSS minimum of 100 KiB, so that every transfer is multipart. */
        private static DataSize partable(DataSize size, String option) {
            long minimum = 100 * 1024 + 1;
            if (size.bytes() < minimum || size.bytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(option + " must be within " + minimum + " B (more than one part of"
                        + " 100 KiB)..2147483647 B, was " + size.bytes() + " B");
            }
            return size;
        }
    }

    /** One measured run: a direction, a cap, and what the receiver side of the manager saw. */
    record Run(String direction, DataRate cap, int transfers, long bytes, long elapsedNanos, boolean intact) {

        double rate() {
            return bytes * 1e9 / elapsedNanos;
        }

        double errorPercent() {
            return (rate() / cap.bytesPerSecond() - 1) * 100;
        }

        double plainRate() {
            return (bytes - BURST.bytes()) * 1e9 / elapsedNanos;
        }

        double plainErrorPercent() {
            return (plainRate() / cap.bytesPerSecond() - 1) * 100;
        }
    }

    /** Runs the measurement; see the class comment. */
    public static void main(String[] args) throws Exception {
        Options options = optionsOrExit("transfer-manager-rate", Options::parse, args);
        Instant started = Instant.now();
        List<Run> runs = new ArrayList<>();
        Path scratch = Files.createTempDirectory("sluice-transfer-rate");
        try (OssEmulator emulator = OssEmulator.builder().credentials(KEY).bucket(BUCKET)
                .storageDirectory(Files.createDirectories(scratch.resolve("emulator"))).start()) {
            measure(emulator, scratch, "warm-up", DataSize.ofKibibytes(400), DataRate.ofMebibytesPerSecond(100), 2);
            runs.addAll(measure(emulator, scratch, "slow", options.slowSize, DataRate.ofBitsPerSecond(819_200), options.transfers));
            runs.addAll(measure(emulator, scratch, "fast", options.fastSize, DataRate.ofMebibytesPerSecond(100), options.transfers));
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        writeReport(options.json, json(started, options, runs), markdown(runs));
        if (!runs.stream().allMatch(Run::intact)) {
            System.err.println("transfer-manager-rate: an object did not arrive intact");
            System.exit(FAILED);
        }
    }

    /** Uploads then downloads {@code transfers} objects of {@code size} under {@code cap}, each direction timed. */
    private static List<Run> measure(OssEmulator emulator, Path scratch, String name, DataSize size, DataRate cap,
            int transfers) throws IOException, InterruptedException {
        long partSize = Math.max(100 * 1024, (size.bytes() + PARTS_PER_TRANSFER - 1) / PARTS_PER_TRANSFER);
        List<Path> sources = new ArrayList<>();
        List<Long> crcs = new ArrayList<>();
        for (int i = 0; i < transfers; i++) {
            byte[] bytes = new byte[(int) size.bytes()];
            new Random(819_200L + i).nextBytes(bytes);
            sources.add(Files.write(scratch.resolve(name + "-" + i), bytes));
            crcs.add(Crc64.of(bytes));
        }
        System.err.println("transfer-manager-rate: " + name + ": " + transfers + " x " + size + " up, then down, under " + cap
                + " (about " + Math.round(2.0 * transfers * cap.nanosToSend(size.bytes()) / 1e9) + " s if the cap binds)");
        List<Run> runs = new ArrayList<>();
        try (JdkHttpTransport transport = JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(10)).build();
                TransferManager manager = TransferManager.builder().endpoint(emulator.endpoint()).region(emulator.region())
                        .credentials(KEY).config(TransferConfig.builder().maxBandwidth(cap)
                                .multipartThreshold(DataSize.ofBytes(partSize + 1))
                                .multipartChunkSize(DataSize.ofBytes(partSize))
                                .maxConcurrency(Math.min(TransferConfig.MAX_CONCURRENCY, transfers * PARTS_PER_TRANSFER))
                                .transport(transport).build())
                        .build()) {
            long begin = Ticker.system().read();
            List<TransferFuture> uploads = new ArrayList<>();
            for (int i = 0; i < transfers; i++) {
                uploads.add(manager.upload(sources.get(i), BUCKET, name + "/" + i));
            }
            boolean intact = checked(uploads, crcs);
            runs.add(new Run("upload", cap, transfers, transfers * size.bytes(), Ticker.system().read() - begin, intact));

            begin = Ticker.system().read();
            List<TransferFuture> downloads = new ArrayList<>();
            for (int i = 0; i < transfers; i++) {
                downloads.add(manager.download(BUCKET, name + "/" + i, scratch.resolve(name + "-copy-" + i)));
            }
            intact = checked(downloads, crcs);
            runs.add(new Run("download", cap, transfers, transfers * size.bytes(), Ticker.system().read() - begin, intact));
        }
        return runs;
    }

    private static boolean checked(List<TransferFuture> transfers, List<Long> crcs) throws IOException, InterruptedException {
        boolean intact = true;
        for (int i = 0; i < transfers.size(); i++) {
            TransferResult result = transfers.get(i).result();
            intact &= result.crc64() == crcs.get(i) && result.parts() > 1;
        }
        return intact;
    }

    private static String markdown(List<Run> runs) {
        StringBuilder md = new StringBuilder();
        md.append("\nTransfer manager aggregate rate (").append(ReportText.cores()).append(", emulator on loopback, ")
                .append("parts of a quarter of an object, all at once)\n\n");
        md.append("| direction | transfers | cap | bytes | elapsed s | rate B/s | error % | plain error % | intact |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|---|\n");
        for (Run r : runs) {
            md.append("| ").append(r.direction()).append(" | ").append(r.transfers()).append(" | ")
                    .append(r.cap().bitsPerSecond()).append(" bit/s (").append(r.cap()).append(") | ").append(r.bytes())
                    .append(" | ").append(ReportText.cell(r.elapsedNanos() / 1e9, 3)).append(" | ")
                    .append(ReportText.cell(r.rate(), 0)).append(" | ").append(ReportText.signed(r.errorPercent()))
                    .append(" | ").append(ReportText.signed(r.plainErrorPercent())).append(" | ").append(r.intact())
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String json(Instant started, Options options, List<Run> runs) {
        StringBuilder json = new StringBuilder();
        ReportText.appendOpening(json, "transfer-manager-rate", started.toString(), true);
        json.append("  \"settings\": {\n");
        json.append("    \"transfers\": ").append(options.transfers).append(",\n");
        json.append("    \"maxPartsPerTransfer\": ").append(PARTS_PER_TRANSFER).append(",\n");
        json.append("    \"slowSizeBytes\": ").append(options.slowSize.bytes()).append(",\n");
        json.append("    \"fastSizeBytes\": ").append(options.fastSize.bytes()).append(",\n");
        json.append("    \"burstBytes\": ").append(BURST.bytes()).append("\n");
        json.append("  },\n");
        json.append("  \"runs\": [\n");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            json.append("    {\n");
            json.append("      \"direction\": ").append(ReportText.string(r.direction())).append(",\n");
            json.append("      \"capBitsPerSecond\": ").append(r.cap().bitsPerSecond()).append(",\n");
            json.append("      \"capBytesPerSecond\": ").append(ReportText.number(r.cap().bytesPerSecond(), 3)).append(",\n");
            json.append("      \"transfers\": ").append(r.transfers()).append(",\n");
            json.append("      \"bytes\": ").append(r.bytes()).append(",\n");
            json.append("      \"intact\": ").append(r.intact()).append(",\n");
            json.append("      \"elapsedSeconds\": ").append(ReportText.number(r.elapsedNanos() / 1e9, 6)).append(",\n");
            json.append("      \"achievedBytesPerSecond\": ").append(ReportText.number(r.rate(), 3)).append(",\n");
            json.append("      \"achievedErrorPercent\": ").append(ReportText.number(r.errorPercent(), 4)).append(",\n");
            json.append("      \"plainBytesPerSecond\": ").append(ReportText.number(r.plainRate(), 3)).append(",\n");
            json.append("      \"plainErrorPercent\": ").append(ReportText.number(r.plainErrorPercent(), 4)).append("\n");
            json.append("    }").append(i + 1 < runs.size() ? "," : "").append("\n");
        }
        json.append("  ]\n}\n");
        return json.toString();
    }
}
