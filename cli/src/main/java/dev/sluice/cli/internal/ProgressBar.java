package dev.sluice.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A single-line progress bar on standard error, redrawn in place with {@code \r} ten times a second
 * while a {@link TransferProgress} runs: bytes so far, the rate over the last second and the ETA.
 * Closing it draws the final state and ends the line.
 */
final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 30;
    private static final long REDRAW_MILLIS = 100;

    private final TransferProgress progress;
    private final PrintWriter err;
    private final ScheduledExecutorService redraws;
    private int lastLength;

    private ProgressBar(TransferProgress progress, PrintWriter err) {
        this.progress = progress;
        this.err = err;
        this.redraws = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sluice-progress-" + progress.label());
            thread.setDaemon(true); // never keeps the command alive
            return thread;
        });
    }

    /** Starts redrawing {@code progress} on {@code err}. */
    static ProgressBar show(TransferProgress progress, PrintWriter err) {
        ProgressBar bar = new ProgressBar(progress, err);
        bar.draw(false);
        bar.redraws.scheduleAtFixedRate(() -> bar.draw(false), REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        return bar;
    }

    /** Stops redrawing, draws the final state and ends the line. */
    @Override
    public void close() {
        redraws.shutdownNow();
        try {
            redraws.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the final line is still drawn; the caller sees the flag
        }
        draw(true);
    }

    private synchronized void draw(boolean last) {
        String line = line(progress, last);
        // pad over the remains of a longer previous line
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        lastLength = line.length();
        err.print("\r" + line + padding + (last ? System.lineSeparator() : ""));
        err.flush();
    }

    /** The bar's text for {@code progress}; {@code last} shows the elapsed time instead of the ETA. */
    static String line(TransferProgress progress, boolean last) {
        long bytes = progress.bytes();
        long total = progress.total();
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, bytes * WIDTH / total);
        double rate = progress.windowBytesPerSecond();
        String tail;
        if (last) {
            tail = String.format(Locale.ROOT, "in %.1f s", progress.elapsedNanos() / 1e9);
        } else if (rate >= 1 && bytes < total) {
            tail = "ETA " + Figures.minutes((total - bytes) / rate);
        } else {
            tail = "ETA -:--";
        }
        return String.format(Locale.ROOT, "%-8s [%s%s] %3d%% %10s / %-10s %12s  %s", progress.label(),
                "#".repeat(filled), "-".repeat(WIDTH - filled), total == 0 ? 100 : bytes * 100 / total,
                Figures.size(bytes), Figures.size(total), Figures.rate(rate), tail);
    }
}
