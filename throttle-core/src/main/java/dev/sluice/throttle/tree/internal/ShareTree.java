package dev.sluice.throttle.tree.internal;

import dev.sluice.api.DataRate;
import dev.sluice.api.DataSize;
import dev.sluice.api.RateLimiter;
import dev.sluice.api.Ticker;
import dev.sluice.throttle.Scheduler;
import dev.sluice.throttle.tree.Direction;
import dev.sluice.throttle.tree.NodeSnapshot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One direction of a limit tree: the nodes, which transfers are busy, and the allocation that turns the
 * busy set into one rate per transfer's bucket. See {@code LimitTree} for the rules; this class holds the
 * mechanics.
 *
 * <p>Everything structural happens under one lock and only when something changes (a transfer turns busy
 * or idle, a limit changes, a node is paused). The rates it computes are applied to the buckets after the
 * lock is released: setting a bucket's rate calls its listeners (waiting reservations, which take their
 * acquisition's lock), and a reservation that turns a transfer busy may itself be running under such a
 * lock. The calling transfer's own bucket is set at once, so its first reservation is priced at its new
 * share; the others are set by a task on the scheduler when the change came from a reservation, or at
 * once when it came from a control call.
 */
public final class ShareTree {

    /**
     * How many times slower than its share a paused transfer paces (but never below 1 bit/s), so that its
     * waiting reservations are held and kept. Not slower: pausing scales the transfer's backlog by this factor,
     * and {@code Retiming} clamps a backlog at about 73 years, so a pause at 1 bit/s cut every backlog longer
     * than 2.3 s at 1 Gbit/s. With 2^20, a backlog of up to 36 minutes comes back intact from a pause of any
     * length. The cost: above 1 Mbit/s a paused transfer still trickles (119 B/s at 1 Gbit/s), and a wait
     * with 1 ms left goes after 17 minutes of pause; shares up to 1 Mbit/s pace at 1 bit/s, as before.
     */
    static final long PAUSE_SLOWDOWN = 1L << 20;
    /** What a paused transfer paces at when its share has no limit (its backlog is dropped then anyway). */
    static final DataRate PAUSED = DataRate.ofBitsPerSecond(1);
    private static final long NO_SWEEP = Long.MIN_VALUE;

    private final Direction direction;
    private final LeafCeilings leafCeilings;
    private final Ticker ticker;
    private final Scheduler scheduler;
    private final long idleNanos;
    private final DataSize leafBurst;
    private final Object lock = new Object();
    private final Map<String, ShareNode> nodes = new LinkedHashMap<>();
    private final Set<LeafLimiter> busy = new LinkedHashSet<>();
    private final ShareNode root;
    /** When the earliest busy transfer may have gone idle; read without the lock on every reservation. */
    private volatile long nextSweep = NO_SWEEP;
    /** Sweeps at {@link #nextSweep} when no reservation comes to do it. */
    private final SweepTimer sweepTimer;

    /**
     * A tree of {@code direction} with only its root, {@code rootPath}, of ceiling {@code rootCeil} bits per
     * second ({@link FairShare#UNLIMITED} for none). A transfer becomes idle {@code idleNanos} after its last
     * reservation if nothing of it waits; a leaf's {@code setRate} goes through {@code leafCeilings}.
     */
    public ShareTree(Direction direction, LeafCeilings leafCeilings, Ticker ticker, Scheduler scheduler, long idleNanos,
            DataSize leafBurst, String rootPath, long rootCeil) {
        this.direction = direction;
        this.leafCeilings = leafCeilings;
        this.ticker = ticker;
        this.scheduler = scheduler;
        this.idleNanos = idleNanos;
        this.leafBurst = leafBurst;
        this.root = new ShareNode(rootPath, null, null, 0, rootCeil, 1);
        this.sweepTimer = new SweepTimer(scheduler, ticker, () -> nextSweep, NO_SWEEP, this::sweepIfDue);
        nodes.put(rootPath, root);
    }

    /** The direction this tree shares. */
    public Direction direction() {
        return direction;
    }

    /** What is wrong with giving node {@code path} (under {@code parentPath}) these limits; {@code null} if nothing. */
    public String problem(String path, String parentPath, long assured, long ceil) {
        synchronized (lock) {
            ShareNode self = nodes.get(path);
            String side = direction.name().toLowerCase(Locale.ROOT);
            if (assured > ceil) {
                return "node " + path + ": assured " + side + " rate " + text(assured) + " must be at most its ceiling "
                        + text(ceil);
            }
            if (self != null && self.childrenAssured(null) > ceil) {
                return "node " + path + ": its children's assured " + side + " rates add up to "
                        + text(self.childrenAssured(null)) + ", must be at most its ceiling " + text(ceil);
            }
            ShareNode parent = parentPath == null ? null : nodes.get(parentPath);
            if (parent != null && parent.childrenAssured(self) + assured > parent.ceil) {
                return "node " + parentPath + ": its children's assured " + side + " rates would add up to "
                        + text(parent.childrenAssured(self) + assured) + ", must be at most its ceiling " + text(parent.ceil);
            }
            return null;
        }
    }

