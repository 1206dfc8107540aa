package dev.sluice.throttle.schedule;

import dev.sluice.api.RateLimiter;
import dev.sluice.throttle.tree.DirectionalRate;
import dev.sluice.throttle.tree.LimitTree;

/**
 * What an {@link AppliedTimetable} sets at each boundary: one limiter, an upload and a download limiter, a
 * {@link LimitTree} node's ceiling, or anything else that takes an upload and a download rate.
 *
 * <pre>{@code
 * AppliedTimetable.start(Timetable.parse("08:00,8MiB/s:1MiB/s 23:00,off"),
 *         TimetableTarget.ceilingOf(tree, LimitTree.ROOT), Clock.systemDefaultZone(), Scheduler.shared());
 * }</pre>
 *
 * <p>{@link #apply} is called from the timer task, never concurrently with itself for one applied
 * timetable; an exception it throws leaves the rates to be tried again at the timer's next wake-up.
 */
@FunctionalInterface
public interface TimetableTarget {

    /**
     * Sets the limits due now ({@link dev.sluice.api.DataRate#UNLIMITED} on a side that is off).
     *
     * @throws RuntimeException if the target refuses them; the applied timetable tries again later
     */
    void apply(DirectionalRate rates);

    /**
     * Sets {@code limiter}'s rate, for timetables whose entries limit both directions alike.
     *
     * @throws IllegalArgumentException if {@code limiter} is null
     */
    static TimetableTarget of(RateLimiter limiter) {
        if (limiter == null) {
            throw new IllegalArgumentException("limiter must not be null");
        }
        return new TimetableTarget() {
            @Override
            public void apply(DirectionalRate rates) {
                if (!rates.upload().equals(rates.download())) {
                    throw new IllegalStateException("one limiter cannot follow " + rates
                            + "; apply the timetable to an upload and a download limiter");
                }
                limiter.setRate(rates.upload());
            }

            @Override
            public String toString() {
                return limiter.toString();
            }
        };
    }

    /**
     * Sets {@code upload}'s rate to the upload side and {@code download}'s to the download side.
     *
     * @throws IllegalArgumentException if either limiter is null
     */
    static TimetableTarget of(RateLimiter upload, RateLimiter download) {
        if (upload == null || download == null) {
            throw new IllegalArgumentException("upload and download limiters must not be null, were " + upload
                    + " and " + download);
        }
        return new TimetableTarget() {
            @Override
            public void apply(DirectionalRate rates) {
                upload.setRate(rates.upload());
                download.setRate(rates.download());
            }

            @Override
            public String toString() {
                return "upload " + upload + ", download " + download;
            }
        };
    }

    /**
     * Sets the ceiling (both directions) of node {@code path} of {@code tree} through
     * {@link LimitTree#setCeil}: its transfers' shares follow within one grant; the node's guarantee and
     * weight stay. {@code off} lifts the node's own ceiling ({@link LimitTree#ROOT}: the tree is unlimited).
     *
     * @throws IllegalArgumentException if {@code tree} is null or has no node {@code path}
     */
    static TimetableTarget ceilingOf(LimitTree tree, String path) {
        if (tree == null) {
            throw new IllegalArgumentException("limit tree must not be null");
        }
        tree.limits(path); // refuses a missing node now rather than at the first boundary
        return new TimetableTarget() {
            @Override
            public void apply(DirectionalRate rates) {
                tree.setCeil(path, rates);
            }

            @Override
            public String toString() {
                return "ceiling of " + path;
            }
        };
    }
}
