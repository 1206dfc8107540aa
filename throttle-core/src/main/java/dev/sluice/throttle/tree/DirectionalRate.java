package dev.sluice.throttle.tree;

import dev.sluice.api.DataRate;

/**
 * An upload rate and a download rate, written {@code UP:DOWN} as rclone's {@code --bwlimit} does:
 * {@code "8MiB/s:1MiB/s"}, {@code "8MiB/s:off"} (downloads not limited), or one rate for both sides
 * ({@code "8MiB/s"}). {@code off} is {@link DataRate#UNLIMITED}.
 *
 * <pre>{@code
 * DirectionalRate rates = DirectionalRate.parse("8MiB/s:1MiB/s");
 * rates.upload();                      // 8 MiB/s
 * rates.download();                    // 1 MiB/s
 * rates.toString();                    // "8MiB/s:1MiB/s", which parse reads back
 * DirectionalRate.parse("off").equals(DirectionalRate.OFF);   // true
 * }</pre>
 */
public final class DirectionalRate {

    /** No limit either way. */
    public static final DirectionalRate OFF = new DirectionalRate(DataRate.UNLIMITED, DataRate.UNLIMITED);

    private final DataRate upload;
    private final DataRate download;

    private DirectionalRate(DataRate upload, DataRate download) {
        this.upload = upload;
        this.download = download;
    }

    /**
     * {@code upload} one way and {@code download} the other ({@link DataRate#UNLIMITED} for no limit).
     *
     * @throws IllegalArgumentException if either is null
     */
    public static DirectionalRate of(DataRate upload, DataRate download) {
        if (upload == null || download == null) {
            throw new IllegalArgumentException("upload and download rates must not be null (use DataRate.UNLIMITED"
                    + " for no limit), were " + upload + " and " + download);
        }
        return new DirectionalRate(upload, download);
    }

    /** The same {@code rate} both ways. */
    public static DirectionalRate both(DataRate rate) {
        return of(rate, rate);
    }

    /**
     * Reads {@code "UP:DOWN"} or {@code "RATE"} (both sides), each side a {@link DataRate#parse} rate
     * without spaces or {@code off}.
     *
     * @throws IllegalArgumentException naming the text, the side and what is wrong
     */
    public static DirectionalRate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("directional rate must be RATE or UP:DOWN (e.g. \"8MiB/s:1MiB/s\","
                    + " a side may be off), was " + (text == null ? "null" : "\"" + text + "\""));
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return both(side(text, text, "rate"));
        }
        if (text.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("directional rate \"" + text
                    + "\" has more than one ':'; write UP:DOWN, e.g. \"8MiB/s:1MiB/s\"");
        }
        return of(side(text, text.substring(0, colon), "upload rate"),
                side(text, text.substring(colon + 1), "download rate"));
    }

    private static DataRate side(String whole, String side, String name) {
        String stripped = side.strip();
        if (stripped.equals("off") || stripped.equals("unlimited")) {
            return DataRate.UNLIMITED;
        }
        try {
            return DataRate.parse(stripped);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " \"" + stripped + "\" in \"" + whole + "\" is not a rate"
                    + " such as 8MiB/s, 819200bit/s or off: " + e.getMessage(), e);
        }
    }

    /** The upload rate; {@link DataRate#UNLIMITED} when off. */
    public DataRate upload() {
        return upload;
    }

    /** The download rate; {@link DataRate#UNLIMITED} when off. */
    public DataRate download() {
        return download;
    }

    /** The rate of {@code direction}. */
    public DataRate get(Direction direction) {
        return direction == Direction.UPLOAD ? upload : download;
    }

    /** This with {@code direction} set to {@code rate}. */
    public DirectionalRate with(Direction direction, DataRate rate) {
        return direction == Direction.UPLOAD ? of(rate, download) : of(upload, rate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectionalRate && ((DirectionalRate) o).upload.equals(upload)
                && ((DirectionalRate) o).download.equals(download);
    }

    @Override
    public int hashCode() {
        return upload.hashCode() * 31 + download.hashCode();
    }

    /** {@code "8MiB/s:1MiB/s"}, {@code "off:1MiB/s"}, or one side when both are equal ({@code "8MiB/s"}). */
    @Override
    public String toString() {
        return upload.equals(download) ? compact(upload) : compact(upload) + ":" + compact(download);
    }

    /** A rate as the textual forms write it: no space, {@code off} for unlimited. */
    static String compact(DataRate rate) {
        return rate.isUnlimited() ? "off" : rate.toString().replace(" ", "");
    }
}
