package dev.sluice.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The generous bounds {@code ScaleMain --check} holds a scale run to: waiting streams cost no platform
 * thread (at most {@value #MAX_EXTRA_THREADS} more threads at the peak than before the streams started,
 * whatever their number), at most {@value #MAX_HEAP_BYTES_PER_STREAM} B of heap per stream, and, where
 * enough grants completed to measure it ({@value #MIN_GRANTS_FOR_RATE}), the aggregate rate within
 * {@value #MAX_ERROR_PERCENT} %.
 */
final class ScaleBounds {

    static final int MAX_EXTRA_THREADS = 4;
    static final double MAX_HEAP_BYTES_PER_STREAM = 4096;
    static final int MIN_GRANTS_FOR_RATE = 100;
    static final double MAX_ERROR_PERCENT = 5;

    private ScaleBounds() {
    }

    /** One line per violation; empty when every run is within bounds. */
    static List<String> violations(List<ScaleResult> results) {
        List<String> violations = new ArrayList<>();
        for (ScaleResult r : results) {
            String who = r.streams() + " streams at " + r.rate();
            if (r.threadsPeak() - r.threadsBefore() > MAX_EXTRA_THREADS) {
                violations.add(String.format(Locale.ROOT, "%s: %d threads at the peak, %d before (at most %d more)",
                        who, r.threadsPeak(), r.threadsBefore(), MAX_EXTRA_THREADS));
            }
            if (r.heapBytesPerStream() > MAX_HEAP_BYTES_PER_STREAM) {
                violations.add(String.format(Locale.ROOT, "%s: %.0f B of heap per stream is above %.0f B", who,
                        r.heapBytesPerStream(), MAX_HEAP_BYTES_PER_STREAM));
            }
            if (r.grants() >= MIN_GRANTS_FOR_RATE && !(Math.abs(r.errorPercent()) <= MAX_ERROR_PERCENT)) {
                violations.add(String.format(Locale.ROOT, "%s: aggregate error %+.3f %% is outside +/-%.0f %%", who,
                        r.errorPercent(), MAX_ERROR_PERCENT));
            }
        }
        return violations;
    }
}