    /** Adds an interior node; the caller has checked {@link #problem}. */
    public void addNode(String path, String parentPath, long assured, long ceil, int weight) {
        synchronized (lock) {
            ShareNode parent = nodes.get(parentPath);
            ShareNode node = new ShareNode(path, parent, null, assured, ceil, weight);
            parent.children.add(node);
            nodes.put(path, node);
        }
    }

    /** Adds a transfer's leaf under {@code parentPath}; it turns busy with its first reservation. */
    public RateLimiter openLeaf(String path, String parentPath, long assured, long ceil, int weight) {
        LeafLimiter leaf = new LeafLimiter(this, ticker, leafBurst, DataRate.UNLIMITED);
        synchronized (lock) {
            ShareNode parent = nodes.get(parentPath);
            ShareNode node = new ShareNode(path, parent, leaf, assured, ceil, weight);
            leaf.node = node;
            parent.children.add(node);
            nodes.put(path, node);
            // a leaf starts at the share it would get as soon as it is busy, so an estimate before then is sane
            leaf.target = potentialShare(node);
        }
        leaf.applyTarget();
        return leaf;
    }

    /**
     * Removes a transfer's leaf; its share goes back to its siblings at once, or, when a reservation of it still
     * waits, as soon as that wait is over: its bucket paces that backlog at the share meanwhile, and the siblings
     * taking the share as well would run the parent above its rate.
     */
    public void closeLeaf(RateLimiter limiter) {
        LeafLimiter leaf = (LeafLimiter) limiter;
        List<LeafLimiter> changed = List.of();
        synchronized (lock) {
            if (leaf.closed) {
                return;
            }
            leaf.closed = true;
            long waiting = leaf.active ? leaf.waitingNanos() : 0;
            if (waiting > 0) {
                long due = ticker.read() + waiting; // the sweep then removes it
                if (nextSweep == NO_SWEEP || due - nextSweep < 0) {
                    nextSweep = due;
                }
            } else {
                leaf.active = false;
                busy.remove(leaf);
                if (busy.isEmpty()) {
                    nextSweep = NO_SWEEP;
                }
                detach(leaf);
                changed = reallocate();
            }
        }
        sweepTimer.arm();
        changed.forEach(LeafLimiter::applyTarget);
    }

    private void detach(LeafLimiter leaf) {
        leaf.node.parent.children.remove(leaf.node);
        nodes.remove(leaf.node.path);
    }

    /** Sets a node's limits; the caller has checked {@link #problem}. Takes effect within one grant. */
    public void setLimits(String path, long assured, long ceil, int weight) {
        List<LeafLimiter> changed;
        synchronized (lock) {
            ShareNode node = nodes.get(path);
            node.assured = assured;
            node.ceil = ceil;
            node.weight = weight;
            changed = reallocate();
        }
        changed.forEach(LeafLimiter::applyTarget);
    }

    /** Pauses ({@code true}) or resumes a node and everything under it; waiting reservations are kept. */
    public void setPaused(String path, boolean paused) {
        List<LeafLimiter> changed;
        synchronized (lock) {
            nodes.get(path).paused = paused;
            changed = reallocate();
        }
        changed.forEach(LeafLimiter::applyTarget);
    }

    void setLeafCeiling(LeafLimiter leaf, DataRate rate) {
        leafCeilings.set(leaf.node.path, direction, rate);
    }

    /** Where a transfer's own {@code setRate} goes, so that it is checked and recorded like any other change. */
    @FunctionalInterface
    public interface LeafCeilings {

        /** Sets the ceiling of transfer {@code path} in {@code direction} to {@code ceil}. */
        void set(String path, Direction direction, DataRate ceil);
    }

    /** Makes {@code leaf} busy: from now on it has a share, and its siblings' shares shrink. */
    void activate(LeafLimiter leaf, long now) {
        List<LeafLimiter> changed;
        synchronized (lock) {
            if (leaf.active || leaf.closed) {
                return;
            }
            leaf.active = true;
            busy.add(leaf);
            long due = now + idleNanos;
            if (nextSweep == NO_SWEEP || due - nextSweep < 0) {
                nextSweep = due;
            }
            changed = reallocate();
        }
        sweepTimer.arm();
        leaf.applyTarget();
        changed.remove(leaf);
        applyLater(changed);
    }

