package dev.sluice.throttle;

import dev.sluice.api.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Virtual time for pacing tests: a ticker, a parker that advances the clock instead of sleeping, and a
 * scheduler whose tasks run when the clock passes them. Single-threaded by design: a parked "thread" is
 * the test thread itself, and events scheduled for the parked interval (async completions, rate
 * changes, interrupts) run inside {@link #park(long)}, in time order.
 */
final class FakeTime implements Ticker, Parker, Scheduler {

    /** Not zero, and large, so that code which confuses instants with durations fails. */
    static final long START = 7_000_000_000_000L;

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final List<Long> parks = new ArrayList<>();
    private long now = START;
    private long sequence;
    private boolean unparked;

    @Override
    public long read() {
        return now;
    }

    /** Nanoseconds since {@link #START}. */
    long elapsed() {
        return now - START;
    }

    /** Every duration passed to {@link #park(long)}, in order. */
    List<Long> parks() {
        return parks;
    }

    @Override
    public void park(long nanos) throws InterruptedException {
        parks.add(nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long target = now + nanos;
        unparked = false;
        while (!events.isEmpty() && events.peek().time <= target) {
            runNext();
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (unparked) {
                unparked = false;
                return;
            }
        }
        now = target;
    }

    @Override
    public void unpark(Thread thread) {
        unparked = true;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        Event event = new Event(now + Math.max(0, delayNanos), sequence++, task);
        events.add(event);
        return () -> events.remove(event);
    }

    /** Runs {@code task} when the clock reaches {@code nanosFromStart}. */
    void at(long nanosFromStart, Runnable task) {
        schedule(task, START + nanosFromStart - now);
    }

    /** Moves the clock forward by {@code nanos}, running the tasks that fall due, in order. */
    void advance(long nanos) {
        long target = now + nanos;
        while (!events.isEmpty() && events.peek().time <= target) {
            runNext();
        }
        now = target;
    }

    /** Runs every task, moving the clock to each; fails if the queue never drains. */
    void runUntilIdle() {
        for (long i = 0; !events.isEmpty(); i++) {
            if (i > 50_000_000L) {
                throw new AssertionError("scheduler never went idle");
            }
            runNext();
        }
    }

    /** The number of tasks waiting. */
    int pendingTasks() {
        return events.size();
    }

    private void runNext() {
        Event event = events.poll();
        now = Math.max(now, event.time);
        event.task.run();
    }

    private static final class Event implements Comparable<Event> {
        final long time;
        final long sequence;
        final Runnable task;

        Event(long time, long sequence, Runnable task) {
            this.time = time;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
