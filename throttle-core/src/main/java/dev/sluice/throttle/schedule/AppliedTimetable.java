package dev.sluice.throttle.schedule;

import dev.sluice.api.RateLimiter;
import dev.sluice.throttle.Scheduler;
import dev.sluice.throttle.tree.DirectionalRate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A {@link Timetable} applied to a {@link RateLimiter}: the limiter gets the timetable's rate at once, and
 * a new one at each boundary, through {@link RateLimiter#setRate}. Transfers keep running: the limiter
 * re-times reservations that are already waiting, so a boundary takes effect within one grant. A timetable
 * with {@code UP:DOWN} rates is applied to an upload and a download limiter
 * ({@link #start(Timetable, RateLimiter, RateLimiter, Clock, Scheduler)}), and any timetable to a
 * {@code LimitTree} node's ceiling or another {@link TimetableTarget}.
 *
 * <p>Time of day comes from a {@link Clock}, whose zone is the zone the timetable is read in; waiting
 * between boundaries is one task on a {@link Scheduler} (no thread of its own). Tests pass a fixed-zone
 * clock and a scheduler on virtual time. The timer wakes at least every {@link #MAX_SLEEP} to read the
 * clock again, so a wall clock that is set or jumps (suspend, NTP step) is followed within a minute; a
 * task that runs early simply re-arms.
 *
 * <pre>{@code
 * LeakyBucket limiter = LeakyBucket.of(DataRate.ofMebibytesPerSecond(8));
 * Timetable office = Timetable.parse("Mon-08:00,8MiB/s Mon-18:00,off Sat-00:00,1MiB/s");
 * try (AppliedTimetable applied = AppliedTimetable.start(office, limiter,
 *         Clock.system(ZoneId.of("Europe/Berlin")), Scheduler.shared())) {
 *     // transfers paced by limiter follow the timetable
 * }
 * }</pre>
 *
 * <p>The rate is set only when the timetable's rate changes, so a manual {@code setRate} between two
 * boundaries holds until the next boundary. Thread-safe; {@link #close()} calls off the timer and leaves
 * the limiter at its current rate: it waits for a change being applied at that moment, so once it returns
 * the rate no longer changes (do not call it from a thread the target's {@code apply} waits for).
 */
public final class AppliedTimetable implements AutoCloseable {

    /** The longest the timer sleeps before it reads the clock again. */
    public static final Duration MAX_SLEEP = Duration.ofMinutes(1);

    private final Timetable timetable;
    private final TimetableTarget target;
    private final Clock clock;
    private final Scheduler scheduler;
    // held around "check closed, then apply" and taken by close(): never held together with this' lock
    // by close, so a listener that reads appliedRates() during apply cannot deadlock it
    private final Object applying = new Object();

    // guarded by this
    private DirectionalRate applied;
    private Scheduler.Cancellable timer;
    private boolean closed;

    private AppliedTimetable(Timetable timetable, TimetableTarget target, Clock clock, Scheduler scheduler) {
        this.timetable = timetable;
        this.target = target;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /**
     * Sets {@code limiter} to {@code timetable}'s rate now and follows the timetable until closed.
     *
     * @param clock the time of day, in the zone the timetable is read in
     * @param scheduler runs the timer task; {@link Scheduler#shared()} in production
     * @throws IllegalArgumentException if an argument is null, or the timetable limits uploads and downloads
     *     differently (one limiter cannot follow both sides)
     * @throws RuntimeException whatever {@code limiter.setRate} throws for the rate due now; nothing is left
     *     scheduled then. Later, a refused change is tried again at the next wake-up.
     */
    public static AppliedTimetable start(Timetable timetable, RateLimiter limiter, Clock clock, Scheduler scheduler) {
        require(timetable, "timetable");
        require(limiter, "limiter");
        if (timetable.split()) {
            throw new IllegalArgumentException("timetable \"" + timetable + "\" limits uploads and downloads"
                    + " differently; apply it to an upload and a download limiter");
        }
        return start(timetable, TimetableTarget.of(limiter), clock, scheduler);
    }

    /**
     * Sets {@code upload} to the upload side and {@code download} to the download side of {@code timetable}'s
     * rates now, and follows the timetable until closed (a single rate in the timetable sets both).
     *
     * @param clock the time of day, in the zone the timetable is read in
     * @param scheduler runs the timer task; {@link Scheduler#shared()} in production
     * @throws IllegalArgumentException if an argument is null
     * @throws RuntimeException whatever {@code setRate} throws for the rates due now; nothing is left
     *     scheduled then. Later, a refused change is tried again (both sides) at the next wake-up.
     */
    public static AppliedTimetable start(Timetable timetable, RateLimiter upload, RateLimiter download, Clock clock,
            Scheduler scheduler) {
        return start(timetable, TimetableTarget.of(upload, download), clock, scheduler);
    }

    /**
     * Gives {@code target} {@code timetable}'s rates now, and new ones at each boundary until closed; e.g.
     * {@link TimetableTarget#ceilingOf} a limit tree node.
     *
     * @param clock the time of day, in the zone the timetable is read in
     * @param scheduler runs the timer task; {@link Scheduler#shared()} in production
     * @throws IllegalArgumentException if an argument is null
     * @throws RuntimeException whatever {@code target} throws for the rates due now; nothing is left
     *     scheduled then. Later, a refused change is tried again at the next wake-up.
     */
    public static AppliedTimetable start(Timetable timetable, TimetableTarget target, Clock clock, Scheduler scheduler) {
        require(timetable, "timetable");
        require(target, "target");
        require(clock, "clock");
        require(scheduler, "scheduler");
        AppliedTimetable applied = new AppliedTimetable(timetable, target, clock, scheduler);
        try {
            applied.tick();
        } catch (RuntimeException e) {
            applied.close(); // the caller never gets it, so it must not keep a timer
            throw e;
        }
        return applied;
    }

    /** The timetable being applied. */
    public Timetable timetable() {
        return timetable;
    }

    /** What it is applied to. */
    public TimetableTarget target() {
        return target;
    }

    /** The rates last applied; empty before the first change was accepted. */
    public synchronized Optional<DirectionalRate> appliedRates() {
        return Optional.ofNullable(applied);
    }

    /** The instant of the next change the timer waits for, in the clock's zone; empty if none, or closed. */
    public synchronized Optional<ZonedDateTime> nextChange() {
        return closed ? Optional.empty() : timetable.nextChange(now());
    }

    /**
     * Calls off the timer; the limiter keeps the rate it has. A change being applied when this is called is
     * waited for, so no rate is set after this returns. Idempotent.
     */
    @Override
    public void close() {
        Scheduler.Cancellable cancel;
        synchronized (this) {
            closed = true;
            cancel = timer;
            timer = null;
        }
        if (cancel != null) {
            cancel.cancel();
        }
        synchronized (applying) {
            // nothing to do: holding it once means an apply that began before closed was set has ended,
            // and any later one sees closed and does not apply
        }
    }

    /** Applies the rate due now, if it differs from the last one applied, then arms the timer. */
    private void tick() {
        ZonedDateTime now;
        DirectionalRate due;
        synchronized (this) {
            if (closed) {
                return;
            }
            now = now();
            due = timetable.ratesAt(now);
            if (due.equals(applied)) {
                due = null;
            }
        }
        // outside the lock: listeners re-time waiting reservations and may take their own locks; before the
        // timer is armed, so that the next tick's rate can never be overtaken by this one's. A limiter that
        // throws must not stop the timetable, hence the finally.
        try {
            if (due != null) {
                synchronized (applying) {
                    if (isClosed()) {
                        return; // closed while the rate was read: close() may already have returned
                    }
                    target.apply(due);
                    synchronized (this) {
                        applied = due; // only once set: a refused change is tried again at the next wake-up
                    }
                }
            }
        } finally {
            synchronized (this) {
                if (!closed) {
                    timer = scheduler.schedule(this::tick, sleepNanos(now));
                }
            }
        }
    }

    /**
     * Nanoseconds from the clock's time now until the next change seen from {@code now} (or
     * {@link #MAX_SLEEP} after {@code now}, if sooner). Measured from a fresh reading, so time spent in
     * {@code setRate} does not make the timer late; a wake-up already due runs at once.
     */
    private long sleepNanos(ZonedDateTime now) {
        Instant wake = now.toInstant().plus(MAX_SLEEP);
        Optional<ZonedDateTime> next = timetable.nextChange(now);
        if (next.isPresent() && next.get().toInstant().isBefore(wake)) {
            wake = next.get().toInstant();
        }
        return Math.max(0, Duration.between(clock.instant(), wake).toNanos());
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }

    @Override
    public String toString() {
        return "AppliedTimetable[" + timetable + " on " + target + ", zone " + clock.getZone() + "]";
    }

    private static void require(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
    }
}
