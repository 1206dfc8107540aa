package dev.sluice.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The parts of one transfer, on a hand-run pool: the first failure stops the rest, and "ended" means ended. */
class PartGroupTest {

    /** A pool that runs its queue only when the test says so, on the test thread. */
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private final Executor pool = queue::add;

    @Test
    void theFirstFailingPartStopsTheQueuedOnesAndIsTheGroupsFailure() {
        List<Integer> ran = new ArrayList<>();
        IOException boom = new IOException("part 2 failed");
        PartGroup group = new PartGroup(List.of(() -> ran.add(1), () -> {
            throw boom;
        }, () -> ran.add(3), () -> ran.add(4)));
        group.start(pool);

        queue.poll().run();
        queue.poll().run();
        assertTrue(group.ended().isDone(), "the two queued parts were counted as ended when cancelled");
        queue.forEach(Runnable::run); // what a pool does with tasks already queued: they return at once

        assertEquals(List.of(1), ran);
        assertSame(boom, group.failure());
    }

    @Test
    void aGroupEndsOnlyWhenItsLastPartHasReturned() {
        PartGroup group = new PartGroup(List.of(() -> { }, () -> { }));
        group.start(pool);

        queue.poll().run();
        assertFalse(group.ended().isDone());
        queue.poll().run();
        assertTrue(group.ended().isDone());
        assertEquals(null, group.failure());
    }

    @Test
    void cancellingBeforeAnyPartStartedEndsTheGroupAndNoPartRuns() {
        List<Integer> ran = new ArrayList<>();
        PartGroup group = new PartGroup(List.of(() -> ran.add(1), () -> ran.add(2)));
        group.start(pool);

        group.cancelAll();
        queue.forEach(Runnable::run);

        assertTrue(group.ended().isDone());
        assertEquals(List.of(), ran);
    }

    @Test
    void aRunningPartIsInterruptedByACancelAndItsThreadGoesBackToThePoolUninterrupted() {
        boolean[] sawInterrupt = new boolean[1];
        PartGroup[] self = new PartGroup[1];
        PartGroup group = new PartGroup(List.of(() -> {
            self[0].cancelAll(); // as if another thread cancelled while this part ran
            sawInterrupt[0] = Thread.currentThread().isInterrupted();
        }));
        self[0] = group;
        group.start(pool);

        queue.poll().run();

        assertTrue(sawInterrupt[0], "the running part was interrupted");
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt did not outlive the part");
        assertTrue(group.ended().isDone());
    }
}
