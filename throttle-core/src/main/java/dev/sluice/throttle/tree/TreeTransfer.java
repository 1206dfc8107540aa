package dev.sluice.throttle.tree;

import dev.sluice.api.RateLimiter;

/**
 * One transfer's place in a {@link LimitTree}: a leaf per direction, each a plain {@link RateLimiter} that
 * plugs into {@code Pacer}, the throttled streams and {@code PacingMiddleware} unchanged. Its rates follow
 * its share of the tree; {@link RateLimiter#setRate} on a leaf sets that leaf's own ceiling. Close it when the
 * transfer ends, so that its share goes back to its siblings at once (or, if a reservation of it still waits,
 * when that wait is over: until then its leaf paces it at the share, which the siblings must not use too).
 *
 * <pre>{@code
 * try (TreeTransfer transfer = tree.open("bucket:logs")) {
 *     Pacer pacer = Pacer.of(transfer.upload());
 *     try (OutputStream out = new ThrottledOutputStream(socketOut, pacer)) {
 *         in.transferTo(out);
 *     }
 * }
 * }</pre>
 */
public final class TreeTransfer implements AutoCloseable {

    private final LimitTree tree;
    private final String path;
    private final RateLimiter upload;
    private final RateLimiter download;

    TreeTransfer(LimitTree tree, String path, RateLimiter upload, RateLimiter download) {
        this.tree = tree;
        this.path = path;
        this.upload = upload;
        this.download = download;
    }

    /** The leaf's path, e.g. {@code bucket:logs/#3}; usable with the tree's control methods. */
    public String path() {
        return path;
    }

    /** The upload leaf. */
    public RateLimiter upload() {
        return upload;
    }

    /** The download leaf. */
    public RateLimiter download() {
        return download;
    }

    /** The leaf of {@code direction}. */
    public RateLimiter limiter(Direction direction) {
        return direction == Direction.UPLOAD ? upload : download;
    }

    /**
     * Leaves the tree (at once for the control methods; in {@link LimitTree#snapshot()} a leaf stays until its
     * last waiting reservation is over); later reservations on the leaves are paced at their last rate. Idempotent.
     */
    @Override
    public void close() {
        tree.close(this);
    }

    @Override
    public String toString() {
        return "TreeTransfer[" + path + ", upload " + upload.rate() + ", download " + download.rate() + "]";
    }
}
