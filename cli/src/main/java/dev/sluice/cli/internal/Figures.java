package dev.sluice.cli.internal;

import java.util.Locale;

/** How the command writes sizes, rates and durations for people. */
final class Figures {

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Figures() {
    }

    /** {@code bytes} in the largest binary unit it reaches, one decimal: {@code "512.0 KiB"}. */
    static String size(double bytes) {
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", value)
                : String.format(Locale.ROOT, "%.1f %s", value, BINARY[unit]);
    }

    /** A rate in bytes per second, as {@link #size} per second: {@code "100.0 KiB/s"}. */
    static String rate(double bytesPerSecond) {
        return size(bytesPerSecond) + "/s";
    }

    /** A whole number with thousands separators: {@code "1,048,576"}. */
    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Seconds as {@code m:ss}, for the ETA. */
    static String minutes(double seconds) {
        long whole = (long) Math.ceil(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