    /** Makes idle the busy transfers that have neither reserved within the idle window nor a reservation waiting. */
    void sweepIfDue(long now) {
        long due = nextSweep;
        if (due == NO_SWEEP || now - due < 0) {
            return;
        }
        List<LeafLimiter> changed = List.of();
        synchronized (lock) {
            if (nextSweep != due) {
                return; // another reservation swept meanwhile
            }
            boolean idled = false;
            long next = NO_SWEEP;
            for (Iterator<LeafLimiter> it = busy.iterator(); it.hasNext(); ) {
                LeafLimiter leaf = it.next();
                // mark first, look second; a reservation writes its time first and reads the mark second, so
                // either we see its time (and keep the leaf busy) or it sees the mark (and turns busy again)
                leaf.active = false;
                long waiting = leaf.waitingNanos();
                // a waiting leaf is looked at again one idle window after its wait ends, not at the very end,
                // when the transfer is about to reserve its next chunk
                long expiry = leaf.closed ? now + waiting // closed: it goes when its last wait is over
                        : (waiting == 0 ? leaf.lastReservedAt : later(leaf.lastReservedAt, now + waiting)) + idleNanos;
                if (waiting == 0 && now - expiry >= 0) {
                    it.remove();
                    if (leaf.closed) {
                        detach(leaf);
                    }
                    idled = true;
                } else {
                    leaf.active = true;
                    if (next == NO_SWEEP || expiry - next < 0) {
                        next = expiry;
                    }
                }
            }
            nextSweep = next;
            if (idled) {
                changed = reallocate();
            }
        }
        sweepTimer.arm();
        applyLater(changed);
    }

    /** The later of two ticker readings; they may lie on either side of the ticker's wrap, so not {@code Math.max}. */
    private static long later(long one, long other) {
        return one - other >= 0 ? one : other;
    }

    private void applyLater(List<LeafLimiter> changed) {
        if (!changed.isEmpty()) {
            scheduler.schedule(() -> changed.forEach(LeafLimiter::applyTarget), 0);
        }
    }

    /** Recomputes every share; returns the leaves whose target changed. Under the lock. */
    private List<LeafLimiter> reallocate() {
        countBusy(root);
        List<LeafLimiter> changed = new ArrayList<>();
        allot(root, root.ceil, false, changed);
        return changed;
    }

    private int countBusy(ShareNode node) {
        if (node.leaf != null) {
            node.activeLeaves = node.leaf.active ? 1 : 0;
            return node.paused ? 0 : node.activeLeaves;
        }
        int count = 0;
        for (ShareNode child : node.children) {
            count += countBusy(child);
        }
        node.activeLeaves = count;
        return node.paused ? 0 : count; // a paused subtree takes no share, so its siblings may borrow it
    }

    private void allot(ShareNode node, long available, boolean pausedAbove, List<LeafLimiter> changed) {
        boolean paused = pausedAbove || node.paused;
        node.allotted = paused || node.activeLeaves == 0 ? 0 : Math.min(available, node.ceil);
        if (node.leaf != null) {
            if (paused) {
                // slowed from the share it had when it was paused, not again at every reallocation meanwhile
                retarget(node.leaf, node.leaf.held ? node.leaf.target : pausedRate(node.leaf.target), changed);
                node.leaf.held = true;
            } else if (node.activeLeaves > 0) {
                node.leaf.held = false;
                retarget(node.leaf, rate(node.allotted), changed);
            }
            return;
        }
        List<ShareNode> sharing = new ArrayList<>();
        for (ShareNode child : node.children) {
            if (!paused && !child.paused && child.activeLeaves > 0) {
                sharing.add(child);
            }
        }
        long[] shares = split(node.allotted, sharing);
        for (ShareNode child : node.children) {
            int index = sharing.indexOf(child);
            allot(child, index < 0 ? 0 : shares[index], paused, changed);
        }
    }

    private static long[] split(long available, List<ShareNode> sharing) {
        int n = sharing.size();
        int[] weights = new int[n];
        long[] assured = new long[n];
        long[] ceilings = new long[n];
        for (int i = 0; i < n; i++) {
            weights[i] = sharing.get(i).weight;
            assured[i] = sharing.get(i).assured;
            ceilings[i] = sharing.get(i).ceil;
        }
        return FairShare.split(available, weights, assured, ceilings);
    }

    /** What {@code node} would get if it turned busy alone: its ceiling, capped by each ancestor's. */
    private static DataRate potentialShare(ShareNode node) {
        long share = node.ceil;
        for (ShareNode up = node.parent; up != null; up = up.parent) {
            share = Math.min(share, up.ceil);
        }
        return rate(share);
    }

    private static DataRate pausedRate(DataRate share) {
        return share.isUnlimited() ? PAUSED : DataRate.ofBitsPerSecond(Math.max(1, share.bitsPerSecond() / PAUSE_SLOWDOWN));
    }

    private static void retarget(LeafLimiter leaf, DataRate rate, List<LeafLimiter> changed) {
        if (!leaf.target.equals(rate)) {
            leaf.target = rate;
            changed.add(leaf);
        }
    }

    static DataRate rate(long bitsPerSecond) {
        return bitsPerSecond == FairShare.UNLIMITED ? DataRate.UNLIMITED : DataRate.ofBitsPerSecond(Math.max(1, bitsPerSecond));
    }

    /** One row per node, parents before children, with the rate reserved since the previous snapshot. */
    public List<NodeSnapshot> snapshot() {
        long now = ticker.read();
        synchronized (lock) {
            return SnapshotRows.of(root, direction, now);
        }
    }

    private static String text(long bitsPerSecond) {
        return bitsPerSecond == FairShare.UNLIMITED ? "off" : bitsPerSecond == 0 ? "0 bit/s"
                : DataRate.ofBitsPerSecond(bitsPerSecond).toString();
    }
}
