package dev.sluice.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.tree.Direction;
import dev.sluice.throttle.tree.DirectionalRate;
import dev.sluice.throttle.tree.LimitTree;
import dev.sluice.throttle.tree.NodeLimits;
import dev.sluice.throttle.tree.NodeSnapshot;
import dev.sluice.throttle.tree.TreeTransfer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Real threads hammering one limit tree with reservations, limit changes, pauses and transfers closed and
 * opened, on a virtual clock that only moves between rounds: within a round the threads race each other at
 * one instant, and between rounds every invariant is checked. A bounded number of rounds, never a duration;
 * every assertion holds whatever the interleaving.
 */
class LimitTreeStressTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 3000;
    private static final long STEP = TimeUnit.MICROSECONDS.toNanos(500);
    private static final long PARENT_BITS = 8_000_000; // 1,000,000 B/s
    private static final long PARENT_BYTES = PARENT_BITS / 8;
    private static final DataSize BURST = DataSize.ofKibibytes(1);
    private static final long START = 7_000_000_000_000L;

    private final AtomicLong clock = new AtomicLong(START);
    private final Ticker ticker = clock::get;
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final ConcurrentLinkedQueue<long[]> grants = new ConcurrentLinkedQueue<>();
    /** When a transfer was opened or seen idle: each such moment lets one leaf burst go beyond the rate. */
    private final ConcurrentLinkedQueue<Long> freshCredit = new ConcurrentLinkedQueue<>();

    @Test
    void fourThreadsRacingForAParentNeverGetMoreThanItsRateOverTimePlusOneBurstPerIdlePeriod() throws Exception {
        LimitTree tree = LimitTree.builder().text("global=" + PARENT_BITS + "bit/s; bucket:0; bucket:1")
                .idleAfter(Duration.ofMillis(5)).leafBurst(BURST).ticker(ticker).scheduler(scheduler).build();
        Slot[] slots = new Slot[THREADS];
        for (int i = 0; i < THREADS; i++) {
            slots[i] = new Slot(tree, "bucket:" + (i % 2), new Random(i));
        }
        ConcurrentLinkedQueue<Throwable> thrown = new ConcurrentLinkedQueue<>();
        CyclicBarrier roundEnd = new CyclicBarrier(THREADS, () -> {
            try {
                betweenRounds(tree, slots);
            } catch (Throwable failure) {
                thrown.add(failure);
            }
        });
        List<Thread> threads = new ArrayList<>();
        for (Slot slot : slots) {
            Thread thread = new Thread(() -> {
                try {
                    for (int round = 0; round < ROUNDS && thrown.isEmpty(); round++) {
                        slot.step();
                        roundEnd.await(1, TimeUnit.MINUTES); // a bound against a hang, not a measurement
                    }
                } catch (Throwable failure) {
                    thrown.add(failure);
                    roundEnd.reset();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(thrown.isEmpty(), () -> "failed: " + thrown);

        tree.resume("bucket:0");
        tree.resume("bucket:1");
        for (int i = 0; i < 100_000 && !allDone(slots); i++) {
            advance(STEP);
        }
        assertTrue(allDone(slots), "every reservation is granted once nothing is paused");
        checkGrantedWithinTheParent();
    }

    /** Single-threaded (the barrier's action): applies pending rates, checks the shares, moves the clock. */
    private void betweenRounds(LimitTree tree, Slot[] slots) {
        scheduler.runDue(clock.get());
        checkShares(tree, slots);
        advance(STEP);
        countIdle(tree, slots);
    }

    private void checkShares(LimitTree tree, Slot[] slots) {
        List<NodeSnapshot> rows = tree.snapshot();
        for (NodeSnapshot row : rows) {
            if (row.direction() != Direction.UPLOAD) {
                continue;
            }
            long children = rows.stream().filter(child -> child.direction() == Direction.UPLOAD
                    && isChild(child.path(), row.path())).mapToLong(child -> bits(child.allotted())).sum();
            assertTrue(children <= bits(row.allotted()) || row.allotted().isEmpty() && children == 0,
                    "children of " + row.path() + " share " + children + " bit/s of " + row.allotted());
        }
        long busyRates = 0;
        for (Slot slot : slots) {
            NodeSnapshot row = rows.stream().filter(r -> r.direction() == Direction.UPLOAD
                    && r.path().equals(slot.transfer.path())).findFirst().orElseThrow();
            if (row.activeChildren() == 1 && !row.paused()) {
                assertEquals(row.allotted().orElseThrow(), slot.transfer.upload().rate(), "applied: " + row);
                busyRates += slot.transfer.upload().rate().bitsPerSecond();
            }
        }
        assertTrue(busyRates <= PARENT_BITS, "busy transfers pace at " + busyRates + " bit/s together");
        for (NodeSnapshot row : rows) {
            assertTrue(!row.transfer() || java.util.Arrays.stream(slots).anyMatch(s -> s.transfer.path().equals(row.path())),
                    "closed transfer still in the tree: " + row.path());
        }
    }

    private void countIdle(LimitTree tree, Slot[] slots) {
        for (NodeSnapshot row : tree.snapshot()) {
            if (row.transfer() && row.direction() == Direction.UPLOAD && row.activeChildren() == 0) {
                freshCredit.add(clock.get());
            }
        }
    }

    /**
     * Each leaf grants at most its burst plus its rate over time, and the busy, unpaused leaves' rates add up
     * to at most the parent's; paused leaves trickle at their share / 2^20 (at least 1 bit/s). A leaf's credit
     * only grows back to a burst while it is idle: one burst per transfer opened and per idle observation.
     */
    private void checkGrantedWithinTheParent() {
        List<long[]> sorted = new ArrayList<>(grants);
        sorted.sort(Comparator.comparingLong(grant -> grant[0]));
        double trickle = THREADS * Math.max(1, PARENT_BITS >> 20) / 8.0;
        // what each leaf may grant beyond its rate in a window: the credit it holds when the window opens, or
        // the one chunk it reserved before the window and is granted in it (a chunk is never above a burst here),
        // and the credit it may regrow while idle or newly opened
        long[] credits = freshCredit.stream().mapToLong(Long::longValue).sorted().toArray();
        long total = 0;
        for (int first = 0; first < sorted.size(); first++) {
            long inWindow = 0;
            long from = sorted.get(first)[0] - STEP; // opened or idle in the step before the window counts too
            for (int last = first; last < sorted.size(); last++) {
                inWindow += sorted.get(last)[1];
                double seconds = (sorted.get(last)[0] - sorted.get(first)[0]) / 1e9;
                long fresh = countWithin(credits, from, sorted.get(last)[0]);
                double bound = (PARENT_BYTES + trickle) * seconds + BURST.bytes() * (THREADS + fresh);
                if (inWindow > bound) {
                    throw new AssertionError(inWindow + " B granted within " + seconds + " s, bound " + bound + " B");
                }
            }
            total += sorted.get(first)[1];
        }
        assertTrue(total > PARENT_BYTES * (clock.get() - START) / 1e9 / 4, "the tree was kept busy: " + total + " B");
    }

    private static long countWithin(long[] sortedTimes, long from, long to) {
        return firstAtOrAfter(sortedTimes, to + 1) - firstAtOrAfter(sortedTimes, from);
    }

    private static int firstAtOrAfter(long[] sortedTimes, long time) {
        int low = 0;
        int high = sortedTimes.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sortedTimes[middle] < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private void advance(long nanos) {
        long target = clock.get() + nanos;
        scheduler.runUntil(clock, target);
    }

    private static boolean allDone(Slot[] slots) {
        for (Slot slot : slots) {
            if (!slot.pending.stream().allMatch(CompletableFuture::isDone)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isChild(String path, String parent) {
        String prefix = parent.equals(LimitTree.ROOT) ? "" : parent + "/";
        String rest = path.startsWith(prefix) ? path.substring(prefix.length()) : null;
        return !path.equals(parent) && rest != null && !rest.isEmpty() && !rest.contains("/");
    }

    private static long bits(java.util.Optional<DataRate> rate) {
        return rate.map(DataRate::bitsPerSecond).orElse(0L);
    }

    /** One thread's transfer and what it does each round, chosen by its own seeded sequence. */
    private final class Slot {
        final LimitTree tree;
        final String node;
        final Random random;
        TreeTransfer transfer;
        Pacer pacer;
        final List<CompletableFuture<Void>> pending = new ArrayList<>();

        Slot(LimitTree tree, String node, Random random) {
            this.tree = tree;
            this.node = node;
            this.random = random;
            open();
        }

        void step() {
            int choice = random.nextInt(100);
            if (choice < 60) {
                pending.removeIf(CompletableFuture::isDone);
                if (pending.size() < 16) { // a backlog of a few chunks keeps the parent saturated
                    long bytes = 256 + random.nextInt(769); // at most the burst, see checkGrantedWithinTheParent
                    CompletableFuture<Void> grant = pacer.acquireAsync(bytes);
                    grant.thenRun(() -> grants.add(new long[] {clock.get(), bytes}));
                    pending.add(grant);
                }
            } else if (choice < 70) {
                DataRate ceil = random.nextBoolean() ? DataRate.UNLIMITED : DataRate.ofBitsPerSecond(1_000_000 + random.nextInt(8_000_000));
                tree.setLimits(node, NodeLimits.DEFAULT.weight(1 + random.nextInt(3)).ceil(DirectionalRate.both(ceil)));
            } else if (choice < 73) {
                tree.pause(node);
            } else if (choice < 86) {
                tree.resume(node);
            } else if (choice < 98) {
                transfer.upload().setRate(random.nextBoolean() ? DataRate.UNLIMITED
                        : DataRate.ofBitsPerSecond(500_000 + random.nextInt(4_000_000)));
            } else {
                pending.forEach(grant -> grant.cancel(false)); // gives the waiting chunks back
                pending.clear();
                transfer.close();
                open();
            }
        }

        private void open() {
            transfer = tree.open(node);
            pacer = Pacer.builder().limiter(transfer.upload()).ticker(ticker).parker(new NoParker()).scheduler(scheduler)
                    .chunkSize(BURST).build();
            freshCredit.add(clock.get());
        }
    }

    /** Tasks run in time order by whoever moves the clock; thread-safe, tasks run outside its lock. */
    private static final class VirtualScheduler implements Scheduler {
        private final PriorityQueue<long[]> queue = new PriorityQueue<>(
                Comparator.<long[]>comparingLong(entry -> entry[0]).thenComparingLong(entry -> entry[1]));
        private final java.util.Map<Long, Runnable> tasks = new java.util.HashMap<>();
        private long sequence;
        private long now = START;

        @Override
        public synchronized Cancellable schedule(Runnable task, long delayNanos) {
            long id = sequence++;
            queue.add(new long[] {now + Math.max(0, delayNanos), id});
            tasks.put(id, task);
            return () -> {
                synchronized (this) {
                    tasks.remove(id);
                }
            };
        }

        /** Runs every task due at {@code time} or before. */
        void runDue(long time) {
            while (true) {
                Runnable task;
                synchronized (this) {
                    now = Math.max(now, time);
                    long[] head = queue.peek();
                    if (head == null || head[0] > time) {
                        return;
                    }
                    queue.poll();
                    task = tasks.remove(head[1]);
                }
                if (task != null) {
                    task.run();
                }
            }
        }

        /** Moves {@code clock} to each due task's time in turn, then to {@code target}. */
        void runUntil(AtomicLong clock, long target) {
            while (true) {
                long next;
                synchronized (this) {
                    long[] head = queue.peek();
                    next = head == null || head[0] > target ? target : Math.max(head[0], clock.get());
                }
                clock.set(next);
                runDue(next);
                if (next == target) {
                    return;
                }
            }
        }
    }

    /** Asynchronous acquisitions never park. */
    private static final class NoParker implements Parker {
        @Override
        public void park(long nanos) {
            throw new AssertionError("parked for " + nanos + " ns");
        }

        @Override
        public void unpark(Thread thread) {
        }
    }
}
