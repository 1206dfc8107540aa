package dev.sluice.transfer.internal;

import dev.sluice.api.Ticker;
import dev.sluice.throttle.Scheduler;
import java.util.PriorityQueue;

/**
 * Virtual time for pacing tests: a ticker and a scheduler whose tasks run when the test moves the clock past
 * them, in time order, on the test thread.
 */
final class VirtualTime implements Ticker, Scheduler {

    /** Far from zero, so that an instant mistaken for a duration shows. */
    static final long START = 5_000_000_000_000L;

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long now = START;
    private long sequence;

    @Override
    public long read() {
        return now;
    }

    /** Nanoseconds since {@link #START}. */
    long elapsed() {
        return now - START;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        Event event = new Event(now + Math.max(0, delayNanos), sequence++, task);
        events.add(event);
        return () -> events.remove(event);
    }

    /** Runs the tasks due up to {@code nanosFromStart}, then sets the clock there. */
    void runUntil(long nanosFromStart) {
        long target = START + nanosFromStart;
        while (!events.isEmpty() && events.peek().time <= target) {
            runNext();
        }
        now = Math.max(now, target);
    }

    /** Runs every task, moving the clock to each. */
    void runUntilIdle() {
        for (int i = 0; !events.isEmpty(); i++) {
            if (i > 10_000_000) {
                throw new AssertionError("the scheduler never went idle");
            }
            runNext();
        }
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
