package dev.sluice.cli.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.api.spi.RateLimiterProvider;
import dev.sluice.api.spi.RateLimiterSpec;
import dev.sluice.oss.Crc64;
import dev.sluice.oss.ObjectMetadata;
import dev.sluice.oss.OssClient;
import dev.sluice.oss.OssClientBuilder;
import dev.sluice.oss.PartSize;
import dev.sluice.throttle.Pacer;
import dev.sluice.throttle.PacingMiddleware;
import dev.sluice.throttle.ProviderRegistry;
import dev.sluice.throttle.Scheduler;
import dev.sluice.throttle.TransferListener;
import dev.sluice.throttle.schedule.AppliedTimetable;
import dev.sluice.throttle.schedule.Timetable;
import dev.sluice.throttle.tree.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sluice cp SRC DST}: one file between a local path and {@code oss://bucket/key}, paced. */
@Command(name = "cp", mixinStandardHelpOptions = true,
        description = "Copies a local file to oss://bucket/key, or an object to a local path, paced on the client"
                + " (--limit) and/or by OSS (--traffic-limit, on every part of a multipart upload too), with a progress"
                + " bar; every byte is checked by CRC-64. Files over --multipart-threshold, or any file when --part-size"
                + " is given, go up as a multipart upload."
                + " Credentials come from OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET (and OSS_SESSION_TOKEN).",
        footer = {"", "Exit codes: 0 ok, 1 transfer or CRC-64 failure (or an OSS error), 2 bad usage."})
final class CpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private SluiceCommand parent;

    @Mixin
    private OssOptions oss;

    @Parameters(index = "0", paramLabel = "SRC", description = "A local file, or oss://bucket/key.")
    private String source;

    @Parameters(index = "1", paramLabel = "DST",
            description = "oss://bucket/key (oss://bucket/ keeps the file's name), or a local file or folder.")
    private String destination;

    @Option(names = "--limit", paramLabel = "RATE", description = "Client-side limit, e.g. 8MiB/s (default: none).")
    private DataRate limit;

    @Option(names = "--schedule", paramLabel = "TIMETABLE",
            description = "Client-side limit by time of day instead of --limit, e.g. \"08:00,8MiB/s 23:00,off\" or"
                    + " \"Mon-08:00,8MiB/s:1MiB/s Sat-00:00,off\" (UP:DOWN), followed while the copy runs.")
    private String schedule;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone --schedule is read in, e.g. Europe/Berlin (default: the system's).")
    private String zone;

    @Option(names = "--limiter", paramLabel = "NAME", defaultValue = "leaky-bucket",
            description = "Client-side rate limiter for --limit or --schedule, by provider name (default:"
                    + " ${DEFAULT-VALUE}).")
    private String limiter;

    @Option(names = "--traffic-limit", paramLabel = "RATE",
            description = "Asks OSS to cap the connection (x-oss-traffic-limit), 819200..838860800 bit/s.")
    private DataRate trafficLimit;

    @Option(names = "--part-size", paramLabel = "SIZE",
            description = "Upload in parts of SIZE (100KiB..5GiB; doubled if the file would need more than 10,000"
                    + " parts), whatever the file's size.")
    private DataSize partSize;

    @Option(names = "--multipart-threshold", paramLabel = "SIZE", defaultValue = "100MiB",
            description = "Upload files larger than SIZE in parts (of --part-size, else 10 MiB) (default:"
                    + " ${DEFAULT-VALUE}).")
    private DataSize multipartThreshold;

    /** The slot due when the copy started, printed once nothing more can be refused as bad usage. */
    private Optional<String> scheduleLine = Optional.empty();

    /** Made by picocli. */
    CpCommand() {
    }

    @Override
    public Integer call() throws Exception {
        Optional<OssLocation> from = location(source);
        Optional<OssLocation> to = location(destination);
        if (from.isPresent() == to.isPresent()) {
            throw usage("cp copies between a local path and oss://bucket/key; got " + (from.isPresent() ? "two objects"
                    : "two local paths"));
        }
        Optional<Timetable> timetable = ScheduleOption.parse(spec, schedule, limit);
        Clock clock = Clock.system(ScheduleOption.zone(spec, zone, timetable.isPresent()));
        Direction direction = from.isPresent() ? Direction.DOWNLOAD : Direction.UPLOAD;
        ZonedDateTime now = ZonedDateTime.now(clock);
        DataRate rate = timetable.map(slots -> slots.rateAt(now, direction)).orElse(limit == null ? DataRate.UNLIMITED
                : limit);
        long burstNanos = rate.isUnlimited() ? 0 : rate.nanosToSend(Pacer.DEFAULT_CHUNK.bytes()) / 2;
        TransferProgress progress = new TransferProgress(from.isPresent() ? "download" : "upload", 0, burstNanos,
                Ticker.system());
        RateLimiter rateLimiter = limiter().create(RateLimiterSpec.of(rate));
        Pacer pacer = Pacer.of(rateLimiter);
        if (from.isPresent() && partSize != null) {
            throw usage("--part-size applies to uploads only");
        }
        // it has a default, so only the command line tells whether it was given
        if (from.isPresent() && spec.commandLine().getParseResult().hasMatchedOption("--multipart-threshold")) {
            throw usage("--multipart-threshold applies to uploads only");
        }
        // only object bodies are progress: not the XML of InitiateMultipartUpload and CompleteMultipartUpload
        PacingMiddleware pacing = PacingMiddleware.builder().uploads(pacer).downloads(pacer)
                .uploadListener(request -> "PUT".equals(request.method()) ? progress : TransferListener.none())
                .downloadListener(request -> "GET".equals(request.method()) ? progress : TransferListener.none())
                .build();
        OssClientBuilder builder = oss.client(spec, parent.environment(), Optional.of(pacing));
        TrafficLimitOption.of(spec, trafficLimit).ifPresent(builder::trafficLimit);
        scheduleLine = timetable.map(slots -> ScheduleOption.describe(slots, direction, now));
        // the timer follows the wall clock and changes the limiter's rate at each boundary, mid-transfer
        try (AppliedTimetable applied = follow(timetable, rateLimiter, direction, clock);
                OssClient client = builder.build()) {
            return to.isPresent() ? upload(client, Path.of(source), to.get(), progress)
                    : download(client, from.get(), Path.of(destination), progress);
        }
    }

    /** The timetable applied to the limiter from now on, one way; null (nothing to close) without one. */
    private static AppliedTimetable follow(Optional<Timetable> timetable, RateLimiter rateLimiter, Direction direction,
            Clock clock) {
        return timetable.map(slots -> AppliedTimetable.start(slots, rates -> rateLimiter.setRate(rates.get(direction)),
                clock, Scheduler.shared())).orElse(null);
    }

    private int upload(OssClient client, Path file, OssLocation target, TransferProgress progress) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw usage("SRC " + file + " is not a file");
        }
        OssLocation object = target.orIn(file.getFileName().toString());
        long size = Files.size(file);
        boolean multipart = partSize != null || size > multipartThreshold.bytes();
        long parts = multipart ? PartSize.partCount(size, checkedPartSize(size)) : 1;
        TransferProgress sized = progress;
        sized.total(size);
        long crc;
        announceSchedule();
        try (ProgressBar bar = ProgressBar.show(sized, spec.commandLine().getErr())) {
            crc = multipart ? client.multipart().uploadFile(object.bucket(), object.key(), file, preferredPartSize())
                    .crc64().orElse(-1) : client.putObject(object.bucket(), object.key(), file).crc64();
            sized.lastByteArrivedNow();
        }
        String to = object + (multipart ? " in " + Figures.grouped(parts) + (parts == 1 ? " part" : " parts") + " of "
                + Figures.size(checkedPartSize(size)) : "");
        report("uploaded", file.toString(), to, sized, crc);
        return ExitCode.OK;
    }

    private DataSize preferredPartSize() {
        return partSize == null ? PartSize.DEFAULT_PREFERRED : partSize;
    }

    /** The part size {@code Multipart.uploadFile} will use for {@code size} bytes, refused before anything is sent. */
    private long checkedPartSize(long size) {
        try {
            return PartSize.determine(size, preferredPartSize());
        } catch (IllegalArgumentException refused) {
            throw usage((partSize == null ? "SRC of " + Figures.grouped(size) + " B" : "--part-size " + partSize) + ": "
                    + refused.getMessage());
        }
    }

    private int download(OssClient client, OssLocation object, Path target, TransferProgress progress) throws Exception {
        if (object.key().isEmpty() || object.key().endsWith("/")) {
            throw usage("SRC " + object + " names no object: write oss://bucket/key");
        }
        Path file = Files.isDirectory(target) ? target.resolve(object.key().substring(object.key().lastIndexOf('/') + 1))
                : target;
        ObjectMetadata head = client.headObject(object.bucket(), object.key());
        TransferProgress sized = progress;
        sized.total(head.contentLength());
        announceSchedule();
        try (ProgressBar bar = ProgressBar.show(sized, spec.commandLine().getErr())) {
            client.getObject(object.bucket(), object.key(), file);
        }
        report("downloaded", object.toString(), file.toString(), sized, head.crc64().orElse(-1));
        return ExitCode.OK;
    }

    private void announceSchedule() {
        scheduleLine.ifPresent(line -> {
            spec.commandLine().getErr().println(line);
            spec.commandLine().getErr().flush();
        });
    }

    private void report(String what, String from, String to, TransferProgress progress, long crc) {
        double seconds = progress.elapsedNanos() / 1e9;
        spec.commandLine().getOut().printf(Locale.ROOT, "%s %s to %s: %s B in %.1f s%s%s%n", what, from, to,
                Figures.grouped(progress.bytes()), seconds,
                progress.measuredBytesPerSecond().isPresent()
                        ? ", " + Figures.rate(progress.measuredBytesPerSecond().getAsDouble()) : "",
                crc == -1 ? "" : ", CRC-64 " + Crc64.toDecimal(crc) + " checked");
        spec.commandLine().getOut().flush();
    }

    private RateLimiterProvider limiter() {
        ProviderRegistry registry = ProviderRegistry.load(CpCommand.class.getClassLoader());
        return registry.findRateLimiter(limiter).orElseThrow(() -> usage("--limiter \"" + limiter
                + "\" is not available: known limiters: " + String.join(", ", registry.rateLimiterNames())));
    }

    private Optional<OssLocation> location(String text) {
        try {
            return OssLocation.parse(text);
        } catch (IllegalArgumentException refused) {
            throw usage(refused.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
